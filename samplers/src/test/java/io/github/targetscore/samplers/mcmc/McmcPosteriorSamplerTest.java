package io.github.targetscore.samplers.mcmc;

import static io.github.targetscore.samplers.mcmc.MultiChainRunnerTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MCMC posterior sampling against the exact posterior of a Gaussian target p_X = N(0, s²I)
 * (MATH §2): p(x|y) = N(αs²y/(α²s² + σ²), s²σ²/(α²s² + σ²) I). Each chain's averages are one
 * replicate; checks allow 5 standard errors of the mean of 64 chain averages.
 */
class McmcPosteriorSamplerTest {

    private static final int D = 3;
    private static final double S2 = 2.25;
    private static final double[] Y = {0.7, -1.2, 2.0};
    private static final Targets.Gaussian TARGET = Targets.Gaussian.isotropic(new double[D], 1.5);

    static Stream<McmcAlgorithm> algorithms() {
        return Stream.of(McmcAlgorithm.rwmh(), McmcAlgorithm.mala(), McmcAlgorithm.hmc(10),
                McmcAlgorithm.hmc(10, 0.2, true));
    }

    static Stream<Arguments> cases() {
        return algorithms().flatMap(a -> Stream.of(Arguments.of(a, 0.8, 0.6),
                Arguments.of(a, 1.0, 0.05), Arguments.of(a, 0.3, 0.95)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reproducesTheExactGaussianPosterior(McmcAlgorithm algorithm, double alpha,
            double sigma) {
        int chains = 64;
        int s = 200;
        McmcPosteriorSampler sampler = McmcPosteriorSampler.of(algorithm, chains,
                ChainSchedule.of(300, s, 1));
        Posterior posterior = Posterior.of(TARGET, Y, alpha, sigma);
        WeightedSample out = WeightedSample.withCapacity(D, sampler.sampleSize());
        sampler.sample(posterior, RandomStreams.of(17).stream(3), out);
        double denominator = alpha * alpha * S2 + sigma * sigma;
        double variance = S2 * sigma * sigma / denominator;
        String name = algorithm + " α=" + alpha + " σ=" + sigma;
        for (int i = 0; i < D; i++) {
            int j = i;
            double mean = alpha * S2 * Y[i] / denominator;
            assertMean(name + " E[x" + i + "|y]", mean, out, chains, s, (x, o) -> x[o + j]);
            assertMean(name + " Var[x" + i + "|y]", variance, out, chains, s,
                    (x, o) -> (x[o + j] - mean) * (x[o + j] - mean));
        }
    }

    private static void assertMean(String what, double exact, WeightedSample out, int chains,
            int s, ReplicateMeans.Statistic f) {
        ReplicateMeans.assertMean(what, exact,
                ReplicateMeans.perGroup(out.positions(), chains, s, D, f));
    }

    /** Each algorithm with its exact gradient evaluations per step, −1 where it varies. */
    static Stream<Arguments> evaluationCounts() {
        return Stream.of(Arguments.of(McmcAlgorithm.rwmh(), 0),
                Arguments.of(McmcAlgorithm.mala(), 1), Arguments.of(McmcAlgorithm.hmc(10), 10),
                Arguments.of(McmcAlgorithm.hmc(10, 0.2, true), -1));
    }

    @ParameterizedTest
    @MethodSource("evaluationCounts")
    void fillsGroupsTargetScoresAndDiagnostics(McmcAlgorithm algorithm, int gradientsPerStep) {
        int chains = 4;
        int w = 100;
        int s = 50;
        int t = 2;
        McmcPosteriorSampler sampler = McmcPosteriorSampler.of(algorithm, chains,
                ChainSchedule.of(w, s, t));
        assertEquals(algorithm.name(), sampler.name());
        assertEquals(chains * s, sampler.sampleSize());
        // low noise: ∇log p_X must come from the target itself, bit for bit
        Posterior posterior = Posterior.of(TARGET, Y, 1, 1e-4);
        WeightedSample out = WeightedSample.withCapacity(D, sampler.sampleSize() + 7);
        sampler.sample(posterior, RandomStreams.of(18).stream(0), out);
        assertEquals(chains * s, out.size());
        assertEquals(chains, out.groups());
        double[] x = new double[D];
        double[] score = new double[D];
        for (int k = 0; k < out.size(); k++) {
            System.arraycopy(out.positions(), k * D, x, 0, D);
            TARGET.logDensityAndScore(x, score);
            for (int i = 0; i < D; i++) {
                assertEquals(score[i], out.targetScores()[k * D + i], 0, "target score " + k);
            }
            assertEquals(0, out.logWeights()[k], 0);
        }
        long cs = (long) chains * s;
        assertTrue(out.effectiveSampleSize() > 0
                && out.effectiveSampleSize() <= cs * Math.log10(cs),
                "ESS " + out.effectiveSampleSize());
        assertTrue(Math.abs(out.acceptanceRate() - algorithm.targetAcceptance()) < 0.15,
                "acceptance " + out.acceptanceRate());
        assertTrue(out.stepSize() > 0 && out.stepSize() < 1e-3, "step " + out.stepSize());
        long steps = chains * (w + (long) s * t);
        long evaluations = out.gradientEvaluations();
        if (gradientsPerStep > 0) {
            assertEquals(0, out.energyEvaluations());
            assertEquals(chains + gradientsPerStep * steps, evaluations);
        } else if (gradientsPerStep == 0) {
            // log π alone at each start and per step, ∇log p_X once per distinct kept state
            assertEquals(chains + steps, out.energyEvaluations());
            assertEquals(distinctKeptStates(out, chains, s), evaluations);
        } else {
            assertEquals(0, out.energyEvaluations());
            assertTrue(evaluations > chains + steps && evaluations <= chains + 10 * steps,
                    "evaluations " + evaluations);
        }
    }

    /** Kept states that differ from the chain's previous kept state (each chain's first counts). */
    private static long distinctKeptStates(WeightedSample out, int chains, int s) {
        long distinct = 0;
        for (int k = 0; k < chains * s; k++) {
            boolean moved = k % s == 0 || !java.util.Arrays.equals(out.positions(), k * D,
                    (k + 1) * D, out.positions(), (k - 1) * D, k * D);
            distinct += moved ? 1 : 0;
        }
        return distinct;
    }

    @Test
    void deterministicGivenTheStreamAndWarmStartsKeepTheStepSize() {
        McmcPosteriorSampler sampler = McmcPosteriorSampler.mala(3, 50, 20, 1, 0.1, 0.6);
        assertEquals("mala", sampler.name());
        Posterior posterior = Posterior.of(TARGET, Y, 0.8, 0.6);
        assertEquals(0.1, sampler.initialStepSize(posterior));
        WeightedSample a = WeightedSample.withCapacity(D, 60);
        WeightedSample b = WeightedSample.withCapacity(D, 60);
        sampler.sample(posterior, RandomStreams.of(19).stream(5), a);
        sampler.sample(posterior, RandomStreams.of(19).stream(5), b);
        assertArrayEquals(a.positions(), b.positions(), 0);
        assertArrayEquals(a.targetScores(), b.targetScores(), 0);
        assertEquals(a.stepSize(), b.stepSize(), 0);

        double[] starts = McmcPosteriorSampler.finalPositions(a);
        McmcPosteriorSampler frozen = McmcPosteriorSampler.of(McmcAlgorithm.mala(), 3,
                ChainSchedule.of(0, 20, 1).withoutAdaptation());
        frozen.sample(posterior, RandomStreams.of(20).stream(0), b, starts, a.stepSize());
        assertEquals(a.stepSize(), b.stepSize(), 1e-15 * a.stepSize());
        assertEquals("rwmh", McmcPosteriorSampler.rwmh(2, 10, 10, 1, 0.5, 0.3).name());
        assertEquals("hmc", McmcPosteriorSampler.hmc(2, 10, 10, 1, 0.5, 0.7, 4).name());
    }

    @Test
    void rejectsBadInputs() {
        Posterior posterior = Posterior.of(TARGET, Y, 0.8, 0.6);
        McmcPosteriorSampler sampler = McmcPosteriorSampler.mala(2, 10, 10, 1, 0.1, 0.5);
        WeightedSample out = WeightedSample.withCapacity(D, 20);
        assertMessage("at least 1 chain",
                () -> McmcPosteriorSampler.of(McmcAlgorithm.mala(), 0, ChainSchedule.of(1, 1, 1)));
        assertMessage("capacity >= 20", () -> sampler.sample(posterior,
                RandomStreams.of(1).stream(0), WeightedSample.withCapacity(D, 19)));
        assertMessage("dimension 3", () -> sampler.sample(posterior,
                RandomStreams.of(1).stream(0), WeightedSample.withCapacity(2, 20)));
        assertMessage("expected 2 start positions", () -> sampler.sample(posterior,
                RandomStreams.of(1).stream(0), out, new double[3]));
        assertMessage("start position of chain 1: coordinate 2 is NaN", () -> sampler.sample(
                posterior, RandomStreams.of(1).stream(0), out,
                new double[] {0, 0, 0, 0, 0, Double.NaN}));
        assertMessage("step size must be finite and > 0", () -> sampler.sample(posterior,
                RandomStreams.of(1).stream(0), out, new double[6], 0));
        assertMessage("step size must be finite and > 0", () -> sampler.withInitialStepSize(-1));
        assertMessage("target scale must be finite and > 0", () -> sampler.withTargetScale(0));
    }
}
