package io.github.targetscore.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.Manifold;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CountingLogDensityTest {

    /** log π(x) = −|x|²/2 on R². */
    private static final LogDensity GAUSSIAN = new LogDensity() {
        @Override
        public Manifold manifold() {
            return EuclideanSpace.of(2);
        }

        @Override
        public double logDensity(double[] x) {
            return -0.5 * (x[0] * x[0] + x[1] * x[1]);
        }

        @Override
        public double logDensityAndScore(double[] x, double[] score) {
            score[0] = -x[0];
            score[1] = -x[1];
            return logDensity(x);
        }
    };

    /**
     * Values pass through unchanged, and each kind of call is counted exactly, also from many
     * threads at once (inner logDensity calls of the delegate are not the caller's and are not
     * counted).
     */
    @Test
    void countsEachKindOfEvaluationExactlyAcrossThreads() throws Exception {
        CountingLogDensity counting = CountingLogDensity.of(GAUSSIAN);
        double[] score = new double[2];
        assertEquals(-2.5, counting.logDensityAndScore(new double[] {1, 2}, score));
        assertArrayEquals(new double[] {-1, -2}, score);
        assertEquals(-0.5, counting.logDensity(new double[] {1, 0}));
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            pool.submit(() -> IntStream.range(0, 10_000).parallel().forEach(i -> {
                double[] s = new double[2];
                counting.logDensityAndScore(new double[] {i, 0}, s);
                if (i % 2 == 0) {
                    counting.logDensity(new double[] {0, i});
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        assertEquals(10_001, counting.gradientEvaluations());
        assertEquals(5_001, counting.energyEvaluations());
        assertEquals(2, counting.manifold().dimension());
    }
}
