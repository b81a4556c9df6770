package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnergyWassersteinTest {

    @Test
    void equalSizesMatchSortedValues() {
        double[] u = {3, 1, 2};
        double[] v = {0, 5, 1};
        // sorted (1, 2, 3) against (0, 1, 5): (1 + 1 + 4) / 3
        assertEquals(2.0, EnergyWasserstein.squaredDistance(u, v), 1e-15);
        assertEquals(Math.sqrt(2.0), EnergyWasserstein.distance(u, v), 1e-15);
        assertEquals(2.0, EnergyWasserstein.squaredDistance(v, u), 1e-15);
    }

    /** Quantile functions of different step widths: ∫ (F⁻¹ − G⁻¹)² piece by piece. */
    @Test
    void differentSizesIntegrateTheQuantileFunctions() {
        // {0} against {0, 1}: ½·0 + ½·1
        assertEquals(0.5, EnergyWasserstein.squaredDistance(new double[] {0}, new double[] {0, 1}),
                1e-15);
        // {0, 1} against {0, 1, 2}: (1/3)·0 + (1/6)·1 + (1/6)·0 + (1/3)·1
        assertEquals(0.5, EnergyWasserstein.squaredDistance(new double[] {1, 0},
                new double[] {2, 0, 1}), 1e-15);
        // a sample and the same sample repeated are the same distribution
        double[] u = {0.3, -1.2, 4.5, 2.0};
        double[] twice = {0.3, -1.2, 4.5, 2.0, 2.0, 4.5, -1.2, 0.3};
        assertEquals(0, EnergyWasserstein.squaredDistance(u, twice), 0);
        assertEquals(0, EnergyWasserstein.squaredDistance(twice, u), 0);
    }

    @Test
    void identicalSamplesAreAtZeroAndShiftedOnesAtTheShift() {
        double[] u = TestSamples.gaussian(3, 0, 500, new double[] {-22}, new double[] {2});
        double[] shifted = u.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.75;
        }
        assertEquals(0, EnergyWasserstein.distance(u, u.clone()), 0);
        assertEquals(0.75, EnergyWasserstein.distance(u, shifted), 1e-12);
    }

    /**
     * N(0, 1) against N(0.7, 1.5²): W₂² = 0.7² + (1.5 − 1)² = 0.74. The mean of the empirical W₂²
     * over 8 independent pairs of 2000-point samples is within 5 standard errors (the finite-
     * sample bias, O(log log n / n), is far below one).
     */
    @Test
    void gaussianSamplesApproachTheClosedForm() {
        int replicates = 8;
        double[] squared = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double[] u = TestSamples.gaussian(11, 2 * r, 2000, new double[] {0}, new double[] {1});
            double[] v = TestSamples.gaussian(11, 2 * r + 1, 2000, new double[] {0.7},
                    new double[] {1.5});
            squared[r] = EnergyWasserstein.squaredDistance(u, v);
        }
        TestSamples.MeanAndError estimate = TestSamples.MeanAndError.of(squared);
        assertEquals(0.74, estimate.mean(), 5 * estimate.standardError(), estimate.toString());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> EnergyWasserstein.distance(new double[0], new double[] {1}));
        assertEquals("E-W2 first sample is empty", empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> EnergyWasserstein.squaredDistance(new double[] {1},
                        new double[] {1, 2, Double.NaN}));
        assertEquals("E-W2 second sample: value 2 is NaN", nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnergyWasserstein.distance(
                new double[] {Double.POSITIVE_INFINITY}, new double[] {1}));
    }
}
