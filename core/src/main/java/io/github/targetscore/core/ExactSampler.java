package io.github.targetscore.core;

import org.apache.commons.rng.UniformRandomProvider;

/** Draws independent exact samples of a target density exp(−U(x)) / Z at β = 1. */
@FunctionalInterface
public interface ExactSampler {

    /**
     * Writes one sample into {@code destination[offset .. offset + dimension − 1]}.
     *
     * @param rng the random stream to draw from
     * @param destination output array
     * @param offset first coordinate written
     */
    void sample(UniformRandomProvider rng, double[] destination, int offset);
}
