package io.github.targetscore.training.model;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ScoreClipping;
import java.util.Objects;

/** Target-score parameterisation; see {@link Parameterisation#targetScore}. */
final class TargetScoreBase implements Parameterisation {

    private final LogDensity target;
    private final ScoreClipping clipping;

    TargetScoreBase(LogDensity target, double maxNorm) {
        this.target = Objects.requireNonNull(target, "target");
        this.clipping = ScoreClipping.of(target.manifold(), maxNorm);
    }

    @Override
    public boolean hasBase() {
        return true;
    }

    /** out += α⁻¹ clip(∇log p_X(y/α)). */
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
        clipping.apply(score, 0);
        for (int i = 0; i < score.length; i++) {
            out[outOffset + i] += score[i] / alpha;
        }
    }
}
