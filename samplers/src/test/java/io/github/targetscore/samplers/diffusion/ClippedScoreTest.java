package io.github.targetscore.samplers.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.noise.NoiseSchedule;
import org.junit.jupiter.api.Test;

class ClippedScoreTest {

    /** s(y) = 10 y on two particles in 2-D. */
    private static final ScoreFunction LINEAR = new ScoreFunction() {
        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public void score(double[] ys, int start, int count, double t, double[] out) {
            for (int i = start * 4; i < (start + count) * 4; i++) {
                out[i] = 10 * ys[i];
            }
        }
    };

    /** Each particle's 2-vector is capped at norm 5 in the rows asked for; others untouched. */
    @Test
    void capsEachParticlesNormInTheRowsAskedFor() {
        ScoreFunction clipped = ScoreFunction.clipped(LINEAR,
                ScoreClipping.of(ParticleSpace.of(2, 2, true), 5), NoiseSchedule.cosine());
        double[] ys = {0.3, 0.4, 0.1, 0, 3, 4, 0.2, 0.1};
        double[] out = {7, 7, 7, 7, 7, 7, 7, 7};
        clipped.score(ys, 1, 1, 0.5, out);
        assertArrayEquals(new double[] {7, 7, 7, 7, 3, 4, 2, 1}, out, 1e-12);
        clipped.score(ys, 0, 1, 0.5, out);
        assertArrayEquals(new double[] {3, 4, 1, 0}, java.util.Arrays.copyOf(out, 4), 1e-12);
        assertEquals(4, clipped.dimension());
    }

    /** A cap from a noise level σ_c applies at the times with σ(t) ≥ σ_c only. */
    @Test
    void capsFromItsNoiseLevelOnly() {
        NoiseSchedule schedule = NoiseSchedule.geometric(0.01, 2);
        double t = 0.5;
        double sigma = schedule.sigma(t);
        ScoreClipping cap = ScoreClipping.of(ParticleSpace.of(2, 2, true), 5);
        double[] ys = {0.3, 0.4, 3, 4};
        double[] out = new double[4];
        ScoreFunction.clipped(LINEAR, cap.fromNoiseLevel(1.01 * sigma), schedule)
                .score(ys, 0, 1, t, out);
        assertArrayEquals(new double[] {3, 4, 30, 40}, out, 1e-12);
        ScoreFunction.clipped(LINEAR, cap.fromNoiseLevel(0.99 * sigma), schedule)
                .score(ys, 0, 1, t, out);
        assertArrayEquals(new double[] {3, 4, 3, 4}, out, 1e-12);
    }
}
