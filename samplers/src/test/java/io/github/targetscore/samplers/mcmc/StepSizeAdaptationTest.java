package io.github.targetscore.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.random.RandomStreams;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step-size adaptation: exact convergence on a known acceptance curve, and every kernel's
 * frozen step reaching its target acceptance rate within a stated tolerance.
 */
class StepSizeAdaptationTest {

    /**
     * Allowed |mean acceptance − δ| after warm-up, averaged over 16 chains. The mean's standard
     * error is about 0.005; the rest allows for the curvature of a(h) around the frozen h̄
     * (measured ≤ 0.015, MALA in 2-D).
     */
    private static final double ACCEPTANCE_TOLERANCE = 0.03;
    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 1, 1e4})
    void convergesToTheRootOfAKnownAcceptanceCurve(double initialStepSize) {
        // a(h) = exp(−h): the root of a(h) = δ is h* = −log δ
        double delta = 0.574;
        StepSizeAdaptation adaptation = StepSizeAdaptation.of(delta, initialStepSize, 2000);
        double h = initialStepSize;
        for (int n = 0; n < 2000; n++) {
            h = adaptation.update(Math.exp(-h));
        }
        assertEquals(-Math.log(delta), adaptation.averagedStepSize(), 1e-3);
        assertEquals(2000, adaptation.iterations());
    }

    @Test
    void averagesOnlyTheSecondHalfOfWarmUp() {
        StepSizeAdaptation adaptation = StepSizeAdaptation.of(0.5, 1, 4);
        double h1 = adaptation.update(1);
        assertEquals(h1, adaptation.averagedStepSize(), 0, "before the averaging window");
        double h2 = adaptation.update(1);
        assertEquals(h2, adaptation.averagedStepSize(), 0);
        double h3 = adaptation.update(0);
        assertEquals(h3, adaptation.averagedStepSize(), 1e-15);
        double h4 = adaptation.update(0);
        assertEquals(Math.sqrt(h3 * h4), adaptation.averagedStepSize(), 1e-15);
        assertEquals(h4, adaptation.stepSize(), 0);
        assertEquals(Math.exp(0.5), h1, 1e-15, "log h₁ = log h₀ + 1·(1 − δ)");
    }

    static Stream<McmcAlgorithm> algorithms() {
        // fixed-L HMC is left out on purpose: on (near-)Gaussian targets its acceptance is not
        // monotone in ε (trajectories resonate with the oscillation period), so no step-size
        // rule can promise a rate; jitter restores monotonicity
        return Stream.of(McmcAlgorithm.rwmh(), McmcAlgorithm.mala(),
                McmcAlgorithm.hmc(10, 0.2, false), McmcAlgorithm.hmc(10, 0, true));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void frozenStepReachesTheTargetAcceptance(McmcAlgorithm algorithm) {
        int chains = 16;
        LogDensity[] targets = {
            Targets.Gaussian.isotropic(new double[1], 0.5),
            Targets.Gaussian.isotropic(new double[2], 0.5),
            Targets.Gaussian.isotropic(new double[10], 0.5),
            Targets.Gaussian.of(new double[] {1, -2}, new double[] {1, 2.4, 2.4, 9}),
        };
        for (LogDensity target : targets) {
            int d = target.manifold().dimension();
            double[] starts = new double[chains * d];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = Math.sin(i + 1.0);
            }
            // start 100 times too large: adaptation has to travel
            double h = 100 * algorithm.stepSizeForScale(0.5, d);
            MultiChainResult r = MultiChainRunner.of(algorithm, ChainSchedule.of(2000, 2000, 1))
                    .run(target, starts, h, RandomStreams.of(d), pool);
            double mean = 0;
            for (double a : r.acceptanceRates()) {
                mean += a / chains;
            }
            double rate = mean;
            assertTrue(Math.abs(rate - algorithm.targetAcceptance()) < ACCEPTANCE_TOLERANCE,
                    () -> algorithm + " in " + d + "-D: acceptance " + rate);
        }
    }

    @Test
    void rejectsBadInputs() {
        for (double delta : new double[] {0, 1, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StepSizeAdaptation.of(delta, 1, 10));
            assertTrue(e.getMessage().contains("target acceptance"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> McmcAlgorithm.mala().withTargetAcceptance(delta));
        }
        for (double h : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StepSizeAdaptation.of(0.5, h, 10));
            assertTrue(e.getMessage().contains("step size"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> StepSizeAdaptation.of(0.5, 1, 0));
        StepSizeAdaptation adaptation = StepSizeAdaptation.of(0.5, 1, 10);
        for (double a : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> adaptation.update(a));
        }
    }
}
