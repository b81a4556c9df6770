package io.github.targetscore.training;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.EuclideanSpace;

/** Test target N(0, s² I) on R^d, whose noised scores are known in closed form. */
public record IsotropicGaussian(int dimension, double variance) implements LogDensity {

    @Override
    public Manifold manifold() {
        return EuclideanSpace.of(dimension);
    }

    @Override
    public double logDensity(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return -0.5 * s / variance;
    }

    @Override
    public double logDensityAndScore(double[] x, double[] score) {
        for (int i = 0; i < dimension; i++) {
            score[i] = -x[i] / variance;
        }
        return logDensity(x);
    }

    /** ∇log p_Y(y) = −y/(α²s² + σ²) for Y = αX + σW. */
    public double noisedScore(double y, double alpha, double sigma) {
        return -y / (alpha * alpha * variance + sigma * sigma);
    }
}
