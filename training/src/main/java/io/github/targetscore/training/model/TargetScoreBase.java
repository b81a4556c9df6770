package io.github.targetscore.training.model;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ScoreClipping;
import java.util.Objects;

/**
 * Target-score parameterisations; see {@link Parameterisation#targetScore} and {@link
 * Parameterisation#blendedTargetScore} (an infinite variance gives the unweighted base).
 */
final class TargetScoreBase implements Parameterisation {

    private final LogDensity target;
    private final ScoreClipping clipping;
    private final double variance;

    TargetScoreBase(LogDensity target, ScoreClipping clipping, double variance) {
        this.target = Objects.requireNonNull(target, "target");
        if (clipping.isActive() && clipping.dimension() != target.manifold().tangentDimension()) {
            throw new IllegalArgumentException("clipping of " + clipping.dimension()
                    + "-vectors for a target score of " + target.manifold().tangentDimension()
                    + " components");
        }
        this.clipping = clipping;
        this.variance = variance;
    }

    @Override
    public boolean hasBase() {
        return true;
    }

    /** out += w α⁻¹ clip_σ(∇log p_X(y/α)), w = α²v/(α²v + σ²) (1 for v = +∞). */
    @Override
    public void addBase(double[] y, int offset, double alpha, double sigma, double[] out,
            int outOffset, double[] point, double[] score) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("the target-score parameterisation needs α > 0, got "
                    + alpha);
        }
        for (int i = 0; i < point.length; i++) {
            point[i] = y[offset + i] / alpha;
        }
        target.logDensityAndScore(point, score);
        clipping.apply(score, 0, sigma);
        double weight = Double.isInfinite(variance) ? 1
                : alpha * alpha * variance / (alpha * alpha * variance + sigma * sigma);
        for (int i = 0; i < score.length; i++) {
            out[outOffset + i] += weight * score[i] / alpha;
        }
    }
}
