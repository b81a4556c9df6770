package io.github.targetscore.samplers.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfNormalisedImportanceSamplerTest {

    private static final EnergyRegistry REGISTRY = EnergyRegistry.load();
    private static final double[] DW4_Y = {-2, 0.1, 2, 0, 0.2, 3, 0, -3};

    private static WeightedSample draw(LogDensity target, double[] y, double alpha, double sigma,
            int k, long seed) {
        WeightedSample out = WeightedSample.withCapacity(y.length, k);
        SelfNormalisedImportanceSampler.of(k).sample(Posterior.of(target, y, alpha, sigma),
                RandomStreams.of(seed).stream(0), out);
        return out;
    }

    /**
     * With α = 1 the SNIS-TSI estimate Σ_k w̄_k ∇log p_X(x_k) is iDEM's estimator
     * ∇_y log Σ_k exp(−βU(y + σξ_k)) at fixed ξ_k (here by central differences), β ≠ 1.
     */
    @Test
    void withUnitAlphaTheTsiEstimateIsIdemsEstimator() {
        double beta = 0.5;
        double sigma = 0.3;
        int k = 64;
        EnergyModel model = REGISTRY.create("dw4", Map.of());
        WeightedSample s = draw(BoltzmannDensity.of(model, beta), DW4_Y, 1, sigma, k, 7);
        int d = DW4_Y.length;
        double[] weights = new double[k];
        s.normalisedWeights(weights);
        double h = 1e-5;
        double[] shifted = new double[d];
        for (int j = 0; j < d; j++) {
            double snis = 0;
            for (int m = 0; m < k; m++) {
                snis += weights[m] * s.targetScores()[m * d + j];
            }
            double[] logSums = new double[2];
            for (int side = 0; side < 2; side++) {
                double[] logTerms = new double[k];
                for (int m = 0; m < k; m++) {
                    for (int i = 0; i < d; i++) {
                        // y' + σξ_m = y' + (x_m − y)
                        shifted[i] = DW4_Y[i] + s.positions()[m * d + i] - DW4_Y[i]
                                + (i == j ? (side == 0 ? h : -h) : 0);
                    }
                    logTerms[m] = -beta * model.energy(shifted);
                }
                logSums[side] = LogWeights.logSumExp(logTerms, k);
            }
            double idem = (logSums[0] - logSums[1]) / (2 * h);
            assertEquals(idem, snis, 1e-6 * (1 + Math.abs(idem)), "component " + j);
        }
    }

    /** On a translation-invariant particle space every draw keeps the centre of mass of y/α. */
    @Test
    void particleNoiseIsMeanFree() {
        double alpha = 0.8;
        WeightedSample s = draw(BoltzmannDensity.of(REGISTRY.create("dw4", Map.of()), 1), DW4_Y,
                alpha, 0.5, 32, 3);
        for (int m = 0; m < 32; m++) {
            for (int axis = 0; axis < 2; axis++) {
                double offset = 0;
                for (int p = 0; p < 4; p++) {
                    offset += s.positions()[m * 8 + 2 * p + axis] - DW4_Y[2 * p + axis] / alpha;
                }
                assertEquals(0, offset, 1e-12, "draw " + m + " axis " + axis);
            }
        }
    }

    /**
     * Any LogDensity works, one draw at a time: it gives the Boltzmann batch path's sample, and
     * the diagnostics are Kish's ESS and K evaluations.
     */
    @Test
    void anyLogDensityGivesTheBatchPathsSample() {
        BoltzmannDensity boltzmann = BoltzmannDensity.of(REGISTRY.create("gmm40", Map.of()), 0.7);
        LogDensity wrapped = new LogDensity() {
            @Override
            public Manifold manifold() {
                return boltzmann.manifold();
            }

            @Override
            public double logDensity(double[] x) {
                return boltzmann.logDensity(x);
            }

            @Override
            public double logDensityAndScore(double[] x, double[] score) {
                return boltzmann.logDensityAndScore(x, score);
            }
        };
        double[] y = {3, -4};
        WeightedSample batch = draw(boltzmann, y, 0.9, 2, 100, 5);
        WeightedSample single = draw(wrapped, y, 0.9, 2, 100, 5);
        assertArrayEquals(batch.positions(), single.positions(), 0);
        assertArrayEquals(batch.logWeights(), single.logWeights(), 1e-12);
        assertArrayEquals(batch.targetScores(), single.targetScores(), 1e-12);
        double kish = batch.normalisedWeights(new double[100]);
        assertEquals(kish, batch.effectiveSampleSize(), 1e-9 * kish);
        assertTrue(kish > 1 && kish < 100, "ESS " + kish);
        assertEquals(100, batch.gradientEvaluations(), "K energy-and-gradient evaluations");
        assertEquals(0, batch.energyEvaluations());
        assertEquals(100, batch.groups());
    }

    /** After warm-up a sample of K = 4096 allocates a few objects, nothing per draw. */
    @Test
    void drawingAllocatesNothingPerDraw() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BoltzmannDensity target = BoltzmannDensity.of(REGISTRY.create("gmm40", Map.of()), 1);
        int k = 4096;
        SelfNormalisedImportanceSampler sampler = SelfNormalisedImportanceSampler.of(k);
        Posterior posterior = Posterior.of(target, new double[] {1, 2}, 1, 0.5);
        WeightedSample out = WeightedSample.withCapacity(2, k);
        org.apache.commons.rng.UniformRandomProvider rng = RandomStreams.of(1).stream(0);
        for (int i = 0; i < 50; i++) {
            sampler.sample(posterior, rng, out);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        sampler.sample(posterior, rng, out);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated for K = " + k);
    }
}
