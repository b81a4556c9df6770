package io.github.targetscore.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class ExactSamplingTest {

    /** N(m, s²) in 2-D: U = |x − m|²/(2s²). */
    private static class ShiftedGaussian implements EnergyModel {
        static final double MEAN = 1.5;
        static final double STD = 0.5;

        @Override
        public Manifold manifold() {
            return EuclideanSpace.of(2);
        }

        @Override
        public double energy(double[] x) {
            double u = 0;
            for (double v : x) {
                u += (v - MEAN) * (v - MEAN) / (2 * STD * STD);
            }
            return u;
        }

        @Override
        public double energyAndGradient(double[] x, double[] gradient) {
            for (int i = 0; i < x.length; i++) {
                gradient[i] = (x[i] - MEAN) / (STD * STD);
            }
            return energy(x);
        }

        @Override
        public Optional<ExactSampler> exactSampler() {
            return Optional.of((rng, destination, offset) -> {
                ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int i = 0; i < 2; i++) {
                    destination[offset + i] = MEAN + STD * normal.sample();
                }
            });
        }
    }

    private static double[] draw(int threads, int count, long seed) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return ExactSampling.of(new ShiftedGaussian()).draw(count, RandomStreams.of(seed), pool);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void outputDependsOnTheSeedOnlyNotOnTheThreadCount() {
        double[] one = draw(1, 3000, 9);
        assertArrayEquals(one, draw(2, 3000, 9), 0);
        assertArrayEquals(one, draw(8, 3000, 9), 0);
    }

    /** Mean within 5 standard errors s/√n, variance within 5 standard errors s²√(2/n). */
    @Test
    void samplesHaveTheTargetMoments() {
        int n = 20000;
        double[] xs = draw(2, n, 3);
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                double v = xs[2 * i + k];
                sum += v;
                sumSquares += v * v;
            }
            double mean = sum / n;
            double variance = sumSquares / n - mean * mean;
            double s2 = ShiftedGaussian.STD * ShiftedGaussian.STD;
            assertEquals(ShiftedGaussian.MEAN, mean, 5 * ShiftedGaussian.STD / Math.sqrt(n));
            assertEquals(s2, variance, 5 * s2 * Math.sqrt(2.0 / n));
        }
    }

    @Test
    void refusesTargetsWithoutExactSampler() {
        EnergyModel noSampler = new ShiftedGaussian() {
            @Override
            public Optional<ExactSampler> exactSampler() {
                return Optional.empty();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> ExactSampling.of(noSampler));
        assertThrows(IllegalArgumentException.class,
                () -> ExactSampling.of(new ShiftedGaussian()).draw(-1, RandomStreams.of(1), ForkJoinPool.commonPool()));
    }
}
