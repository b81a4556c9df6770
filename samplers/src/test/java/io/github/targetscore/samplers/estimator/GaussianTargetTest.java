package io.github.targetscore.samplers.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.importance.SequentialMonteCarloSampler;
import io.github.targetscore.samplers.mcmc.ChainSchedule;
import io.github.targetscore.samplers.mcmc.McmcAlgorithm;
import io.github.targetscore.samplers.mcmc.McmcPosteriorSampler;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every identity against the closed forms of a Gaussian target N(0, s² I) (MATH §2, TSM
 * Appendix C), for d = 1, 3, 8, both schedules, low, middle and high t, with the exact, SNIS,
 * SMC, MALA and HMC posterior samplers; all identities are estimated from one posterior sample
 * per point, and each equals its single-identity estimate bit for bit. Tolerances are 5 standard errors: of an estimate, its
 * reported Monte Carlo standard error; of the summed integrand variance V over d components from
 * an effective sample of n weighted draws, V √(2/(dn)) (the standard error of a Gaussian sample
 * variance), n the reported ESS; from MCMC chains, the spread of the per-chain variances.
 */
class GaussianTargetTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final double S2 = 2.0;
    /**
     * MCMC: 40 chains (the between-chain standard error is Student-t with 39 degrees of
     * freedom) of 100 states after 300 warm-up steps.
     */
    private static final int CHAINS = 40;
    private static final ChainSchedule MCMC_SCHEDULE = ChainSchedule.of(300, 100, 1);
    /** SNIS runs only where its large-K ESS is at least this: below, SNIS is degenerate. */
    private static final double SNIS_MIN_ESS = 1000;

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    private static PosteriorSampler sampler(String name, BoltzmannDensity target) {
        switch (name) {
            case "exact":
                return ExactPosteriorSampler.of(target, 4000);
            case "snis":
                return SelfNormalisedImportanceSampler.of(20000);
            case "smc":
                return SequentialMonteCarloSampler.adaptive(4000);
            case "mala":
                return McmcPosteriorSampler.of(McmcAlgorithm.mala(), CHAINS, MCMC_SCHEDULE);
            default:
                return McmcPosteriorSampler.of(McmcAlgorithm.hmc(10), CHAINS, MCMC_SCHEDULE);
        }
    }

    /**
     * Every sampler × schedule × t ∈ {0.1, 0.5, 0.9} × d ∈ {1, 3, 8}, except the SNIS cases
     * whose large-K effective sample size is below {@code SNIS_MIN_ESS}: there the proposal is
     * degenerate and its O(1/ESS) bias is not a test of the estimator.
     */
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String sampler : List.of("exact", "snis", "smc", "mala", "hmc")) {
            for (String schedule : List.of("vp", "ve")) {
                for (double t : new double[] {0.1, 0.5, 0.9}) {
                    for (int d : new int[] {1, 3, 8}) {
                        GaussianTarget g = new GaussianTarget(d, S2,
                                GaussianTarget.schedule(schedule), t);
                        if (sampler.equals("snis")
                                && 20000 * g.importanceEssFraction() < SNIS_MIN_ESS) {
                            continue;
                        }
                        cases.add(Arguments.of(sampler, schedule, t, d));
                    }
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} t={2} d={3}")
    @MethodSource("cases")
    void everyIdentityMatchesTheClosedForms(String samplerName, String scheduleName, double t,
            int d) {
        NoiseSchedule schedule = GaussianTarget.schedule(scheduleName);
        GaussianTarget g = new GaussianTarget(d, S2, schedule, t);
        BoltzmannDensity target = g.density();
        PosteriorSampler sampler = sampler(samplerName, target);
        double kappaT = ScoreIdentity.kappa(S2).dsiWeight(g.alpha, g.sigma);
        List<ScoreIdentity> identities = new ArrayList<>(List.of(ScoreIdentity.dsi(),
                ScoreIdentity.tsi(), ScoreIdentity.kappa(S2),
                ScoreIdentity.mixture("quarter", (a, s) -> 0.25)));
        if (schedule.variancePreserving()) {
            identities.add(ScoreIdentity.phillips());
        }
        double rounding = 1e-20 * (g.dsiVariance() + g.tsiVariance());
        // the sample the estimator draws at its point 0
        WeightedSample chains = WeightedSample.withCapacity(d, sampler.sampleSize());
        sampler.sample(Posterior.of(target, g.y, g.alpha, g.sigma),
                RandomStreams.of(11).stream(0), chains);
        List<ScoreEstimates> each = ScoreEstimator.of(target, identities, sampler)
                .estimateEach(g.y, new double[] {t}, schedule, RandomStreams.of(11), POOL);
        assertEquals(identities.size(), each.size());
        for (int m = 0; m < identities.size(); m++) {
            ScoreIdentity identity = identities.get(m);
            ScoreEstimates e = each.get(m);
            String what = samplerName + " " + identity + " at " + g;
            assertEquals(identity, e.identity(), what);
            // the same sample, the same arithmetic: bit for bit the single-identity estimate
            SameEstimates.assertIdentical(ScoreEstimator.of(target, identity, sampler).estimate(
                    g.y, new double[] {t}, schedule, RandomStreams.of(11), POOL), e, what);
            for (int j = 0; j < d; j++) {
                assertEquals(g.score(j), e.estimate(0, j),
                        5 * Math.sqrt(e.variance(0, j)) + 1e-12 * Math.abs(g.score(j)),
                        what + ", component " + j);
            }
            double kappa = identity.dsiWeight(g.alpha, g.sigma);
            double expected = g.integrandVariance(kappa);
            if (chains.groups() == chains.size()) {
                double ess = e.effectiveSampleSizes()[0];
                assertEquals(expected, e.totalIntegrandVariance(0),
                        5 * expected * Math.sqrt(2 / (d * ess)) + rounding, what);
            } else {
                assertChainsReproduceTheVariance(chains, g, kappa, expected, rounding, what);
            }
            if (kappa == kappaT) {
                assertTrue(e.totalVariance(0) <= rounding
                        && e.totalIntegrandVariance(0) <= rounding,
                        what + ": the κ_t integrand is constant, variance " + e.totalVariance(0));
            }
        }
    }

    /**
     * Correlated draws in G independent chains: the within-chain sample variances V_g of the
     * integrand (divisor m − 1), summed over components, are G independent estimates of
     * Σ_i Var[L_i | y]; their mean is within 5 standard errors sd(V_g)/√G of it.
     */
    private static void assertChainsReproduceTheVariance(WeightedSample chains, GaussianTarget g,
            double kappa, double expected, double rounding, String what) {
        int d = g.d;
        int groups = chains.groups();
        int m = chains.size() / groups;
        double[] l = new double[chains.size() * d];
        for (int k = 0; k < chains.size(); k++) {
            ScoreIdentity.integrand(d, chains.positions(), k * d, chains.targetScores(), k * d,
                    g.y, 0, g.alpha, g.sigma, kappa, l, k * d);
        }
        double[] perChain = new double[groups];
        for (int c = 0; c < groups; c++) {
            for (int j = 0; j < d; j++) {
                double mean = 0;
                for (int k = c * m; k < (c + 1) * m; k++) {
                    mean += l[k * d + j] / m;
                }
                for (int k = c * m; k < (c + 1) * m; k++) {
                    perChain[c] += Math.pow(l[k * d + j] - mean, 2) / (m - 1);
                }
            }
        }
        double mean = Arrays.stream(perChain).average().orElseThrow();
        double spread = Arrays.stream(perChain).map(v -> (v - mean) * (v - mean)).sum()
                / (groups - 1);
        assertEquals(expected, mean, 5 * Math.sqrt(spread / groups) + rounding, what);
    }

    /** The κ-mixture variance formula reproduces MATH §2's DSI and TSI lines. */
    @ParameterizedTest
    @CsvSource({"vp, 0.2, 3", "vp, 0.8, 1", "ve, 0.3, 8", "ve, 0.95, 2"})
    void mixtureVarianceHasTheDsiAndTsiLinesAsEnds(String scheduleName, double t, int d) {
        GaussianTarget g = new GaussianTarget(d, S2, GaussianTarget.schedule(scheduleName), t);
        assertEquals(g.dsiVariance(), g.integrandVariance(1), 1e-12 * g.dsiVariance());
        assertEquals(g.tsiVariance(), g.integrandVariance(0), 1e-12 * g.tsiVariance());
        assertEquals(0, g.integrandVariance(ScoreIdentity.kappa(S2).dsiWeight(g.alpha, g.sigma)),
                1e-12 * (g.dsiVariance() + g.tsiVariance()));
    }

    /**
     * Exact draws are equally weighted and independent: the reported variance is the unbiased
     * sample variance over K, K Var[ŝ] = K/(K − 1) Σ_k (L_k − ŝ)²/K, and the ESS is K.
     */
    @Test
    void exactDrawsReportTheSampleVarianceOverK() {
        GaussianTarget g = new GaussianTarget(3, S2, NoiseSchedule.cosine(), 0.4);
        int k = 500;
        BoltzmannDensity target = g.density();
        ScoreEstimates e = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                ExactPosteriorSampler.of(target, k))
                .estimate(g.y, new double[] {0.4}, NoiseSchedule.cosine(), RandomStreams.of(2),
                        POOL);
        assertEquals(e.totalIntegrandVariance(0) / (k - 1), e.totalVariance(0),
                1e-12 * e.totalVariance(0));
        assertEquals(k, e.effectiveSampleSizes()[0]);
        assertEquals(k, e.gradientEvaluations());
        assertEquals(0, e.energyEvaluations());
        assertTrue(Double.isNaN(e.acceptanceRates()[0]));
    }

    /** DSI has the lower variance exactly when σ² &gt; α²s² (MATH §2). */
    @ParameterizedTest
    @CsvSource({"0.1", "0.3", "0.7", "0.9"})
    void dsiWinsExactlyWhenTheNoiseExceedsTheSignal(double t) {
        GaussianTarget g = new GaussianTarget(2, 1, NoiseSchedule.cosine(), t);
        assertEquals(g.sigma * g.sigma > g.alpha * g.alpha, g.dsiVariance() < g.tsiVariance());
        BoltzmannDensity target = g.density();
        PosteriorSampler exact = ExactPosteriorSampler.of(target, 2000);
        List<ScoreEstimates> each = ScoreEstimator.of(target,
                List.of(ScoreIdentity.dsi(), ScoreIdentity.tsi()), exact).estimateEach(g.y,
                new double[] {t}, NoiseSchedule.cosine(), RandomStreams.of(3), POOL);
        double[] variance = {each.get(0).totalVariance(0), each.get(1).totalVariance(0)};
        assertEquals(g.dsiVariance() < g.tsiVariance(), variance[0] < variance[1],
                "t = " + t + ": dsi " + variance[0] + ", tsi " + variance[1]);
    }
}
