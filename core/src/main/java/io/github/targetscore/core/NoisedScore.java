package io.github.targetscore.core;

/**
 * The closed-form score of the noised density p_Y(y) = ∫ p_X(x) N(y; αx, σ²I) dx of a target
 * p_X = exp(−U)/Z at β = 1 (MATH §1).
 */
@FunctionalInterface
public interface NoisedScore {

    /**
     * Computes ∇_y log p_Y(y) and returns log p_Y(y).
     *
     * @param y the noisy point
     * @param alpha signal scale α ≥ 0
     * @param sigma noise standard deviation σ ≥ 0 (α and σ not both 0)
     * @param score output, ∇ log p_Y(y)
     * @return log p_Y(y)
     */
    double logDensityAndScore(double[] y, double alpha, double sigma, double[] score);
}
