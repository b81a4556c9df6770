package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.random.RandomStreams;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.junit.jupiter.api.Test;

class CoordinateWassersteinTest {

    private static final double[] ZERO_3 = {0, 0, 0};
    private static final double[] ONE_3 = {1, 1, 1};

    @Test
    void identicalAndPermutedSetsAreAtZero() {
        double[] xs = TestSamples.gaussian(1, 0, 400, ZERO_3, ONE_3);
        double[] permuted = new double[xs.length];
        int[] order = PermutationSampler.natural(400);
        PermutationSampler.shuffle(RandomStreams.of(1).stream(1), order);
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(xs, 3 * order[i], permuted, 3 * i, 3);
        }
        CoordinateWasserstein w2 = CoordinateWasserstein.of(EuclideanSpace.of(3));
        assertEquals(0, w2.distance(xs, xs.clone()), 0);
        assertEquals(0, w2.distance(xs, permuted), 0);
    }

    /**
     * Σ|x_i − x_σ(i) − c|² = Σ|x_i − x_σ(i)|² + n|c|² (the cross term sums to zero), so the
     * identity matching is optimal and W₂(x, x + c) = |c| exactly.
     */
    @Test
    void translatedSetIsAtTheShift() {
        double[] xs = TestSamples.gaussian(2, 0, 500, ZERO_3, ONE_3);
        double[] shift = {0.3, -1.2, 0.4};
        double[] ys = xs.clone();
        for (int i = 0; i < ys.length; i++) {
            ys[i] += shift[i % 3];
        }
        assertEquals(1.3, CoordinateWasserstein.of(EuclideanSpace.of(3)).distance(xs, ys), 1e-12);
    }

    /** Centring removes a different translation of every configuration; R^8 does not. */
    @Test
    void particleSpaceCentresEachConfiguration() {
        int n = 300;
        double[] xs = TestSamples.gaussian(3, 0, n, new double[8], new double[] {1, 1, 1, 1, 1, 1,
                1, 1});
        double[] offsets = TestSamples.gaussian(3, 1, n, new double[2], new double[] {5, 5});
        double[] moved = xs.clone();
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 4; p++) {
                moved[8 * i + 2 * p] += offsets[2 * i];
                moved[8 * i + 2 * p + 1] += offsets[2 * i + 1];
            }
        }
        assertEquals(0, CoordinateWasserstein.of(ParticleSpace.of(4, 2, true))
                .distance(xs, moved), 1e-12);
        assertTrue(CoordinateWasserstein.of(EuclideanSpace.of(8)).distance(xs, moved) > 1);
        assertTrue(CoordinateWasserstein.of(ParticleSpace.of(4, 2, false))
                .distance(xs, moved) > 1);
    }

    /** Two 1-D particles: (0, 2) centres to (−1, 1), (5, 5) and (4, 7) to (0, 0) and (−1.5, 1.5). */
    @Test
    void costMatrixHoldsSquaredDistancesOfCentredConfigurations() {
        double[] cost = CoordinateWasserstein.of(ParticleSpace.of(2, 1, true))
                .costMatrix(new double[] {0, 2, 5, 5}, new double[] {5, 5, 4, 7});
        assertArrayEquals(new double[] {2, 0.5, 0, 4.5}, cost, 1e-15);
    }

    /** In one dimension the optimal matching is the sorted one. */
    @Test
    void oneDimensionalSetsMatchSortedValues() {
        double[] u = TestSamples.gaussian(4, 0, 600, new double[] {0}, new double[] {1});
        double[] v = TestSamples.gaussian(4, 1, 600, new double[] {0.5}, new double[] {2});
        assertEquals(EnergyWasserstein.squaredDistance(u, v),
                CoordinateWasserstein.of(EuclideanSpace.of(1)).squaredDistance(u, v), 1e-12);
    }

    /**
     * N(0, I₂) against N((1.5, −0.5), diag(2², 0.5²)): W₂² = |Δμ|² + Σ_k (σ_k − 1)² = 3.75. The
     * mean of the empirical W₂² over 8 independent pairs of 500-point sets is within 5 standard
     * errors (the finite-sample bias in two dimensions, O(log n / n), is far below one).
     */
    @Test
    void gaussianSamplesApproachTheClosedForm() {
        int replicates = 8;
        double[] squared = new double[replicates];
        CoordinateWasserstein w2 = CoordinateWasserstein.of(EuclideanSpace.of(2));
        for (int r = 0; r < replicates; r++) {
            double[] xs = TestSamples.gaussian(5, 2 * r, 500, new double[2], new double[] {1, 1});
            double[] ys = TestSamples.gaussian(5, 2 * r + 1, 500, new double[] {1.5, -0.5},
                    new double[] {2, 0.5});
            squared[r] = w2.squaredDistance(xs, ys);
        }
        TestSamples.MeanAndError estimate = TestSamples.MeanAndError.of(squared);
        assertEquals(3.75, estimate.mean(), 5 * estimate.standardError(), estimate.toString());
    }

    @Test
    void badInputIsNamed() {
        CoordinateWasserstein w2 = CoordinateWasserstein.of(ParticleSpace.of(4, 2, true));
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> w2.distance(new double[16], new double[24]));
        assertEquals("x-W2 needs two sets of equal size, got 2 and 3 configurations",
                sizes.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> w2.distance(new double[16], new double[18]));
        assertEquals("x-W2 second set: 18 values are not whole configurations of 8 coordinates"
                + " (4 particles in 2-D (centre of mass removed))", width.getMessage());
        double[] nan = new double[16];
        nan[13] = Double.NaN;
        IllegalArgumentException coordinate = assertThrows(IllegalArgumentException.class,
                () -> w2.distance(nan, new double[16]));
        assertEquals("x-W2 first set: configuration 1: coordinate 5 is NaN",
                coordinate.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> w2.distance(new double[0], new double[0]));
        assertEquals("x-W2 first set: 0 configurations, at least 1 needed", empty.getMessage());
    }
}
