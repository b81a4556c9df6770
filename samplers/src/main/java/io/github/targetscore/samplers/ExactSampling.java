package io.github.targetscore.samplers;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.random.RandomStreams;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws independent samples from a target with an {@linkplain EnergyModel#exactSampler() exact
 * sampler}, in parallel: sample {@code i} comes from stream {@code i} of the given
 * {@link RandomStreams}, so the output depends on the seed only, never on the thread count.
 * Immutable and thread-safe.
 */
public final class ExactSampling {

    /** Rows per parallel task: drawing is cheap, so blocks must be large enough to pay off. */
    private static final int ROWS_PER_TASK = 256;

    private final EnergyModel model;
    private final ExactSampler sampler;

    private ExactSampling(EnergyModel model, ExactSampler sampler) {
        this.model = model;
        this.sampler = sampler;
    }

    /**
     * @param model a target with an exact sampler
     * @throws IllegalArgumentException if the model has none
     */
    public static ExactSampling of(EnergyModel model) {
        ExactSampler sampler = model.exactSampler().orElseThrow(() -> new IllegalArgumentException(
                "energy " + model + " has no exact sampler; use an MCMC sampler instead"));
        return new ExactSampling(model, sampler);
    }

    /**
     * Draws {@code count} samples at β = 1.
     *
     * @param count number of samples, ≥ 0
     * @param streams stream {@code i} draws sample {@code i}
     * @param pool workers
     * @return row-major samples, {@code count × dimension}
     */
    public double[] draw(int count, RandomStreams streams, ForkJoinPool pool) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int d = model.dimension();
        double[] samples = new double[Math.multiplyExact(count, d)];
        ParallelEnergies.of(pool, ROWS_PER_TASK).run(0, count, (from, n) -> {
            for (int i = from; i < from + n; i++) {
                UniformRandomProvider rng = streams.stream(i);
                sampler.sample(rng, samples, i * d);
            }
        });
        return samples;
    }
}
