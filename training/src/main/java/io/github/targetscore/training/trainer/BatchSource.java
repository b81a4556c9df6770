package io.github.targetscore.training.trainer;

import io.github.targetscore.training.model.RegressionBatch;

/**
 * Where regression batches come from: noisy points y_i, times t_i and targets L_i (an identity's
 * integrand at a clean sample, or a Monte Carlo score estimate). A source draws the batch of
 * step k from its own random stream for k, so a run resumed at step k sees exactly the batches
 * an uninterrupted run would.
 */
@FunctionalInterface
public interface BatchSource {

    /**
     * Fills {@code batch} (already {@link RegressionBatch#reset reset} to its size) with the
     * batch of optimisation step {@code step}.
     */
    void fill(long step, RegressionBatch batch);
}
