package io.github.targetscore.samplers.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.energies.mixture.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The posterior p(x|y) ∝ p_X(x) N(y; αx, σ²I) against the closed-form posterior of a Gaussian
 * mixture (TSM eq. 17): same log-density up to a constant, same score.
 */
class PosteriorTest {

    /** Two 2-D components of different, anisotropic variances. */
    private static final GaussianMixture MIXTURE = GaussianMixture.of(new double[] {0.3, 0.7},
            new double[][] {{-1, 0.5}, {1.5, -0.5}}, new double[][] {{0.2, 0.5}, {0.8, 0.1}});
    private static final BoltzmannDensity TARGET = BoltzmannDensity.of(MIXTURE, 1);
    private static final double[][] XS = {{0, 0}, {-1.2, 0.4}, {2, -1}, {0.3, 1.7}};

    @ParameterizedTest
    @CsvSource({"1, 0.05", "1, 2", "0.8, 0.6", "0.1, 0.995"})
    void logDensityAndScoreMatchTheExactPosterior(double alpha, double sigma) {
        double[] y = {0.4, -0.3};
        Posterior posterior = Posterior.of(TARGET, y, alpha, sigma);
        EnergyModel exact = MIXTURE.posterior(y, alpha, sigma);
        double[] score = new double[2];
        double[] exactGradient = new double[2];
        double offset = Double.NaN;
        for (double[] x : XS) {
            double log = posterior.logDensityAndScore(x, score);
            double exactLog = -exact.energyAndGradient(x, exactGradient);
            assertEquals(log, posterior.logDensity(x), 0);
            if (Double.isNaN(offset)) {
                offset = log - exactLog;
            }
            // log p(x|y) is known up to a constant in x only
            assertEquals(offset, log - exactLog, 1e-9 * (1 + Math.abs(exactLog)));
            for (int i = 0; i < 2; i++) {
                assertEquals(-exactGradient[i], score[i], 1e-9 * (1 + Math.abs(score[i])),
                        "score component " + i + " at α = " + alpha + ", σ = " + sigma);
            }
        }
    }

    @Test
    void likelihoodTermsFollowTheNoiseKernel() {
        double alpha = 0.6;
        double sigma = 0.8;
        double[] y = {0.5, -1.5};
        double[] x = {1.25, 0.5};
        Posterior posterior = Posterior.of(TARGET, y, alpha, sigma);
        double r0 = 0.5 - 0.75;
        double r1 = -1.5 - 0.3;
        double expected = -(r0 * r0 + r1 * r1) / (2 * 0.64);
        assertEquals(expected, posterior.logLikelihood(x), 1e-15);
        double[] score = {10, 20};
        assertEquals(expected, posterior.addLikelihoodScore(x, score), 1e-15);
        assertArrayEquals(new double[] {10 + alpha * r0 / 0.64, 20 + alpha * r1 / 0.64}, score,
                1e-14);
        assertEquals(TARGET.logDensity(x) + expected, posterior.logDensity(x), 1e-14);
    }

    @Test
    void holdsItsOwnCopyOfY() {
        double[] y = {0.5, -1.5};
        Posterior posterior = Posterior.of(TARGET, y, 1, 1);
        y[0] = 99;
        assertEquals(0.5, posterior.y(0));
        double[] copy = posterior.y();
        copy[1] = 99;
        assertEquals(-1.5, posterior.y(1));
        assertEquals(TARGET, posterior.target());
        assertEquals(TARGET.manifold(), posterior.manifold());
        assertEquals(1, posterior.alpha());
        assertEquals(1, posterior.sigma());
    }

    @Test
    void badInputIsRejectedWithAReason() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Posterior.of(TARGET, new double[3], 1, 1));
        assertTrue(length.getMessage().contains("noisy point y has 3 values, expected 2"),
                length.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Posterior.of(TARGET, new double[] {0, Double.NaN}, 1, 1));
        assertTrue(nan.getMessage().contains("coordinate 1 is NaN"), nan.getMessage());
        double[] y = new double[2];
        for (double[] noise : new double[][] {{0, 1}, {1, 0}, {-1, 1}, {1, Double.NaN},
            {Double.POSITIVE_INFINITY, 1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Posterior.of(TARGET, y, noise[0], noise[1]));
            assertTrue(e.getMessage().contains("α > 0 and σ > 0"), e.getMessage());
        }
    }
}
