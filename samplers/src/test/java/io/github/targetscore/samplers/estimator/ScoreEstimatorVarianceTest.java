package io.github.targetscore.samplers.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.mixture.GaussianMixture;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The estimator's reported Monte Carlo variance against the truth, on the Gaussian target
 * p_X = N(0, s²I), whose posterior N(αs²y/v, s²σ²/v · I), v = α²s² + σ², and noised score
 * −y/v are known in closed form (MATH §2). Tolerances are 5 standard deviations of the checked
 * statistic.
 */
class ScoreEstimatorVarianceTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final double S2 = 1.5;

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    private static BoltzmannDensity gaussian(int d) {
        return BoltzmannDensity.of(
                GaussianMixture.isotropic(new double[] {1}, new double[1][d], S2), 1);
    }

    /**
     * A stand-in for MCMC output: G groups of m identical copies of one exact posterior draw, so
     * that the draws of a group are as correlated as can be. Declared as G groups, the honest
     * variance is Var[L]/G, m times the delta-method figure for mG independent draws.
     */
    private static final class ReplicatedDraws implements PosteriorSampler {
        private final int groups;
        private final int copies;

        ReplicatedDraws(int groups, int copies) {
            this.groups = groups;
            this.copies = copies;
        }

        @Override
        public void sample(Posterior posterior, UniformRandomProvider rng, WeightedSample out) {
            int d = out.dimension();
            double alpha = posterior.alpha();
            double sigma = posterior.sigma();
            double v = alpha * alpha * S2 + sigma * sigma;
            double sd = Math.sqrt(S2 * sigma * sigma / v);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            out.reset(groups * copies, groups);
            double[] x = out.positions();
            double[] score = out.targetScores();
            for (int g = 0; g < groups; g++) {
                int first = g * copies * d;
                for (int j = 0; j < d; j++) {
                    x[first + j] = alpha * S2 * posterior.y(j) / v + sd * normal.sample();
                    score[first + j] = -x[first + j] / S2;
                }
                for (int c = 1; c < copies; c++) {
                    System.arraycopy(x, first, x, first + c * d, d);
                    System.arraycopy(score, first, score, first + c * d, d);
                }
            }
            out.recordDiagnostics(groups, Double.NaN, Double.NaN, 0, groups);
        }

        @Override
        public int sampleSize() {
            return groups * copies;
        }

        @Override
        public String name() {
            return "replicated";
        }
    }

    /**
     * Grouped draws: the between-group variance is unbiased for Var[ŝ] = Var[DSI_j | y]/G
     * = α²s²/(σ²vG), and R repetitions of ŝ scatter by exactly that much.
     */
    @Test
    void groupedDrawsReportTheBetweenGroupVariance() {
        int d = 2;
        int groups = 40;
        int r = 500;
        double alpha = 0.8;
        double sigma = 0.6;
        double v = alpha * alpha * S2 + sigma * sigma;
        double truth = alpha * alpha * S2 / (sigma * sigma * v) / groups;
        double[] ys = new double[r * d];
        for (int i = 0; i < r; i++) {
            ys[i * d] = 0.4;
            ys[i * d + 1] = -1.1;
        }
        double[] alphas = filled(r, alpha);
        double[] sigmas = filled(r, sigma);
        ScoreEstimates e = ScoreEstimator.of(gaussian(d), ScoreIdentity.dsi(),
                new ReplicatedDraws(groups, 5))
                .estimate(ys, alphas, sigmas, RandomStreams.of(17), POOL);
        double meanReported = 0;
        double empirical = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < r; i++) {
                meanReported += e.variances()[i * d + j] / (r * d);
                mean += e.estimate(i, j) / r;
            }
            for (int i = 0; i < r; i++) {
                empirical += Math.pow(e.estimate(i, j) - mean, 2) / ((r - 1) * d);
            }
        }
        // a between-group variance of G Gaussian estimates has relative SD √(2/(G − 1))
        assertEquals(1, meanReported / truth, 5 * Math.sqrt(2.0 / ((groups - 1) * r * d)));
        assertEquals(1, empirical / truth, 5 * Math.sqrt(2.0 / ((r - 1) * d)));
        assertEquals(groups, e.effectiveSampleSizes()[0]);
    }

    /**
     * Chi-square check against the true score at R different points y_i:
     * T = Σ_i Σ_j (ŝ_ij + y_ij/v)² / Var̂[ŝ_ij]. For K exact draws the DSI integrand is Gaussian
     * and, with the unbiased variance S²/K reported for equal weights, each term is a squared
     * Student t: an F(1, ν) variable, ν = K − 1, of mean ν/(ν − 2) and variance
     * 2ν²(ν − 1)/((ν − 2)²(ν − 4)).
     */
    @Test
    void exactDrawsPassAChiSquareTestAgainstTheTrueScore() {
        int d = 3;
        int k = 200;
        int r = 300;
        BoltzmannDensity target = gaussian(d);
        double t = 0.4;
        NoiseSchedule vp = NoiseSchedule.cosine();
        double statistic = chiSquare(ScoreEstimator.of(target, ScoreIdentity.dsi(),
                ExactPosteriorSampler.of(target, k)), vp, t, d, r);
        double nu = k - 1;
        double mean = nu / (nu - 2);
        double variance = 2 * nu * nu * (nu - 1) / ((nu - 2) * (nu - 2) * (nu - 4));
        int terms = r * d;
        assertEquals(terms * mean, statistic, 5 * Math.sqrt(terms * variance));
    }

    /**
     * The same check for self-normalised importance sampling with TSI (iDEM's estimator) at high
     * noise, where the proposal N(y, σ²I) is much wider than the posterior (ESS ≥ 70, about
     * 120 on average, of K = 1000): the delta-method variance is asymptotic, and each term is
     * close to χ²₁, mean 1 and variance 2.
     */
    @Test
    void importanceSamplingPassesAChiSquareTestAgainstTheTrueScore() {
        int d = 3;
        int r = 300;
        BoltzmannDensity target = gaussian(d);
        NoiseSchedule ve = NoiseSchedule.geometric(0.01, 3);
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(1000));
        double statistic = chiSquare(estimator, ve, 0.9, d, r);
        int terms = r * d;
        assertEquals(terms, statistic, 5 * Math.sqrt(2.0 * terms));
    }

    private static double chiSquare(ScoreEstimator estimator, NoiseSchedule schedule, double t,
            int d, int r) {
        double alpha = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        double v = alpha * alpha * S2 + sigma * sigma;
        double[] ys = new double[r * d];
        for (int i = 0; i < r * d; i++) {
            ys[i] = Math.sqrt(v) * 1.5 * Math.sin(1.3 * i + 0.7);
        }
        ScoreEstimates e = estimator.estimate(ys, filled(r, t), schedule, RandomStreams.of(29),
                POOL);
        double statistic = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < d; j++) {
                double error = e.estimate(i, j) + ys[i * d + j] / v;
                statistic += error * error / e.variances()[i * d + j];
            }
        }
        return statistic;
    }

    @Test
    void aSingleCorrelatedGroupHasNoVarianceEstimate() {
        BoltzmannDensity target = gaussian(2);
        ScoreEstimator estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(),
                new ReplicatedDraws(1, 10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                estimator.estimate(new double[2], new double[] {1}, new double[] {1},
                        RandomStreams.of(1), POOL));
        assertTrue(e.getMessage().contains("single group"), e.getMessage());
    }

    @Test
    void identitiesAndTimesAreCheckedAgainstTheSchedule() {
        BoltzmannDensity target = gaussian(2);
        PosteriorSampler exact = ExactPosteriorSampler.of(target, 10);
        RandomStreams streams = RandomStreams.of(1);
        double[] y = new double[2];
        IllegalArgumentException phillips = assertThrows(IllegalArgumentException.class, () ->
                ScoreEstimator.of(target, ScoreIdentity.phillips(), exact).estimate(y,
                        new double[] {0.5}, NoiseSchedule.geometric(0.01, 3), streams, POOL));
        assertTrue(phillips.getMessage().contains("variance-preserving"), phillips.getMessage());
        ScoreEstimator tsi = ScoreEstimator.of(target, ScoreIdentity.tsi(), exact);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () ->
                tsi.estimate(y, new double[] {-0.1}, NoiseSchedule.cosine(), streams, POOL));
        assertTrue(negative.getMessage().contains("time t must be in [0, 1]"),
                negative.getMessage());
        IllegalArgumentException noNoise = assertThrows(IllegalArgumentException.class, () ->
                tsi.estimate(y, new double[] {0}, NoiseSchedule.cosine(), streams, POOL));
        assertTrue(noNoise.getMessage().contains("σ"), noNoise.getMessage());
        IllegalArgumentException nanSigma = assertThrows(IllegalArgumentException.class, () ->
                tsi.estimate(y, new double[] {1}, new double[] {Double.NaN}, streams, POOL));
        assertTrue(nanSigma.getMessage().contains("σ"), nanSigma.getMessage());
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class, () ->
                tsi.estimate(new double[4], new double[] {1, 1}, new double[] {1}, streams, POOL));
        assertTrue(levels.getMessage().contains("σ"), levels.getMessage());
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
