package io.github.targetscore.samplers.diffusion;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.noise.NoiseSchedule;

/** A score function whose rows are norm-capped; see {@link ScoreFunction#clipped}. */
final class ClippedScore implements ScoreFunction {

    private final ScoreFunction score;
    private final ScoreClipping clipping;
    private final NoiseSchedule schedule;

    ClippedScore(ScoreFunction score, ScoreClipping clipping, NoiseSchedule schedule) {
        this.score = score;
        this.clipping = clipping;
        this.schedule = schedule;
    }

    @Override
    public int dimension() {
        return score.dimension();
    }

    @Override
    public int tangentDimension() {
        return score.tangentDimension();
    }

    @Override
    public void score(double[] ys, int start, int count, double t, double[] out) {
        score.score(ys, start, count, t, out);
        int d = score.tangentDimension();
        double sigma = schedule.sigma(t);
        for (int i = start; i < start + count; i++) {
            clipping.apply(out, i * d, sigma);
        }
    }

    @Override
    public String toString() {
        return score + " clipped at " + clipping.maxNorm()
                + (clipping.minNoiseLevel() > 0 ? " from σ = " + clipping.minNoiseLevel() : "");
    }
}
