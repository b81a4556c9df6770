package io.github.targetscore.samplers.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.mixture.GaussianMixture;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Reverse diffusion driven by Monte Carlo score estimates ({@link ScoreFunction#estimated}) on
 * the 1-D Gaussian N(0, s²), s² = 2, VE geometric schedule (σ_min = 0.01, σ_max = 3): TSI
 * averaged over K = {@value #K} exact posterior draws. The estimate is −y/V_t plus noise of
 * variance e_t = σ_t²/(α_t² s² V_t K) independent of y (MATH §2), so the Euler–Maruyama chain
 * stays Gaussian with the variance v_N that {@link GaussianDiffusion} derives with that extra
 * term: 2.127 here, against 1.982 with the exact score, a difference of 8 standard errors
 * (v_N − s² is the discretisation bias, stated below 8% of s²). The sample variance must be
 * within 5 standard errors v_N √(2/n) of v_N.
 */
class EstimatedScoreTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final double S2 = 2;
    private static final int K = 2;
    private static final int STEPS = 50;
    private static final NoiseSchedule SCHEDULE = GaussianDiffusion.schedule("ve");
    private static final BoltzmannDensity TARGET = BoltzmannDensity.of(GaussianMixture.of(
            new double[] {1}, new double[][] {{0}}, new double[][] {{S2}}), 1);
    private static final ScoreEstimator ESTIMATOR = ScoreEstimator.of(TARGET, ScoreIdentity.tsi(),
            ExactPosteriorSampler.of(TARGET, K));
    private static final ReverseDiffusion DIFFUSION = ReverseDiffusion.of(Scheme.EULER_MARUYAMA,
            SCHEDULE, TimeGrid.uniform(1, 0, STEPS), EuclideanSpace.of(1)).withPriorDataVariance(S2);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    @Test
    void estimatedScoresGiveTheDerivedVariance() {
        int n = 30000;
        double[] samples = DIFFUSION.sample(
                ScoreFunction.estimated(ESTIMATOR, SCHEDULE, RandomStreams.of(31), POOL), n,
                RandomStreams.of(32), POOL);
        GaussianDiffusion gaussian = new GaussianDiffusion(1, S2, SCHEDULE, 0);
        double expected = gaussian.discretisedVariance(Scheme.EULER_MARUYAMA, DIFFUSION.grid(),
                DIFFUSION.priorVariance(), t -> SCHEDULE.variance(t)
                        / (Math.pow(SCHEDULE.alpha(t), 2) * S2 * gaussian.noisedVariance(t) * K));
        assertEquals(S2, expected, 0.08 * S2, "discretisation bias");
        assertEquals(0, GaussianDiffusion.mean(samples, 1, 0), 5 * Math.sqrt(expected / n), "mean");
        assertEquals(expected, GaussianDiffusion.meanSquare(samples),
                5 * expected * Math.sqrt(2.0 / n), "variance");
    }

    /** Estimator and diffusion on one and on three workers: the same bits. */
    @Test
    void samplesDoNotDependOnTheThreadCount() {
        double[] one = estimatedSamples(new ForkJoinPool(1));
        double[] three = estimatedSamples(new ForkJoinPool(3));
        assertArrayEquals(one, three);
    }

    private static double[] estimatedSamples(ForkJoinPool pool) {
        try {
            return DIFFUSION.sample(ScoreFunction.estimated(ESTIMATOR, SCHEDULE,
                    RandomStreams.of(33), pool), 600, RandomStreams.of(34), pool);
        } finally {
            pool.shutdown();
        }
    }
}
