package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairDistancesTest {

    @Test
    void distancesOfEachConfigurationInPairOrder() {
        // two configurations of 3 particles in 2-D: a 3-4-5 triangle, then a unit segment with a
        // particle on top of the first
        double[] xs = {
            0, 0, 3, 0, 0, 4,
            1, 1, 2, 1, 1, 1};
        assertEquals(3, PairDistances.pairs(3));
        // pairs (0,1), (0,2), (1,2) of each row
        assertArrayEquals(new double[] {3, 4, 5, 1, 0, 1},
                PairDistances.of(xs, 3, 2), 0);
    }

    @Test
    void threeDimensions() {
        double[] xs = {1, 2, 3, 2, 4, 5, -1, 2, 3, 0, 0, 0};
        double[] r = PairDistances.of(xs, 4, 3);
        assertEquals(6, PairDistances.pairs(4));
        // |(1,2,2)| = 3, |(−2,0,0)| = 2, |(−1,−2,−3)| = √14, |(−3,−2,−2)| = √17,
        // |(−2,−4,−5)| = √45, |(1,−2,−3)| = √14
        assertArrayEquals(new double[] {3, 2, Math.sqrt(14), Math.sqrt(17), Math.sqrt(45),
            Math.sqrt(14)}, r, 1e-15);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> PairDistances.of(new double[7], 3, 2));
        assertEquals("pair distances: 7 values are not whole configurations of 3 particles × 2 "
                + "coordinates (6 per row)", width.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> PairDistances.of(new double[] {0, 0, 1, 1, 0, Double.NaN, 0, 0}, 2, 2));
        assertEquals("pair distances: configuration 1: coordinate 1 is NaN", nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairDistances.of(new double[2], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> PairDistances.of(new double[2], 2, 0));
    }
}
