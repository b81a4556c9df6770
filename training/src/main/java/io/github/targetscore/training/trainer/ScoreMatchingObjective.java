package io.github.targetscore.training.trainer;

import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.training.model.RegressionBatch;
import io.github.targetscore.training.model.ScoreModel;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What a training step minimises on a batch: the weighted regression onto the batch's targets
 * (DSM, TSM, κ, κ̄ and Monte Carlo targets alike), or implicit score matching, which uses only
 * the noisy points. Implementations are immutable; randomness (Hutchinson's probes) comes from
 * the step's own stream, so resumed training is exact.
 */
@FunctionalInterface
public interface ScoreMatchingObjective {

    /**
     * Adds the gradient of the objective on {@code batch} to the model's gradient vector.
     *
     * @param step the optimisation step (seeds any randomness of the objective)
     * @return the objective's value
     */
    double lossAndGradient(ScoreModel model, RegressionBatch batch, long step);

    /** ℓ = (1/B) Σ_i λ_i ‖s_θ(y_i, t_i) − L_i‖². */
    static ScoreMatchingObjective regression() {
        return (model, batch, step) -> model.lossAndGradient(batch);
    }

    /**
     * Implicit score matching with the exact divergence: d probes, the unit vectors (cost d
     * forward-and-tangent passes per step: for low dimension).
     */
    static ScoreMatchingObjective implicitExact() {
        return (model, batch, step) -> {
            int d = model.dimension();
            double[][] probes = new double[d][batch.size() * d];
            for (int k = 0; k < d; k++) {
                for (int i = 0; i < batch.size(); i++) {
                    probes[k][i * d + k] = 1;
                }
            }
            return model.implicitLossAndGradient(batch, probes);
        };
    }

    /**
     * Implicit score matching with Hutchinson's estimator of the divergence: {@code probes}
     * Rademacher vectors r per row (E[rrᵀ] = I, so E[rᵀJr] = tr J), each scaled by 1/√P so
     * that their sum averages, drawn from stream {@code step} of {@code seed}'s streams.
     */
    static ScoreMatchingObjective implicitHutchinson(int probes, long seed) {
        if (probes < 1) {
            throw new IllegalArgumentException("Hutchinson needs >= 1 probe, got " + probes);
        }
        RandomStreams streams = RandomStreams.of(seed);
        double entry = 1 / Math.sqrt(probes);
        return (model, batch, step) -> {
            UniformRandomProvider rng = streams.stream(step);
            double[][] directions = new double[probes][batch.size() * model.dimension()];
            for (double[] direction : directions) {
                for (int j = 0; j < direction.length; j++) {
                    direction[j] = rng.nextBoolean() ? entry : -entry;
                }
            }
            return model.implicitLossAndGradient(batch, directions);
        };
    }
}
