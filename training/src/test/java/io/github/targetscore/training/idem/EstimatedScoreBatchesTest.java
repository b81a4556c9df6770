package io.github.targetscore.training.idem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.loss.Weighting;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.estimator.ScoreEstimates;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.training.IsotropicGaussian;
import io.github.targetscore.training.model.RegressionBatch;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EstimatedScoreBatchesTest {

    private static final int D = 2;
    private static final int K = 2000;
    private static final IsotropicGaussian TARGET = new IsotropicGaussian(D, 0.5);
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.geometric(0.01, 3);
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    private static ScoreEstimator estimator() {
        return ScoreEstimator.of(TARGET, ScoreIdentity.tsi(), SelfNormalisedImportanceSampler.of(K));
    }

    private static EstimatedScoreBatches batches(ReplayBuffer buffer, long seed) {
        return EstimatedScoreBatches.builder(buffer, estimator(), SCHEDULE).times(0.05, 1)
                .weighting(Weighting.sigma2())
                .seed(seed).pool(POOL).build();
    }

    /**
     * Noisy points are y = x + σ_t w around buffer points, and the targets are the estimator's
     * estimates at them from posterior stream family k of family 1: the same numbers as a direct
     * call, and within 5 of their standard errors of the exact noised score −y/(s² + σ_t²) of
     * N(0, s²I) (SNIS's O(1/K) bias is far below its O(1/√K) error at K = 2000); the weights
     * are σ_t².
     */
    @Test
    void targetsEstimateTheNoisedScoreAtNoisedBufferPoints() {
        ReplayBuffer buffer = ReplayBuffer.withCapacity(D, 10);
        buffer.add(new double[] {0.7, -0.3});
        EstimatedScoreBatches source = batches(buffer, 5);
        int n = 400;
        RegressionBatch batch = RegressionBatch.withCapacity(D, n);
        batch.reset(n);
        source.fill(3, batch);
        ScoreEstimates direct = estimator().estimate(batch.points(), batch.times(), SCHEDULE,
                RandomStreams.of(5).family(1).family(3), POOL);
        assertArrayEquals(direct.estimates(), batch.targets());
        double residualSum = 0;
        double residualSquares = 0;
        for (int i = 0; i < n; i++) {
            double t = batch.times()[i];
            assertTrue(t >= 0.05 && t <= 1, "t " + t);
            double sigma = SCHEDULE.sigma(t);
            assertEquals(SCHEDULE.variance(t), batch.weights()[i]);
            for (int j = 0; j < D; j++) {
                double y = batch.points()[i * D + j];
                double w = (y - (j == 0 ? 0.7 : -0.3)) / sigma;
                residualSum += w;
                residualSquares += w * w;
                double exact = TARGET.noisedScore(y, 1, sigma);
                double error = batch.targets()[i * D + j] - exact;
                assertTrue(Math.abs(error) < 5 * Math.sqrt(direct.variance(i, j)),
                        "row " + i + " coordinate " + j + ": " + batch.targets()[i * D + j]
                                + " vs " + exact);
            }
        }
        int m = n * D;
        assertEquals(0, residualSum / m, 5 / Math.sqrt(m), "noise mean");
        assertEquals(1, residualSquares / m, 5 * Math.sqrt(2.0 / m), "noise variance");
        assertEquals(n, source.tally().points());
        assertEquals((long) n * K, source.tally().evaluations());
    }

    /**
     * Under the VP cosine schedule the noisy points are y = α_t x + σ_t w: the residuals
     * (y − α_t x)/σ_t are standard normal (mean and variance within 5 SE), and the targets
     * estimate −y/(α_t² s² + σ_t²) within 5 of their standard errors. Times stop at 0.7: near
     * t = 1, α_t → 0 and SNIS-TSI rests on a couple of draws (ESS ≈ 2 at t = 0.95), where neither
     * the estimate nor its variance means anything (the regime TSM hands to DSI).
     */
    @Test
    void noisesWithTheVariancePreservingScheduleToo() {
        NoiseSchedule vp = NoiseSchedule.cosine();
        ReplayBuffer buffer = ReplayBuffer.withCapacity(D, 10);
        buffer.add(new double[] {0.7, -0.3});
        EstimatedScoreBatches source = EstimatedScoreBatches.builder(buffer, estimator(), vp)
                .times(0.05, 0.7).seed(2).pool(POOL).build();
        int n = 400;
        RegressionBatch batch = RegressionBatch.withCapacity(D, n);
        batch.reset(n);
        source.fill(0, batch);
        ScoreEstimates direct = estimator().estimate(batch.points(), batch.times(), vp,
                RandomStreams.of(2).family(1).family(0), POOL);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double t = batch.times()[i];
            double alpha = vp.alpha(t);
            double sigma = vp.sigma(t);
            for (int j = 0; j < D; j++) {
                double y = batch.points()[i * D + j];
                double w = (y - alpha * (j == 0 ? 0.7 : -0.3)) / sigma;
                sum += w;
                squares += w * w;
                double exact = TARGET.noisedScore(y, alpha, sigma);
                assertTrue(Math.abs(batch.targets()[i * D + j] - exact)
                        < 5 * Math.sqrt(direct.variance(i, j)), "row " + i + ", t = " + t);
            }
        }
        int m = n * D;
        assertEquals(0, sum / m, 5 / Math.sqrt(m), "noise mean");
        assertEquals(1, squares / m, 5 * Math.sqrt(2.0 / m), "noise variance");
    }

    @Test
    void theBatchOfAStepDependsOnlyOnTheStepAndTheBuffer() {
        ReplayBuffer buffer = ReplayBuffer.withCapacity(D, 10);
        buffer.add(new double[] {0.7, -0.3, 0.1, 0.2, -1, 0});
        RegressionBatch first = RegressionBatch.withCapacity(D, 32);
        RegressionBatch second = RegressionBatch.withCapacity(D, 32);
        first.reset(32);
        second.reset(32);
        batches(buffer, 9).fill(4, first);
        EstimatedScoreBatches again = batches(buffer, 9);
        again.fill(3, second);
        again.fill(4, second);
        assertArrayEquals(first.points(), second.points());
        assertArrayEquals(first.targets(), second.targets());
        assertArrayEquals(first.times(), second.times());
    }

    @Test
    void refusesAnEmptyBufferAndBadTimes() {
        ReplayBuffer empty = ReplayBuffer.withCapacity(D, 10);
        RegressionBatch batch = RegressionBatch.withCapacity(D, 4);
        batch.reset(4);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> batches(empty, 1).fill(0, batch));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        ScoreEstimator estimator = ScoreEstimator.of(TARGET, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(8));
        assertThrows(IllegalArgumentException.class, () -> EstimatedScoreBatches
                .builder(empty, estimator, NoiseSchedule.cosine()).times(0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> EstimatedScoreBatches
                .builder(ReplayBuffer.withCapacity(3, 10), estimator, SCHEDULE));
    }
}
