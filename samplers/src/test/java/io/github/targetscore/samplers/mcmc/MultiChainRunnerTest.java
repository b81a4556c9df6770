package io.github.targetscore.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.posterior.Posterior;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multi-chain runner: thread-count independence, output layout, warm starts, evaluation
 * counts, the centre-of-mass-free subspace of particle systems, and input checks.
 */
class MultiChainRunnerTest {

    static Stream<McmcAlgorithm> algorithms() {
        return Stream.of(McmcAlgorithm.rwmh(), McmcAlgorithm.mala(), McmcAlgorithm.hmc(5),
                McmcAlgorithm.hmc(5, 0.3, true));
    }

    private static double[] starts(int chains, int d) {
        double[] starts = new double[chains * d];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = 2 * Math.sin(0.7 * i + 0.1);
        }
        return starts;
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void bitIdenticalWithOneTwoAndEightThreads(McmcAlgorithm algorithm) {
        LogDensity target = new Targets.WellProduct(2, 0.5, 0.8);
        MultiChainRunner runner = MultiChainRunner.of(algorithm, ChainSchedule.of(200, 300, 2));
        MultiChainResult reference = null;
        for (int threads : new int[] {1, 2, 8}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                MultiChainResult r = runner.run(target, starts(8, 4), 0.3, RandomStreams.of(99),
                        pool);
                if (reference == null) {
                    reference = r;
                    continue;
                }
                String where = threads + " threads";
                assertArrayEquals(reference.samples(), r.samples(), where);
                assertArrayEquals(reference.logDensities(), r.logDensities(), where);
                assertArrayEquals(reference.acceptanceRates(), r.acceptanceRates(), where);
                assertArrayEquals(reference.stepSizes(), r.stepSizes(), where);
                assertArrayEquals(reference.finalPositions(), r.finalPositions(), where);
                assertEquals(reference.gradientEvaluations(), r.gradientEvaluations(), where);
                assertEquals(reference.densityEvaluations(), r.densityEvaluations(), where);
            } finally {
                pool.shutdown();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void layoutCountsAndWarmStart(McmcAlgorithm algorithm) {
        Targets.Gaussian target = Targets.Gaussian.isotropic(new double[] {1, 2, 3}, 0.5);
        int chains = 3;
        int w = 50;
        int s = 40;
        int t = 3;
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            MultiChainResult r = MultiChainRunner.of(algorithm, ChainSchedule.of(w, s, t))
                    .run(target, starts(chains, 3), 0.2, RandomStreams.of(7), pool);
            assertEquals(chains, r.chains());
            assertEquals(s, r.samplesPerChain());
            assertEquals(3, r.dimension());
            double[] samples = r.samples();
            double[] logDensities = r.logDensities();
            double[] row = new double[3];
            for (int c = 0; c < chains; c++) {
                for (int k = 0; k < s; k++) {
                    for (int i = 0; i < 3; i++) {
                        row[i] = samples[(c * s + k) * 3 + i];
                        assertEquals(row[i], r.sample(c, k, i), 0);
                    }
                    assertEquals(target.logDensity(row), logDensities[c * s + k], 1e-12);
                }
                assertArrayEquals(r.finalState(c).position(),
                        new double[] {r.sample(c, s - 1, 0), r.sample(c, s - 1, 1),
                            r.sample(c, s - 1, 2)}, "the last kept state is the final state");
                assertTrue(r.stepSizes()[c] != 0.2, "warm-up adapted the step size");
            }
            long steps = (long) chains * (w + (long) s * t);
            switch (algorithm.name()) {
                case "rwmh" -> {
                    assertEquals(chains + steps, r.densityEvaluations());
                    assertEquals(0, r.gradientEvaluations());
                }
                case "mala" -> assertEquals(chains + steps, r.gradientEvaluations());
                default -> assertTrue(r.gradientEvaluations() > chains + steps
                        && r.gradientEvaluations() <= chains + 5 * steps);
            }
            assertTrue(r.effectiveSampleSize() > 0);

            // warm start: continue from the final states with the frozen step sizes
            MultiChainResult next = MultiChainRunner.of(algorithm,
                    ChainSchedule.of(0, s, t).withoutAdaptation())
                    .run(target, r.finalPositions(), r.stepSizes(), RandomStreams.of(8), pool);
            assertArrayEquals(r.stepSizes(), next.stepSizes(), 0);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void particleSystemStaysCentreOfMassFree(McmcAlgorithm algorithm) {
        int n = 4;
        int dim = 2;
        double s = 0.7;
        Targets.HarmonicCluster cluster = new Targets.HarmonicCluster(n, dim, s);
        // a posterior whose y is far from centred: the likelihood's score has a centre-of-mass
        // component that the kernels must project away
        Posterior posterior = Posterior.of(cluster, new double[] {3, 1, 4, 1, 5, 9, 2, 6}, 0.8,
                0.5);
        int chains = 64;
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            for (LogDensity target : new LogDensity[] {cluster, posterior}) {
                MultiChainResult r = MultiChainRunner.of(algorithm, ChainSchedule.of(300, 500, 1))
                        .run(target, starts(chains, n * dim), 0.3, RandomStreams.of(3), pool);
                double[] samples = r.samples();
                for (int row = 0; row < chains * r.samplesPerChain(); row++) {
                    for (int k = 0; k < dim; k++) {
                        double centre = 0;
                        for (int i = 0; i < n; i++) {
                            centre += samples[row * n * dim + i * dim + k];
                        }
                        assertEquals(0, centre / n, 1e-12, "centre of mass of sample " + row);
                    }
                }
                if (target == cluster) {
                    // x = P z, z ~ N(0, s² I): Var x_ik = s² (1 − 1/n)
                    for (int i = 0; i < n * dim; i++) {
                        int j = i;
                        ReplicateMeans.assertMean(algorithm + " Var x" + i,
                                s * s * (1 - 1.0 / n),
                                ReplicateMeans.perChain(r, (x, o) -> x[o + j] * x[o + j]));
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsBadInputs() {
        Targets.Gaussian target = Targets.Gaussian.isotropic(new double[2], 1);
        MultiChainRunner runner = MultiChainRunner.of(McmcAlgorithm.mala(),
                ChainSchedule.of(10, 10, 1));
        RandomStreams streams = RandomStreams.of(1);
        ForkJoinPool pool = ForkJoinPool.commonPool();
        assertMessage("rows of dimension 2",
                () -> runner.run(target, new double[3], 0.1, streams, pool));
        assertMessage("rows of dimension 2",
                () -> runner.run(target, new double[0], 0.1, streams, pool));
        assertMessage("start position of chain 1: coordinate 0 is NaN",
                () -> runner.run(target, new double[] {0, 0, Double.NaN, 0}, 0.1, streams, pool));
        for (double h : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertMessage("step size must be finite and > 0",
                    () -> runner.run(target, new double[4], h, streams, pool));
        }
        assertMessage("expected 2 step sizes",
                () -> runner.run(target, new double[4], new double[] {0.1}, streams, pool));
        assertMessage("step size must be finite and > 0",
                () -> runner.run(target, new double[4], new double[] {0.1, 0}, streams, pool));
        assertMessage("warm-up >= 0", () -> ChainSchedule.of(-1, 10, 1));
        assertMessage("samples >= 1", () -> ChainSchedule.of(0, 0, 1));
        assertMessage("thinning >= 1", () -> ChainSchedule.of(0, 10, 0));
        assertMessage("at least 1 leapfrog step", () -> McmcAlgorithm.hmc(0));
    }

    static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage()
                + "\" lacks \"" + expected + "\"");
    }
}
