package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsEdgesAndDensityOnAGivenRange() {
        double[] energies = {-3, -1.5, -1, 0, 0.2, 0.99, 1, 2, 7, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        Histogram h = Histogram.of(energies, -2, 2, 4);
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, h.edges(), 0);
        assertArrayEquals(new double[] {-1.5, -0.5, 0.5, 1.5}, h.centres(), 0);
        // [-2,-1): -1.5; [-1,0): -1; [0,1): 0, 0.2, 0.99; [1,2]: 1, 2 (the upper edge is in)
        assertArrayEquals(new int[] {1, 1, 3, 2}, h.counts());
        assertEquals(2, h.below());
        assertEquals(2, h.above());
        assertEquals(11, h.total());
        // count / (11 · 1): integrates to the 7/11 inside the range
        assertArrayEquals(new double[] {1.0 / 11, 1.0 / 11, 3.0 / 11, 2.0 / 11}, h.density(),
                1e-15);
    }

    @Test
    void dataRangeAndSameBins() {
        Histogram h = Histogram.of(new double[] {4, 1, 2, Double.POSITIVE_INFINITY},
                3);
        assertArrayEquals(new double[] {1, 2, 3, 4}, h.edges(), 0);
        assertArrayEquals(new int[] {1, 1, 1}, h.counts());
        assertEquals(1, h.above());
        Histogram other = h.sameBins(new double[] {0, 1.5, 1.7, 3.5, 5});
        assertArrayEquals(h.edges(), other.edges(), 0);
        assertArrayEquals(new int[] {2, 0, 1}, other.counts());
        assertEquals(1, other.below());
        assertEquals(1, other.above());
        Histogram flat = Histogram.of(new double[] {3, 3}, 2);
        assertArrayEquals(new double[] {2.5, 3, 3.5}, flat.edges(), 0);
        assertArrayEquals(new int[] {0, 2}, flat.counts());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {1, Double.NaN}, 0, 2, 4));
        assertEquals("histogram: value 1 is NaN", nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {1}, 2, 2, 4));
        assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {1}, 0, 2, 0));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {Double.POSITIVE_INFINITY}, 5));
        assertEquals("histogram: no finite value among 1 values", none.getMessage());
    }
}
