package io.github.targetscore.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multi-chain ESS against AR(1) chains, whose integrated autocorrelation time is exactly
 * τ = (1 + φ)/(1 − φ): over R independent replicates, the mean of C·N/ESS must be within 5 of
 * its empirical standard errors of τ.
 */
class EffectiveSampleSizeTest {

    private static final int CHAINS = 4;
    private static final int DRAWS = 4000;
    private static final int REPLICATES = 24;

    /** C stationary AR(1) chains x_t = φ x_{t−1} + √(1 − φ²) z_t in one coordinate. */
    private static double[] ar1(double phi, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[CHAINS * DRAWS];
        double innovation = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < CHAINS; c++) {
            double v = normal.sample();
            for (int t = 0; t < DRAWS; t++) {
                v = phi * v + innovation * normal.sample();
                x[c * DRAWS + t] = v;
            }
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.6, 0.9, -0.5})
    void recoversTheAutocorrelationTimeOfAr1Chains(double phi) {
        double tau = (1 + phi) / (1 - phi);
        RandomStreams streams = RandomStreams.of(Double.doubleToLongBits(phi));
        double[] estimates = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            double ess = EffectiveSampleSize.minimum(ar1(phi, streams.stream(r)), CHAINS, DRAWS,
                    1);
            estimates[r] = CHAINS * DRAWS / ess;
        }
        ReplicateMeans.assertMean("τ of AR(1) with φ = " + phi, tau, estimates);
    }

    @Test
    void minimumIsTakenOverVaryingCoordinates() {
        UniformRandomProvider rng = RandomStreams.of(5).stream(0);
        double[] slow = ar1(0.9, rng);
        double[] fast = ar1(0, rng);
        double[] rows = new double[CHAINS * DRAWS * 3];
        for (int k = 0; k < CHAINS * DRAWS; k++) {
            rows[3 * k] = fast[k];
            rows[3 * k + 1] = 7;
            rows[3 * k + 2] = slow[k];
        }
        double slowEss = EffectiveSampleSize.ofCoordinate(rows, CHAINS, DRAWS, 3, 2);
        assertEquals(slowEss, EffectiveSampleSize.minimum(rows, CHAINS, DRAWS, 3), 0);
        assertTrue(EffectiveSampleSize.ofCoordinate(rows, CHAINS, DRAWS, 3, 0) > 3 * slowEss);
        assertTrue(Double.isNaN(EffectiveSampleSize.ofCoordinate(rows, CHAINS, DRAWS, 3, 1)),
                "a constant coordinate has no ESS");
    }

    @Test
    void chainsStuckInDifferentPlacesHaveFewEffectiveSamples() {
        // each chain is iid noise around its own level: within-chain mixing is perfect, the
        // chains disagree, so the ESS must be of the order of the number of chains
        UniformRandomProvider rng = RandomStreams.of(6).stream(0);
        double[] x = ar1(0, rng);
        for (int k = 0; k < x.length; k++) {
            x[k] += 10 * (k / DRAWS);
        }
        assertTrue(EffectiveSampleSize.minimum(x, CHAINS, DRAWS, 1) < 10 * CHAINS);
    }

    @Test
    void undefinedForTooShortChainsAndRejectsBadShapes() {
        assertTrue(Double.isNaN(EffectiveSampleSize.minimum(new double[] {1, 2, 3}, 1, 3, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveSampleSize.minimum(new double[10], 2, 6, 1));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveSampleSize.minimum(new double[10], 0, 6, 1));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveSampleSize.ofCoordinate(new double[12], 2, 6, 1, 1));
    }
}
