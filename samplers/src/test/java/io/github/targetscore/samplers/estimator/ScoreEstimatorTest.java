package io.github.targetscore.samplers.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.manifold.EuclideanSpace;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The estimator's reported variance, reproducibility, clipping and input checks. */
class ScoreEstimatorTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    private static BoltzmannDensity preset(String name) {
        return BoltzmannDensity.of(GaussianTarget.REGISTRY.create(name, Map.of()), 1);
    }

    /**
     * R independent estimates at one y (point i draws from stream i): the empirical variance of
     * ŝ_0 over them matches the mean reported variance within 5 standard errors of their ratio,
     * from the relative standard error of a sample variance, √((m₄/m₂² − 1)/R) with the sample
     * kurtosis m₄/m₂² (√(2/R) for Gaussian ŝ), and that of the mean reported variance.
     */
    private static void assertHonest(String what, LogDensity target, double[] y, double alpha,
            double sigma, PosteriorSampler sampler, ScoreIdentity identity, int r) {
        int d = y.length;
        double[] ys = new double[r * d];
        for (int i = 0; i < r; i++) {
            System.arraycopy(y, 0, ys, i * d, d);
        }
        double[] alphas = new double[r];
        double[] sigmas = new double[r];
        Arrays.fill(alphas, alpha);
        Arrays.fill(sigmas, sigma);
        ScoreEstimates e = ScoreEstimator.of(target, identity, sampler)
                .estimate(ys, alphas, sigmas, RandomStreams.of(21), POOL);
        double mean = 0;
        double reported = 0;
        double reportedSquare = 0;
        for (int i = 0; i < r; i++) {
            mean += e.estimate(i, 0) / r;
            reported += e.variance(i, 0) / r;
            reportedSquare += e.variance(i, 0) * e.variance(i, 0) / r;
        }
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < r; i++) {
            double deviation = e.estimate(i, 0) - mean;
            m2 += deviation * deviation / r;
            m4 += deviation * deviation * deviation * deviation / r;
        }
        double empirical = m2 * r / (r - 1);
        double relativeSe = Math.sqrt((m4 / (m2 * m2) - 1) / r
                + (reportedSquare - reported * reported) / ((r - 1) * reported * reported));
        assertEquals(1, empirical / reported, 5 * relativeSe, what + " with " + sampler);
    }

    @Test
    void reportedVarianceIsHonestForIndependentDraws() {
        BoltzmannDensity easy = preset("easy-mixture");
        double[] y = {0.7};
        assertHonest("easy mixture", easy, y, 0.8, 0.6, ExactPosteriorSampler.of(easy, 50),
                ScoreIdentity.tsi(), 2000);
        // ESS ≈ 165 of 200
        assertHonest("easy mixture", easy, y, 0.8, 0.6, SelfNormalisedImportanceSampler.of(200),
                ScoreIdentity.tsi(), 2000);
    }

    /**
     * SMC on a unimodal posterior (a Gaussian, VP t = 0.9, d = 3: four tempering stages with
     * resampling), where five MALA sweeps per stage decorrelate the copies; and as 10 islands of
     * 50 on the bimodal posterior of the hard mixture at high noise, where a single population
     * would under-report the variance about eightfold.
     */
    @Test
    void reportedVarianceIsHonestForSequentialMonteCarlo() {
        GaussianTarget g = new GaussianTarget(3, 2.0, NoiseSchedule.cosine(), 0.9);
        assertHonest("Gaussian", g.density(), g.y, g.alpha, g.sigma,
                SequentialMonteCarloSampler.adaptive(100), ScoreIdentity.tsi(), 1000);
        assertHonest("hard mixture", preset("hard-mixture-different-variance"), new double[] {0.1},
                0.3, 0.95, SequentialMonteCarloSampler.adaptive(500).withIslands(10),
                ScoreIdentity.dsi(), 1000);
    }

    /** Equal-weight groups (MCMC chains): the variance is Σ_g (ĝ_g − ŝ)²/(G(G − 1)). */
    @Test
    void groupedSamplesReportTheBetweenGroupVariance() {
        GaussianTarget g = new GaussianTarget(1, 1.0, NoiseSchedule.cosine(), 0.5);
        double[] values = {1, 2, 3, 4, 10, 11, 12, 13};
        PosteriorSampler chains = new PosteriorSampler() {
            @Override
            public void sample(Posterior posterior, UniformRandomProvider rng, WeightedSample out) {
                out.reset(8, 2);
                System.arraycopy(values, 0, out.targetScores(), 0, 8);
                out.recordDiagnostics(2, 0.5, 0.1, 3, 8);
            }

            @Override
            public int sampleSize() {
                return 8;
            }

            @Override
            public String name() {
                return "two-chains";
            }
        };
        ScoreEstimates e = ScoreEstimator.of(g.density(), ScoreIdentity.tsi(), chains)
                .estimate(g.y, new double[] {g.alpha}, new double[] {g.sigma}, RandomStreams.of(1),
                        POOL);
        // TSI = score/α; group means 2.5/α and 11.5/α, overall 7/α
        double a = g.alpha;
        assertEquals(7 / a, e.estimate(0, 0), 1e-12);
        assertEquals((2 * Math.pow(4.5 / a, 2)) / 2, e.variance(0, 0), 1e-12);
        assertEquals(0.5, e.acceptanceRates()[0]);
        assertEquals(3, e.energyEvaluations());
        assertEquals(8, e.gradientEvaluations());
        assertEquals(11, e.gradientEquivalentEvaluations());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        BoltzmannDensity target = preset("gmm40");
        int n = 24;
        double[] ys = new double[2 * n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            ys[2 * i] = 10 * Math.sin(i);
            ys[2 * i + 1] = 10 * Math.cos(i);
            times[i] = (i + 1) / (n + 1.0);
        }
        NoiseSchedule ve = NoiseSchedule.geometric(0.01, 3);
        for (PosteriorSampler sampler : List.of(ExactPosteriorSampler.of(target, 50),
                SelfNormalisedImportanceSampler.of(100),
                SequentialMonteCarloSampler.adaptive(60).withIslands(3))) {
            ScoreEstimator estimator = ScoreEstimator.of(target,
                    List.of(ScoreIdentity.tsi(), ScoreIdentity.dsi()), sampler);
            List<ScoreEstimates> references = null;
            for (int threads : new int[] {1, 2, 8}) {
                ForkJoinPool pool = new ForkJoinPool(threads);
                try {
                    List<ScoreEstimates> each = estimator.estimateEach(ys, times, ve,
                            RandomStreams.of(4), pool);
                    if (references == null) {
                        references = each;
                        continue;
                    }
                    for (int m = 0; m < each.size(); m++) {
                        SameEstimates.assertIdentical(references.get(m), each.get(m),
                                sampler.name() + " " + each.get(m).identity() + " on "
                                + threads + " threads");
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }
    }

    /**
     * Several identities draw one posterior sample per point (the sampler runs n times, not
     * n × identities) and report its cost once each, not shared out; a several-identity
     * estimator refuses the single-identity accessors.
     */
    @Test
    void severalIdentitiesShareOnePosteriorSamplePerPoint() {
        GaussianTarget g = new GaussianTarget(2, 1.0, NoiseSchedule.cosine(), 0.5);
        BoltzmannDensity target = g.density();
        PosteriorSampler exact = ExactPosteriorSampler.of(target, 20);
        AtomicInteger runs = new AtomicInteger();
        PosteriorSampler counted = new PosteriorSampler() {
            @Override
            public void sample(Posterior posterior, UniformRandomProvider rng, WeightedSample out) {
                runs.incrementAndGet();
                exact.sample(posterior, rng, out);
            }

            @Override
            public int sampleSize() {
                return exact.sampleSize();
            }

            @Override
            public String name() {
                return "counted";
            }
        };
        List<ScoreIdentity> identities = List.of(ScoreIdentity.dsi(), ScoreIdentity.tsi(),
                ScoreIdentity.kappa(1));
        ScoreEstimator estimator = ScoreEstimator.of(target, identities, counted);
        int n = 5;
        double[] ys = new double[n * 2];
        double[] times = new double[n];
        Arrays.fill(times, 0.5);
        List<ScoreEstimates> each = estimator.estimateEach(ys, times, NoiseSchedule.cosine(),
                RandomStreams.of(8), POOL);
        assertEquals(n, runs.get());
        assertEquals(identities, estimator.identities());
        for (int m = 0; m < identities.size(); m++) {
            assertEquals(identities.get(m), each.get(m).identity());
            assertEquals(n * 20L, each.get(m).gradientEvaluations());
        }
        IllegalStateException several = assertThrows(IllegalStateException.class,
                () -> estimator.estimate(ys, times, NoiseSchedule.cosine(), RandomStreams.of(8),
                        POOL));
        assertTrue(several.getMessage().contains("averages 3 identities [dsi, tsi, kappa]"),
                several.getMessage());
        assertThrows(IllegalStateException.class, estimator::identity);
        assertEquals(List.of(ScoreIdentity.tsi().name()), ScoreEstimator.of(target,
                ScoreIdentity.tsi(), exact).identities().stream().map(ScoreIdentity::name)
                .toList());
        assertRejected("at least one identity", () -> ScoreEstimator.of(target, List.of(), exact));
    }

    /**
     * The estimates' evaluation counts are the sums over points of the samplers' own: SNIS K
     * energy-and-gradient evaluations per point; random-walk Metropolis one energy-only
     * evaluation per chain start and per step and a gradient only at kept states; MALA one
     * energy-and-gradient evaluation per chain start and per step.
     */
    @Test
    void evaluationCountsSumTheSamplersOverPoints() {
        GaussianTarget g = new GaussianTarget(2, 1.0, NoiseSchedule.cosine(), 0.5);
        int n = 3;
        double[] ys = new double[n * 2];
        double[] times = new double[n];
        Arrays.fill(times, 0.5);
        int chains = 4;
        int warmUp = 30;
        int kept = 20;
        long steps = chains * (long) (warmUp + kept);
        ScoreEstimates snis = estimate(g, SelfNormalisedImportanceSampler.of(64), ys, times);
        assertEquals(n * 64L, snis.gradientEvaluations());
        assertEquals(0, snis.energyEvaluations());
        ScoreEstimates rwmh = estimate(g, McmcPosteriorSampler.of(McmcAlgorithm.rwmh(), chains,
                ChainSchedule.of(warmUp, kept, 1)), ys, times);
        assertEquals(n * (chains + steps), rwmh.energyEvaluations());
        assertTrue(rwmh.gradientEvaluations() >= n * chains
                && rwmh.gradientEvaluations() <= n * chains * kept,
                "one gradient per distinct kept state, got " + rwmh.gradientEvaluations());
        assertEquals(rwmh.energyEvaluations() + rwmh.gradientEvaluations(),
                rwmh.gradientEquivalentEvaluations());
        ScoreEstimates mala = estimate(g, McmcPosteriorSampler.of(McmcAlgorithm.mala(), chains,
                ChainSchedule.of(warmUp, kept, 1)), ys, times);
        assertEquals(n * (chains + steps), mala.gradientEvaluations());
        assertEquals(0, mala.energyEvaluations());
    }

    private static ScoreEstimates estimate(GaussianTarget g, PosteriorSampler sampler,
            double[] ys, double[] times) {
        return ScoreEstimator.of(g.density(), ScoreIdentity.tsi(), sampler).estimate(ys, times,
                NoiseSchedule.cosine(), RandomStreams.of(6), POOL);
    }

    @Test
    void clippingCapsEachParticleAndIsReported() {
        BoltzmannDensity target = preset("dw4");
        double[] y = {-2, 0, 2, 0, 0, 3, 0, -3};
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(64));
        double[] alpha = {1};
        double[] sigma = {0.1};
        ScoreEstimates free = estimator.estimate(y, alpha, sigma, RandomStreams.of(2), POOL);
        double[] norms = new double[4];
        for (int p = 0; p < 4; p++) {
            norms[p] = Math.hypot(free.estimate(0, 2 * p), free.estimate(0, 2 * p + 1));
        }
        double cap = 0.5 * (Arrays.stream(norms).min().getAsDouble()
                + Arrays.stream(norms).max().getAsDouble());
        ScoreEstimates capped = estimator.withClipping(cap).estimate(y, alpha, sigma,
                RandomStreams.of(2), POOL);
        assertEquals(0, free.clippedPoints());
        assertEquals(Double.POSITIVE_INFINITY, free.clipNorm());
        assertEquals(1, capped.clippedPoints());
        assertEquals(cap, capped.clipNorm());
        for (int p = 0; p < 4; p++) {
            double cappedNorm = Math.hypot(capped.estimate(0, 2 * p),
                    capped.estimate(0, 2 * p + 1));
            assertEquals(Math.min(cap, norms[p]), cappedNorm, 1e-12 * cap, "particle " + p);
            if (norms[p] <= cap) {
                assertEquals(free.estimate(0, 2 * p), capped.estimate(0, 2 * p), "particle " + p);
            }
        }
        // the variances describe the unclipped estimate
        assertArrayEquals(free.variances(), capped.variances(), 0);
        // a cap from a noise level above σ leaves the estimate whole; from σ itself it caps
        ScoreClipping clipping = ScoreClipping.of(target.manifold(), cap);
        ScoreEstimates above = estimator.withClipping(clipping.fromNoiseLevel(0.11))
                .estimate(y, alpha, sigma, RandomStreams.of(2), POOL);
        assertEquals(0, above.clippedPoints());
        assertArrayEquals(free.estimates(), above.estimates(), 0);
        ScoreEstimates from = estimator.withClipping(clipping.fromNoiseLevel(0.1))
                .estimate(y, alpha, sigma, RandomStreams.of(2), POOL);
        assertArrayEquals(capped.estimates(), from.estimates(), 0);
        assertThrows(IllegalArgumentException.class, () -> estimator.withClipping(
                ScoreClipping.of(EuclideanSpace.of(3), 1)));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        GaussianTarget g = new GaussianTarget(2, 1, NoiseSchedule.cosine(), 0.5);
        BoltzmannDensity target = g.density();
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                ExactPosteriorSampler.of(target, 10));
        RandomStreams streams = RandomStreams.of(1);
        double[] one = {1};
        NoiseSchedule vp = NoiseSchedule.cosine();
        assertRejected("noisy point 1: coordinate 1 is NaN", () -> estimator.estimate(
                new double[] {0, 0, 0, Double.NaN}, new double[] {1, 1}, new double[] {1, 1},
                streams, POOL));
        assertRejected("expected 1 points of dimension 2 (2 values), got 3 values",
                () -> estimator.estimate(new double[3], one, one, streams, POOL));
        assertRejected("got 1 values of α but 2 of σ",
                () -> estimator.estimate(new double[2], one, new double[] {1, 1}, streams, POOL));
        assertRejected("point 0: time t must be in [0, 1], got 1.5",
                () -> estimator.estimate(new double[2], new double[] {1.5}, vp, streams, POOL));
        assertRejected("point 0: time t must be in [0, 1], got NaN", () -> estimator.estimate(
                new double[2], new double[] {Double.NaN}, vp, streams, POOL));
        assertRejected("point 0: the posterior needs finite α > 0 and σ > 0, got α = 0.0",
                () -> estimator.estimate(new double[2], one, vp, streams, POOL));
        assertRejected("variance-preserving", () -> ScoreEstimator.of(target,
                ScoreIdentity.phillips(), ExactPosteriorSampler.of(target, 10)).estimate(
                new double[2], new double[] {0.5}, NoiseSchedule.geometric(0.01, 3), streams,
                POOL));
        assertRejected("K >= 2 draws, got K = 1", () -> ExactPosteriorSampler.of(target, 1));
        assertRejected("K >= 2 draws, got K = 1", () -> SelfNormalisedImportanceSampler.of(1));
        assertRejected("K >= 2 draws, got K = 0", () -> SequentialMonteCarloSampler.adaptive(0));
        assertRejected("β = 1 only, got β = 2.0", () -> ExactPosteriorSampler.of(
                BoltzmannDensity.of(target.model(), 2), 10));
        assertRejected("has no exact posterior", () -> ExactPosteriorSampler.of(preset("dw4"), 10));
        assertRejected("clipping norm must be > 0, got 0.0", () -> estimator.withClipping(0));
        assertRejected("clipping norm must be > 0, got NaN",
                () -> estimator.withClipping(Double.NaN));
    }

    private static void assertRejected(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), "'" + e.getMessage() + "' should say '"
                + message + "'");
    }
}
