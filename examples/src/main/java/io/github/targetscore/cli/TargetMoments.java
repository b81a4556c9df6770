package io.github.targetscore.cli;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.manifold.Manifold;

/**
 * The scales the κ-mixture identities need, estimated from clean samples x_1..x_n of a target
 * when it does not give them.
 */
final class TargetMoments {

    private TargetMoments() {
    }

    /**
     * σ_data²: the per-coordinate sample variance averaged over coordinates, over the degrees of
     * freedom of the manifold (so a centre-of-mass-free particle system is not diluted).
     */
    static double dataVariance(double[] xs, int d, Manifold manifold) {
        double total = 0;
        for (double v : SampleSummary.moments(xs, xs.length / d, d)[1]) {
            total += v;
        }
        return total / manifold.degreesOfFreedom();
    }

    /**
     * σ_mode² ≈ f / E|∇log p_X(X)|², f the degrees of freedom: exact for a Gaussian
     * (E|∇log p|² = f/σ²), and for well-separated modes the harmonic mean of the modes'
     * variances, the local width the κ̄ mixture needs.
     */
    static double modeVariance(BoltzmannDensity target, double[] xs, int d) {
        int n = xs.length / d;
        double[] x = new double[d];
        double[] score = new double[target.manifold().tangentDimension()];
        double fisher = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(xs, i * d, x, 0, d);
            target.logDensityAndScore(x, score);
            for (double s : score) {
                fisher += s * s / n;
            }
        }
        return target.manifold().degreesOfFreedom() / fisher;
    }
}
