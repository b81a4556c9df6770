package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.ParticleSpace;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class MaximumMeanDiscrepancyTest {

    private static final double[] ZERO_2 = {0, 0};
    private static final double[] ONE_2 = {1, 1};

    /** Mean of k(a, b) over all ordered pairs, the diagonal included or not. */
    private static double meanKernel(double[] a, double[] b, int d, double h,
            boolean sameSetWithoutDiagonal) {
        int m = a.length / d;
        int n = b.length / d;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (sameSetWithoutDiagonal && i == j) {
                    continue;
                }
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += (a[i * d + k] - b[j * d + k]) * (a[i * d + k] - b[j * d + k]);
                }
                sum += Math.exp(-s / (2 * h * h));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** The textbook double sums over every ordered pair. */
    @Test
    void matchesTheDirectDoubleSums() {
        int d = 3;
        double h = 1.3;
        double[] x = TestSamples.gaussian(21, 0, 37, new double[3], new double[] {1, 1, 1});
        double[] y = TestSamples.gaussian(21, 1, 23, new double[] {0.5, 0, 0},
                new double[] {1, 2, 1});
        double cross = meanKernel(x, y, d, h, false);
        double unbiased = meanKernel(x, x, d, h, true) + meanKernel(y, y, d, h, true) - 2 * cross;
        double biased = meanKernel(x, x, d, h, false) + meanKernel(y, y, d, h, false) - 2 * cross;
        MmdEstimate estimate = MaximumMeanDiscrepancy.rbf(EuclideanSpace.of(d), h)
                .estimate(x, y);
        assertEquals(unbiased, estimate.unbiasedSquared(), 1e-14);
        assertEquals(biased, estimate.biasedSquared(), 1e-14);
        assertEquals(Math.sqrt(biased), estimate.biased(), 1e-14);
        assertEquals(h, estimate.bandwidth());
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        double[] x = TestSamples.gaussian(22, 0, 601, ZERO_2, ONE_2);
        double[] y = TestSamples.gaussian(22, 1, 450, new double[] {1, 0}, ONE_2);
        MaximumMeanDiscrepancy mmd = MaximumMeanDiscrepancy.rbf(EuclideanSpace.of(2), 0.8);
        MmdEstimate sequential = mmd.estimate(x, y);
        for (int threads : new int[] {1, 2, 3}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                assertEquals(sequential, mmd.estimate(x, y, pool), threads + " threads");
            } finally {
                pool.shutdown();
            }
        }
    }

    /**
     * P = N(0, I₂) and Q = N(Δ, I₂), h = 1: E k(x, x') = (h²/(h² + 2))^{d/2} = 1/3 and
     * MMD² = 2·(1/3)·(1 − exp(−|Δ|²/(2(h² + 2)))). Over 10 independent pairs of 300-point
     * samples, the mean U-statistic is within 5 standard errors of MMD² (it is unbiased) and the
     * mean V-statistic within 5 standard errors of MMD² + (1 − 1/3)(1/m + 1/n); for Δ = 0, the
     * same distribution twice, MMD² = 0, while for |Δ| = 1 the U-statistic is more than 5
     * standard errors above 0: the two cases are told apart.
     */
    @Test
    void gaussianSamplesAgreeWithTheClosedForm() {
        int replicates = 10;
        int size = 300;
        MaximumMeanDiscrepancy mmd = MaximumMeanDiscrepancy.rbf(EuclideanSpace.of(2), 1);
        for (double shift : new double[] {0, 1}) {
            double[] unbiased = new double[replicates];
            double[] biased = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                double[] x = TestSamples.gaussian(23, 2 * r, size, ZERO_2, ONE_2);
                double[] y = TestSamples.gaussian(23, 2 * r + 1, size, new double[] {shift, 0},
                        ONE_2);
                MmdEstimate estimate = mmd.estimate(x, y);
                unbiased[r] = estimate.unbiasedSquared();
                biased[r] = estimate.biasedSquared();
            }
            double exact = 2.0 / 3 * (1 - Math.exp(-shift * shift / 6));
            TestSamples.MeanAndError u = TestSamples.MeanAndError.of(unbiased);
            TestSamples.MeanAndError v = TestSamples.MeanAndError.of(biased);
            assertEquals(exact, u.mean(), 5 * u.standardError(), "U, shift " + shift + ": " + u);
            assertEquals(exact + 2.0 / 3 * 2 / size, v.mean(), 5 * v.standardError(),
                    "V, shift " + shift + ": " + v);
            if (shift > 0) {
                assertTrue(u.mean() > 5 * u.standardError(), "different distributions: " + u);
            }
        }
    }

    /** Distances 1, 3 and 2 between the points 0, 1, 3: the lower median is 2. */
    @Test
    void medianHeuristicOnAHandfulOfPoints() {
        assertEquals(2, MaximumMeanDiscrepancy.rbfMedianHeuristic(EuclideanSpace.of(1),
                new double[] {0, 1, 3}).bandwidth());
        // four points: distances 1, 3, 4, 2, 3, 1 sorted 1, 1, 2, 3, 3, 4, lower median 2
        assertEquals(2, MaximumMeanDiscrepancy.rbfMedianHeuristic(EuclideanSpace.of(1),
                new double[] {0, 1, 3, 4}).bandwidth());
    }

    /** Beyond 1000 configurations the heuristic uses the evenly spaced rows ⌊p·rows/1000⌋. */
    @Test
    void medianHeuristicThinsLargeReferencesEvenly() {
        int rows = 2500;
        double[] reference = TestSamples.gaussian(25, 0, rows, ZERO_2, ONE_2);
        int points = MaximumMeanDiscrepancy.MEDIAN_POINTS;
        double[] thinned = new double[2 * points];
        for (int p = 0; p < points; p++) {
            System.arraycopy(reference, 2 * (int) ((long) p * rows / points), thinned, 2 * p, 2);
        }
        assertEquals(MaximumMeanDiscrepancy.rbfMedianHeuristic(EuclideanSpace.of(2), thinned)
                .bandwidth(), MaximumMeanDiscrepancy.rbfMedianHeuristic(EuclideanSpace.of(2),
                reference).bandwidth(), 0);
    }

    /** Translating each particle configuration by its own offset changes nothing after centring. */
    @Test
    void particleSpaceCentresEachConfiguration() {
        int n = 200;
        double[] x = TestSamples.gaussian(26, 0, n, new double[8],
                new double[] {1, 1, 1, 1, 1, 1, 1, 1});
        double[] y = TestSamples.gaussian(26, 1, n, new double[8],
                new double[] {1, 1, 1, 1, 1, 1, 1, 1});
        double[] offsets = TestSamples.gaussian(26, 2, n, ZERO_2, new double[] {3, 3});
        double[] moved = y.clone();
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 4; p++) {
                moved[8 * i + 2 * p] += offsets[2 * i];
                moved[8 * i + 2 * p + 1] += offsets[2 * i + 1];
            }
        }
        MaximumMeanDiscrepancy mmd = MaximumMeanDiscrepancy.rbf(ParticleSpace.of(4, 2, true), 2);
        MmdEstimate plain = mmd.estimate(x, y);
        MmdEstimate translated = mmd.estimate(x, moved);
        assertEquals(plain.unbiasedSquared(), translated.unbiasedSquared(), 1e-12);
        assertEquals(plain.biasedSquared(), translated.biasedSquared(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException bandwidth = assertThrows(IllegalArgumentException.class,
                () -> MaximumMeanDiscrepancy.rbf(EuclideanSpace.of(2), 0));
        assertEquals("MMD bandwidth must be positive and finite, got 0.0",
                bandwidth.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MaximumMeanDiscrepancy.rbf(EuclideanSpace.of(2), Double.NaN));
        MaximumMeanDiscrepancy mmd = MaximumMeanDiscrepancy.rbf(EuclideanSpace.of(2), 1);
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> mmd.estimate(new double[4], new double[2]));
        assertEquals("MMD second set: 1 configurations, at least 2 needed", few.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> mmd.estimate(new double[5], new double[4]));
        assertEquals("MMD first set: 5 values are not whole configurations of 2 coordinates "
                + "(R^2)", width.getMessage());
        double[] infinite = {0, 0, 1, Double.POSITIVE_INFINITY};
        IllegalArgumentException coordinate = assertThrows(IllegalArgumentException.class,
                () -> mmd.estimate(new double[4], infinite));
        assertEquals("MMD second set: configuration 1: coordinate 1 is Infinity",
                coordinate.getMessage());
        IllegalArgumentException coincident = assertThrows(IllegalArgumentException.class,
                () -> MaximumMeanDiscrepancy.rbfMedianHeuristic(EuclideanSpace.of(1),
                        new double[] {1, 1, 1, 2}));
        assertEquals("MMD median heuristic: the median distance between reference "
                + "configurations is 0 (more than half of the pairs coincide); give a bandwidth",
                coincident.getMessage());
    }
}
