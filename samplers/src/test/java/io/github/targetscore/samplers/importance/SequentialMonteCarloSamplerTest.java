package io.github.targetscore.samplers.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequentialMonteCarloSamplerTest {

    private static final EnergyRegistry REGISTRY = EnergyRegistry.load();

    private static BoltzmannDensity preset(String name) {
        return BoltzmannDensity.of(REGISTRY.create(name, Map.of()), 1);
    }

    /**
     * exp(log-evidence) is an unbiased estimate of p_Y(y) for a normalised target (log Z_X = 0):
     * over R runs, the mean of exp(estimate − log p_Y(y)) is 1 within 5 standard errors. The
     * posterior of the hard mixture at high noise is bimodal; α ≠ 1 checks the α^n factor.
     */
    @ParameterizedTest
    @CsvSource({"hard-mixture-different-variance, 0.1, 0.3, 0.95",
        "easy-mixture, 1.2, 0.6, 0.8", "gmm40, 9.0, 0.7, 1.5"})
    void evidenceIsUnbiased(String name, double y0, double alpha, double sigma) {
        BoltzmannDensity target = preset(name);
        EnergyModel model = target.model();
        double[] y = new double[model.dimension()];
        y[0] = y0;
        double exact = model.noisedScore().orElseThrow()
                .logDensityAndScore(y, alpha, sigma, new double[y.length]);
        SequentialMonteCarloSampler smc = SequentialMonteCarloSampler.adaptive(200);
        Posterior posterior = Posterior.of(target, y, alpha, sigma);
        WeightedSample out = WeightedSample.withCapacity(y.length, 200);
        int r = 200;
        double mean = 0;
        double meanSquare = 0;
        RandomStreams streams = RandomStreams.of(17);
        for (int i = 0; i < r; i++) {
            double ratio = Math.exp(smc.sampleWithLogEvidence(posterior, streams.stream(i), out)
                    - exact);
            mean += ratio / r;
            meanSquare += ratio * ratio / r;
        }
        double se = Math.sqrt((meanSquare - mean * mean) / (r - 1));
        assertEquals(1, mean, 5 * se, name);
    }

    /**
     * The evidence is log p_Y(y) + log Z_X: adding a constant c to the target's log-density leaves
     * the particles unchanged and shifts the estimate by c.
     */
    @Test
    void evidenceIsUpToTheTargetsNormalisingConstant() {
        BoltzmannDensity target = preset("easy-mixture");
        double c = 3.25;
        LogDensity shifted = new LogDensity() {
            @Override
            public Manifold manifold() {
                return target.manifold();
            }

            @Override
            public double logDensity(double[] x) {
                return target.logDensity(x) + c;
            }

            @Override
            public double logDensityAndScore(double[] x, double[] score) {
                return target.logDensityAndScore(x, score) + c;
            }
        };
        double[] y = {0.4};
        SequentialMonteCarloSampler smc = SequentialMonteCarloSampler.adaptive(100);
        WeightedSample a = WeightedSample.withCapacity(1, 100);
        WeightedSample b = WeightedSample.withCapacity(1, 100);
        double plain = smc.sampleWithLogEvidence(Posterior.of(target, y, 0.5, 0.9),
                RandomStreams.of(2).stream(0), a);
        double offset = smc.sampleWithLogEvidence(Posterior.of(shifted, y, 0.5, 0.9),
                RandomStreams.of(2).stream(0), b);
        assertEquals(plain + c, offset, 1e-9);
        for (int k = 0; k < 100; k++) {
            assertEquals(a.positions()[k], b.positions()[k], 1e-9);
        }
    }

    /**
     * One stage at low noise (the likelihood already matches p(x|y)), more at high noise; a
     * fixed schedule of m temperatures costs K(1 + 5m) evaluations; the MALA acceptance rate is
     * adapted toward 0.574.
     */
    @Test
    void stagesFollowTheNoiseLevelAndTheSchedule() {
        BoltzmannDensity target = preset("easy-mixture");
        double[] y = {0.3};
        int k = 500;
        WeightedSample out = WeightedSample.withCapacity(1, k);
        SequentialMonteCarloSampler adaptive = SequentialMonteCarloSampler.adaptive(k);
        adaptive.sample(Posterior.of(target, y, 1, 0.05), RandomStreams.of(1).stream(0), out);
        assertEquals(k * 6, out.gradientEvaluations());
        adaptive.sample(Posterior.of(target, y, 0.2, 0.98), RandomStreams.of(1).stream(0), out);
        assertTrue(out.gradientEvaluations() >= k * 11, out.gradientEvaluations() + " evaluations");
        assertTrue(out.acceptanceRate() > 0.4 && out.acceptanceRate() < 0.75,
                "acceptance " + out.acceptanceRate());
        assertTrue(out.stepSize() > 0);
        SequentialMonteCarloSampler.fixed(k, 0.05, 0.2, 0.5, 1)
                .sample(Posterior.of(target, y, 0.2, 0.98), RandomStreams.of(1).stream(0), out);
        assertEquals(k * (1 + 5 * 4), out.gradientEvaluations());
        assertEquals(0, out.energyEvaluations());
        assertEquals(k, out.groups());
        assertTrue(out.effectiveSampleSize() > 0.2 * k && out.effectiveSampleSize() <= k);
    }

    /** MALA moves and resampling keep every particle's centre of mass at that of y/α. */
    @Test
    void particleMovesStayMeanFree() {
        double[] y = {-2, 0.1, 2, 0, 0.2, 3, 0, -3};
        double alpha = 0.8;
        int k = 64;
        WeightedSample out = WeightedSample.withCapacity(8, k);
        SequentialMonteCarloSampler.adaptive(k).sample(
                Posterior.of(preset("dw4"), y, alpha, 0.6), RandomStreams.of(3).stream(0), out);
        assertTrue(out.gradientEvaluations() > 6 * k, "tempering and moves happened");
        for (int m = 0; m < k; m++) {
            for (int axis = 0; axis < 2; axis++) {
                double offset = 0;
                for (int p = 0; p < 4; p++) {
                    offset += out.positions()[m * 8 + 2 * p + axis] - y[2 * p + axis] / alpha;
                }
                assertEquals(0, offset, 1e-9, "particle " + m + " axis " + axis);
            }
        }
    }

    /** G islands come back as G groups whose total weights are their evidences. */
    @Test
    void islandsAreGroupsWeightedByTheirEvidence() {
        int k = 120;
        WeightedSample out = WeightedSample.withCapacity(1, k);
        SequentialMonteCarloSampler.adaptive(k).withIslands(4).sample(
                Posterior.of(preset("hard-mixture-different-variance"), new double[] {0.2}, 0.4,
                        0.9), RandomStreams.of(8).stream(0), out);
        assertEquals(k, out.size());
        assertEquals(4, out.groups());
        double[] weights = new double[k];
        out.normalisedWeights(weights);
        for (int g = 0; g < 4; g++) {
            double total = 0;
            for (int m = g * 30; m < (g + 1) * 30; m++) {
                total += weights[m];
            }
            assertTrue(total > 0.05 && total < 0.6, "island " + g + " holds " + total);
        }
    }

    @Test
    void badOptionsAreRejected() {
        SequentialMonteCarloSampler smc = SequentialMonteCarloSampler.adaptive(100);
        assertThrows(IllegalArgumentException.class, () -> smc.withIslands(3));
        assertThrows(IllegalArgumentException.class, () -> smc.withIslands(100));
        assertThrows(IllegalArgumentException.class, () -> smc.withIslands(0));
        assertThrows(IllegalArgumentException.class, () -> smc.withResamplingThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> smc.withResamplingThreshold(1.5));
        assertThrows(IllegalArgumentException.class, () -> smc.withMovesPerStage(0));
        assertThrows(IllegalArgumentException.class,
                () -> SequentialMonteCarloSampler.adaptive(100, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SequentialMonteCarloSampler.fixed(100, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SequentialMonteCarloSampler.fixed(1, 1));
        assertEquals("smc", smc.name());
        assertEquals(100, smc.withIslands(5).sampleSize());
    }
}
