package io.github.targetscore.samplers.mcmc;

import static io.github.targetscore.samplers.mcmc.ReplicateMeans.assertMean;
import static io.github.targetscore.samplers.mcmc.ReplicateMeans.perChain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain MCMC on the target itself, keeping each chain's final state
 * ({@code ChainSchedule.of(W, 1, S − W)}): C = 2000 chains from overdispersed starts give C
 * independent draws, so each chain's final state is one replicate and 5 standard errors of
 * their mean (sd/√C) bound the error of a moment, bias from unfinished mixing included. Also:
 * exact evaluation counts, one progress call per chain, and the same output for 1 and 2 threads.
 */
class FinalStatesTest {

    private static final int CHAINS = 2000;
    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static Stream<McmcAlgorithm> algorithms() {
        return Stream.of(McmcAlgorithm.mala(), McmcAlgorithm.hmc(5));
    }

    /** Gradient evaluations per step after the start's one: 1 for MALA, L for HMC. */
    private static int gradientsPerStep(McmcAlgorithm algorithm) {
        return algorithm.name().equals("mala") ? 1 : 5;
    }

    /** S steps, the first S/2 adapting; one kept state, the last. */
    private static MultiChainResult finalStates(McmcAlgorithm algorithm, LogDensity target,
            double[] starts, int steps, long seed, ForkJoinPool workers) {
        double h = algorithm.stepSizeForScale(1, target.manifold().degreesOfFreedom());
        return MultiChainRunner.of(algorithm, ChainSchedule.of(steps / 2, 1, steps - steps / 2))
                .run(target, starts, h, RandomStreams.of(seed), workers);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void correlatedGaussianMomentsAndExactCounts(McmcAlgorithm algorithm) {
        // sd 1 and 3, correlation 0.8
        Targets.Gaussian target = Targets.Gaussian.of(new double[] {1, -2},
                new double[] {1, 2.4, 2.4, 9});
        double[] starts = new double[CHAINS * 2];
        UniformRandomProvider rng = RandomStreams.of(51).stream(0);
        for (int c = 0; c < CHAINS; c++) {
            target.draw(rng, 2, starts, c);
        }
        int steps = 400;
        MultiChainResult run = finalStates(algorithm, target, starts, steps, 52, pool);
        String name = algorithm.toString();
        for (int i = 0; i < 2; i++) {
            int a = i;
            assertMean(name + " E[x" + i + "]", target.mean(i), perChain(run, (x, o) -> x[o + a]));
            for (int j = i; j < 2; j++) {
                int b = j;
                assertMean(name + " Cov[x" + i + ", x" + j + "]", target.covariance(i, j),
                        perChain(run, (x, o) -> (x[o + a] - target.mean(a))
                                * (x[o + b] - target.mean(b))));
            }
        }
        // one evaluation with gradient at each start, then 1 (MALA) or L (HMC) per step; a
        // Gaussian never stops a trajectory early
        assertEquals((long) CHAINS * (1 + (long) gradientsPerStep(algorithm) * steps),
                run.gradientEvaluations(), name);
        assertEquals(0, run.densityEvaluations(), name);
    }

    /**
     * The registry's 1-D double well U = x⁴ − 3x² + x/2 at β = 1 (minima near ∓1.22; the
     * barrier is 2.9 kT above the deeper one, at x &lt; 0, and 1.7 kT above the other), with
     * E[x], E[x²] and P(x &gt; 0) by quadrature, from starts x ~ N(1, 0.5²) in the shallower
     * well: the chains must cross the barrier (with 40 steps instead of 1000 MALA misses E[x]
     * by 8 SE).
     */
    @ParameterizedTest
    @MethodSource("algorithms")
    void doubleWellMomentsByQuadrature(McmcAlgorithm algorithm) {
        EnergyModel well = EnergyRegistry.load().create("double-well",
                Map.of("dimension", 1, "a", 1.0, "b", -3.0, "c", 0.5));
        double[] starts = new double[CHAINS];
        ZigguratSampler.NormalizedGaussian normal =
                ZigguratSampler.NormalizedGaussian.of(RandomStreams.of(61).stream(0));
        for (int c = 0; c < CHAINS; c++) {
            starts[c] = 1 + 0.5 * normal.sample();
        }
        MultiChainResult run = finalStates(algorithm, BoltzmannDensity.of(well, 1), starts,
                1000, 62, pool);
        String name = algorithm + " double well";
        double[] point = new double[1];
        DoubleUnaryOperator energy = x -> {
            point[0] = x;
            return well.energy(point);
        };
        assertMean(name + " E[x]", Targets.expectation(energy, x -> x),
                perChain(run, (x, o) -> x[o]));
        assertMean(name + " E[x²]", Targets.expectation(energy, x -> x * x),
                perChain(run, (x, o) -> x[o] * x[o]));
        assertMean(name + " P(x > 0)", Targets.expectation(energy, x -> x > 0 ? 1 : 0),
                perChain(run, (x, o) -> x[o] > 0 ? 1 : 0));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void sameOutputForOneAndTwoThreadsAndOneProgressCallPerChain(McmcAlgorithm algorithm) {
        LogDensity target = new Targets.WellProduct(1, 0.5, 0.8);
        int chains = 64;
        double[] starts = new double[chains * 2];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = 2 * Math.sin(0.9 * i + 0.3);
        }
        MultiChainResult[] runs = new MultiChainResult[2];
        for (int threads = 1; threads <= 2; threads++) {
            AtomicIntegerArray calls = new AtomicIntegerArray(chains);
            ForkJoinPool workers = new ForkJoinPool(threads);
            try {
                runs[threads - 1] = MultiChainRunner.of(algorithm, ChainSchedule.of(100, 1, 150))
                        .withProgress(calls::incrementAndGet)
                        .run(target, starts, 0.2, RandomStreams.of(71), workers);
            } finally {
                workers.shutdown();
            }
            for (int c = 0; c < chains; c++) {
                assertEquals(1, calls.get(c), "progress calls for chain " + c);
            }
        }
        MultiChainResult one = runs[0];
        MultiChainResult two = runs[1];
        assertArrayEquals(one.finalPositions(), two.finalPositions());
        assertArrayEquals(one.samples(), one.finalPositions(), "the kept state is the final one");
        assertArrayEquals(one.logDensities(), two.logDensities());
        assertArrayEquals(one.acceptanceRates(), two.acceptanceRates());
        assertArrayEquals(one.stepSizes(), two.stepSizes());
        assertEquals(one.gradientEvaluations(), two.gradientEvaluations());
        assertEquals((long) chains * (1 + (long) gradientsPerStep(algorithm) * 250),
                one.gradientEvaluations());
    }
}
