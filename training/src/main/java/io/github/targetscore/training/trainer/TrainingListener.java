package io.github.targetscore.training.trainer;

import io.github.targetscore.training.model.RegressionBatch;

/** Observes training: called after every optimisation step (progress, loss curves). */
@FunctionalInterface
public interface TrainingListener {

    /**
     * @param step the step just taken (0-based)
     * @param loss its mean weighted regression loss
     * @param gradientNorm the gradient norm before clipping
     * @param batch the batch, with per-row losses and times (valid only during the call)
     */
    void stepTaken(long step, double loss, double gradientNorm, RegressionBatch batch);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return (step, loss, gradientNorm, batch) -> { };
    }
}
