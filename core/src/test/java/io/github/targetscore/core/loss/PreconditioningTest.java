package io.github.targetscore.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.noise.NoiseSchedule;
import org.junit.jupiter.api.Test;

class PreconditioningTest {

    private static final double[] Y = {0.3, -1.7, 2.4, 0.05};

    /**
     * With F_θ = 0 the parameterisation is the exact noised score of the Gaussian target
     * N(0, σ_tar² I): ∇log p_Y(y) = −y/(α²σ_tar² + σ²) (MATH §2, exact checks).
     */
    @Test
    void withZeroNetworkItIsTheGaussianScore() {
        double targetScale = 0.7;
        for (NoiseSchedule schedule : new NoiseSchedule[] {NoiseSchedule.cosine(),
                NoiseSchedule.geometric(0.01, 3)}) {
            for (double t : new double[] {0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98}) {
                double alpha = schedule.alpha(t);
                double sigma = schedule.sigma(t);
                Preconditioning p = Preconditioning.at(schedule, t, targetScale);
                double[] score = new double[Y.length];
                p.score(Y, new double[Y.length], score);
                for (int i = 0; i < Y.length; i++) {
                    double exact = -Y[i] / (alpha * alpha * targetScale * targetScale
                            + sigma * sigma);
                    assertEquals(exact, score[i], 1e-14 * Math.abs(exact),
                            schedule + " t = " + t + " component " + i);
                }
                // c_in makes Y ~ N(0, (α²σ_tar² + σ²) I) of unit variance
                assertEquals(1, p.cIn() * p.cIn()
                        * (alpha * alpha * targetScale * targetScale + sigma * sigma), 1e-14);
                assertEquals(alpha, p.alpha());
                assertEquals(sigma, p.sigma());
                assertEquals(targetScale, p.targetScale());
            }
        }
    }

    /** α = 0.6, σ = 0.8, σ_tar = 0.5: σ² + α²σ_tar² = 0.64 + 0.09 = 0.73. */
    @Test
    void coefficientsFollowAppendixD() {
        Preconditioning p = Preconditioning.of(0.6, 0.8, 0.5);
        assertEquals(1 / Math.sqrt(0.73), p.cIn(), 1e-15);
        assertEquals(-1 / 0.73, p.cSkip(), 1e-15);
        assertEquals(-0.8 / (0.3 * Math.sqrt(0.73)), p.cOut(), 1e-14);
        double[] f = {1, 2, -1, 0.5};
        double[] score = new double[4];
        p.score(Y, f, score);
        double[] input = Y.clone();
        p.networkInput(input, input);
        for (int i = 0; i < 4; i++) {
            assertEquals(p.cOut() * f[i] + p.cSkip() * Y[i], score[i], 1e-15);
            assertEquals(p.cIn() * Y[i], input[i], 1e-15);
        }
        // no noise: c_out = 0 and the skip term alone is the target's score −y/(α²σ_tar²)
        Preconditioning clean = Preconditioning.of(1, 0, 2);
        assertEquals(0, clean.cOut(), 0);
        assertEquals(-0.25, clean.cSkip());
    }

    @Test
    void rejectsBadInput() {
        assertMessage("α finite and > 0", () -> Preconditioning.at(NoiseSchedule.cosine(), 1, 1));
        assertMessage("α finite and > 0", () -> Preconditioning.of(Double.NaN, 1, 1));
        assertMessage("σ finite and >= 0", () -> Preconditioning.of(1, -0.1, 1));
        assertMessage("σ_tar finite and > 0", () -> Preconditioning.of(1, 1, 0));
        assertMessage("time t must be in [0, 1]",
                () -> Preconditioning.at(NoiseSchedule.cosine(), -0.5, 1));
        Preconditioning p = Preconditioning.of(1, 1, 1);
        assertMessage("the network output has 3 values, expected 4",
                () -> p.score(Y, new double[3], new double[4]));
        assertMessage("the score buffer has 5 values, expected 4",
                () -> p.score(Y, new double[4], new double[5]));
        assertMessage("the network input buffer has 2 values, expected 4",
                () -> p.networkInput(Y, new double[2]));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
