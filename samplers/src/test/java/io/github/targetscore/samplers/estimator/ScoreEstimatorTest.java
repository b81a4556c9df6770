package io.github.targetscore.samplers.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Score estimates against exact answers. Tolerances are 5 standard errors: of the estimate, the
 * reported Monte Carlo standard error; of a summed variance V over d components from K draws of
 * a Gaussian integrand, V·√(2/(dK)).
 */
class ScoreEstimatorTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final EnergyRegistry REGISTRY = EnergyRegistry.load();

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    /** p_X = N(0, s² I) in d dimensions, as a one-component mixture. */
    private static BoltzmannDensity gaussian(int d, double s2) {
        double[][] mean = new double[1][d];
        return BoltzmannDensity.of(REGISTRY.create("gaussian-mixture",
                Map.of("means", mean, "variance", s2)), 1);
    }

    private static NoiseSchedule schedule(String name) {
        return name.equals("vp") ? NoiseSchedule.cosine() : NoiseSchedule.geometric(0.01, 3);
    }

    private static double[] point(int d, double scale) {
        double[] y = new double[d];
        for (int j = 0; j < d; j++) {
            y[j] = scale * Math.sin(1.7 * j + 0.3);
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"vp, 0.1, 1", "vp, 0.5, 3", "vp, 0.9, 8", "ve, 0.2, 3", "ve, 0.5, 1", "ve, 0.9, 8"})
    void gaussianTargetMatchesTheClosedForms(String scheduleName, double t, int d) {
        double s2 = 2.0;
        int k = 4000;
        BoltzmannDensity target = gaussian(d, s2);
        NoiseSchedule schedule = schedule(scheduleName);
        double a = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        double v = a * a * s2 + sigma * sigma;
        double[] y = point(d, Math.sqrt(v));
        double dsiVariance = d * a * a * s2 / (sigma * sigma * v);
        double tsiVariance = d * sigma * sigma / (a * a * s2 * v);
        PosteriorSampler exact = ExactPosteriorSampler.of(target, k);
        for (ScoreIdentity identity : List.of(ScoreIdentity.dsi(), ScoreIdentity.tsi(),
                ScoreIdentity.kappa(s2))) {
            ScoreEstimates e = ScoreEstimator.of(target, identity, exact)
                    .estimate(y, new double[] {t}, schedule, RandomStreams.of(11), POOL);
            for (int j = 0; j < d; j++) {
                double se = Math.sqrt(e.variances()[j]);
                assertEquals(-y[j] / v, e.estimate(0, j), 5 * se + 1e-12,
                        identity + " component " + j);
            }
            double perDraw = k * e.totalVariance(0);
            switch (identity.name()) {
                case "dsi":
                    assertEquals(dsiVariance, perDraw, 5 * dsiVariance * Math.sqrt(2.0 / (d * k)));
                    break;
                case "tsi":
                    assertEquals(tsiVariance, perDraw, 5 * tsiVariance * Math.sqrt(2.0 / (d * k)));
                    break;
                default:
                    assertTrue(perDraw < 1e-20 * Math.max(dsiVariance, tsiVariance),
                            "the κ_t integrand is constant: variance " + perDraw);
            }
            assertEquals(k, e.effectiveSampleSizes()[0]);
            assertEquals(k, e.gradientEvaluations());
        }
    }

    /** DSI has the lower variance exactly when σ² > α²s² (MATH §2). */
    @Test
    void dsiWinsAtHighNoiseAndTsiAtLowNoise() {
        BoltzmannDensity target = gaussian(2, 1);
        PosteriorSampler exact = ExactPosteriorSampler.of(target, 500);
        NoiseSchedule vp = NoiseSchedule.cosine();
        for (double t : new double[] {0.1, 0.9}) {
            double[] y = point(2, 1);
            double dsi = ScoreEstimator.of(target, ScoreIdentity.dsi(), exact)
                    .estimate(y, new double[] {t}, vp, RandomStreams.of(3), POOL).totalVariance(0);
            double tsi = ScoreEstimator.of(target, ScoreIdentity.tsi(), exact)
                    .estimate(y, new double[] {t}, vp, RandomStreams.of(3), POOL).totalVariance(0);
            assertEquals(t > 0.5, dsi < tsi, "t = " + t + ": dsi " + dsi + ", tsi " + tsi);
        }
    }

    @ParameterizedTest
    @CsvSource({"easy-mixture, vp, 0.05", "easy-mixture, vp, 0.5", "easy-mixture, ve, 0.9",
        "hard-mixture-different-variance, vp, 0.05", "hard-mixture-different-variance, vp, 0.5",
        "hard-mixture-different-variance, ve, 0.3", "gmm40, ve, 0.5", "gmm40, vp, 0.2"})
    void mixturesMatchTheirExactNoisedScores(String name, String scheduleName, double t) {
        EnergyModel model = REGISTRY.create(name, Map.of());
        BoltzmannDensity target = BoltzmannDensity.of(model, 1);
        int d = model.dimension();
        NoiseSchedule schedule = schedule(scheduleName);
        double a = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        int n = 6;
        double[] xs = io.github.targetscore.samplers.ExactSampling.of(model)
                .draw(n, RandomStreams.of(5), POOL);
        double[] ys = new double[n * d];
        double[] times = new double[n];
        for (int i = 0; i < n * d; i++) {
            ys[i] = a * xs[i] + sigma * Math.cos(3.1 * i);
        }
        java.util.Arrays.fill(times, t);
        for (ScoreIdentity identity : List.of(ScoreIdentity.dsi(), ScoreIdentity.tsi(),
                ScoreIdentity.kappaBar(0.01))) {
            ScoreEstimates e = ScoreEstimator.of(target, identity, ExactPosteriorSampler.of(target, 2000))
                    .estimate(ys, times, schedule, RandomStreams.of(9), POOL);
            double[] exact = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(ys, i * d, y, 0, d);
                model.noisedScore().orElseThrow().logDensityAndScore(y, a, sigma, exact);
                for (int j = 0; j < d; j++) {
                    double se = Math.sqrt(e.variances()[i * d + j]);
                    assertEquals(exact[j], e.estimate(i, j), 5 * se + 1e-9 * Math.abs(exact[j]),
                            name + " " + identity + " point " + i);
                }
            }
        }
    }

    @Test
    void importanceSamplingConvergesAtLowNoise() {
        BoltzmannDensity target = gaussian(3, 1);
        NoiseSchedule ve = NoiseSchedule.geometric(0.01, 3);
        double t = 0.3;
        double v = 1 + ve.variance(t);
        double[] y = point(3, 1);
        ScoreEstimates e = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(20000))
                .estimate(y, new double[] {t}, ve, RandomStreams.of(1), POOL);
        for (int j = 0; j < 3; j++) {
            assertEquals(-y[j] / v, e.estimate(0, j), 5 * Math.sqrt(e.variances()[j]));
        }
        assertTrue(e.effectiveSampleSizes()[0] > 10000, "ESS " + e.effectiveSampleSizes()[0]);
    }

    /**
     * The reported variance is the variance of the estimate: over R independent repetitions, the
     * empirical variance of ŝ_0 matches the mean reported variance within 5·√(2/(R − 1)).
     */
    @Test
    void reportedVarianceIsHonest() {
        BoltzmannDensity target = BoltzmannDensity.of(REGISTRY.create("easy-mixture", Map.of()), 1);
        int r = 400;
        double[] ys = new double[r];
        java.util.Arrays.fill(ys, 0.7);
        double[] alphas = new double[r];
        double[] sigmas = new double[r];
        java.util.Arrays.fill(alphas, 0.8);
        java.util.Arrays.fill(sigmas, 0.6);
        for (PosteriorSampler sampler : List.of(ExactPosteriorSampler.of(target, 50),
                SelfNormalisedImportanceSampler.of(200))) {
            ScoreEstimates e = ScoreEstimator.of(target, ScoreIdentity.tsi(), sampler)
                    .estimate(ys, alphas, sigmas, RandomStreams.of(21), POOL);
            double mean = 0;
            double reported = 0;
            for (int i = 0; i < r; i++) {
                mean += e.estimate(i, 0) / r;
                reported += e.variances()[i] / r;
            }
            double empirical = 0;
            for (int i = 0; i < r; i++) {
                empirical += Math.pow(e.estimate(i, 0) - mean, 2) / (r - 1);
            }
            assertEquals(1, empirical / reported, 5 * Math.sqrt(2.0 / (r - 1)), sampler.name());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        EnergyModel model = REGISTRY.create("gmm40", Map.of());
        BoltzmannDensity target = BoltzmannDensity.of(model, 1);
        int n = 40;
        double[] ys = new double[2 * n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            ys[2 * i] = 10 * Math.sin(i);
            ys[2 * i + 1] = 10 * Math.cos(i);
            times[i] = (i + 1) / (n + 1.0);
        }
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(100));
        NoiseSchedule ve = NoiseSchedule.geometric(0.01, 1);
        double[] reference = null;
        for (int threads : new int[] {1, 2, 8}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                ScoreEstimates e = estimator.estimate(ys, times, ve, RandomStreams.of(4), pool);
                if (reference == null) {
                    reference = e.estimates();
                } else {
                    assertArrayEquals(reference, e.estimates(), 0, threads + " threads");
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void clippingCapsEachParticleAndIsReported() {
        BoltzmannDensity target = BoltzmannDensity.of(REGISTRY.create("dw4", Map.of()), 1);
        double[] y = {-2, 0, 2, 0, 0, 3, 0, -3};
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(64));
        ScoreEstimates free = estimator.estimate(y, new double[] {1}, new double[] {0.1},
                RandomStreams.of(2), POOL);
        ScoreEstimates capped = estimator.withClipping(1.0).estimate(y, new double[] {1},
                new double[] {0.1}, RandomStreams.of(2), POOL);
        assertEquals(0, free.clippedPoints());
        assertEquals(1, capped.clippedPoints());
        for (int p = 0; p < 4; p++) {
            double freeNorm = Math.hypot(free.estimate(0, 2 * p), free.estimate(0, 2 * p + 1));
            double cappedNorm = Math.hypot(capped.estimate(0, 2 * p), capped.estimate(0, 2 * p + 1));
            assertEquals(Math.min(1.0, freeNorm), cappedNorm, 1e-12, "particle " + p);
        }
        assertTrue(free.clipNorm() == Double.POSITIVE_INFINITY && capped.clipNorm() == 1.0);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        BoltzmannDensity target = gaussian(2, 1);
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                ExactPosteriorSampler.of(target, 10));
        RandomStreams streams = RandomStreams.of(1);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () ->
                estimator.estimate(new double[] {0, Double.NaN}, new double[] {1},
                        new double[] {1}, streams, POOL));
        assertTrue(nan.getMessage().contains("noisy point 0: coordinate 1 is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> estimator.estimate(new double[3],
                new double[] {1}, new double[] {1}, streams, POOL));
        assertThrows(IllegalArgumentException.class, () -> estimator.estimate(new double[2],
                new double[] {1.5}, NoiseSchedule.cosine(), streams, POOL));
        IllegalArgumentException atOne = assertThrows(IllegalArgumentException.class, () ->
                estimator.estimate(new double[2], new double[] {1}, NoiseSchedule.cosine(), streams, POOL));
        assertTrue(atOne.getMessage().contains("α"), atOne.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExactPosteriorSampler.of(target, 1));
        assertThrows(IllegalArgumentException.class, () -> SelfNormalisedImportanceSampler.of(1));
        assertThrows(IllegalArgumentException.class, () -> ExactPosteriorSampler.of(
                BoltzmannDensity.of(target.model(), 2), 10));
    }
}
