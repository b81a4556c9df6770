package io.github.targetscore.samplers.posterior;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws a (weighted) sample of a {@link Posterior} p(x|y): exactly (Gaussian mixtures), by
 * self-normalised importance sampling, by MCMC or by sequential Monte Carlo. Implementations are
 * immutable and thread-safe; all randomness comes from the stream passed in, so a given stream
 * gives the same sample on any thread.
 */
public interface PosteriorSampler {

    /**
     * Fills {@code out} with a sample of {@code posterior}: positions, target scores
     * ∇log p_X, log-weights, groups and diagnostics.
     *
     * @param posterior the density to sample
     * @param rng the random stream of this noisy point
     * @param out the buffer; its capacity bounds the sample size
     */
    void sample(Posterior posterior, UniformRandomProvider rng, WeightedSample out);

    /** The number of samples K it draws per posterior: the capacity its buffers need. */
    int sampleSize();

    /** The sampler's name in outputs: exact, snis, rwmh, mala, hmc, smc. */
    String name();
}
