package io.github.targetscore.core;

import io.github.targetscore.core.manifold.Manifold;

/**
 * A differentiable log-density log π(x), known up to an additive constant, on a
 * {@link Manifold}: what samplers need of any target (a Boltzmann density, a posterior
 * p(x|y), a tempered intermediate). Implementations are immutable and thread-safe.
 */
public interface LogDensity {

    /** The space of x. */
    Manifold manifold();

    /** log π(x) up to a constant; may be −∞ where π vanishes, never NaN. */
    double logDensity(double[] x);

    /**
     * log π(x) and the score ∇log π(x).
     *
     * @param x the point, {@code manifold().dimension()} coordinates
     * @param score output, {@code manifold().tangentDimension()} components, overwritten
     * @return log π(x) up to a constant, finite
     */
    double logDensityAndScore(double[] x, double[] score);
}
