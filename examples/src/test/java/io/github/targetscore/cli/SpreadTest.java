package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 4, 8};
        // h = 3p: p = 0 → x_0; p = 0.5 → h = 1.5, 2 + 0.5·2; p = 0.9 → h = 2.7, 4 + 0.7·4
        assertEquals(1, Spread.quantile(sorted, 0), 0);
        assertEquals(3, Spread.quantile(sorted, 0.5), 0);
        assertEquals(6.8, Spread.quantile(sorted, 0.9), 1e-15);
        assertEquals(8, Spread.quantile(sorted, 1), 0);
        assertEquals(5, Spread.quantile(new double[] {5}, 0.3), 0);
    }

    @Test
    void momentsAndQuantilesOfUnsortedValues() {
        double[] values = {3, 1, 2, 6};
        Spread spread = Spread.of(values, "floors");
        // mean 3; squared deviations 0, 4, 1, 9: s² = 14/3; sorted 1, 2, 3, 6 with h = 3p:
        // 5 % at h = 0.15 → 1.15, median at h = 1.5 → 2.5, 95 % at h = 2.85 → 3 + 0.85·3
        assertEquals(4, spread.count());
        assertEquals(3, spread.mean(), 1e-15);
        assertEquals(Math.sqrt(14.0 / 3), spread.standardDeviation(), 1e-15);
        assertEquals(Math.sqrt(14.0 / 3) / 2, spread.standardError(), 1e-15);
        assertEquals(1, spread.min(), 0);
        assertEquals(1.15, spread.quantile05(), 1e-15);
        assertEquals(2.5, spread.median(), 1e-15);
        assertEquals(5.55, spread.quantile95(), 1e-14);
        assertEquals(6, spread.max(), 0);
        assertEquals(3, values[0], 0, "values not changed");
    }

    @Test
    void oneValueHasNoStandardDeviation() {
        Spread one = Spread.of(new double[] {-0.25}, "floors");
        assertNull(one.standardDeviation());
        assertNull(one.standardError());
        assertEquals(-0.25, one.mean(), 0);
        assertEquals(-0.25, one.quantile05(), 0);
        assertEquals(-0.25, one.max(), 0);
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Spread.of(new double[] {1, Double.NaN}, "x-W2"));
        assertEquals("x-W2: value 1 is NaN", nan.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Spread.of(new double[0], "x-W2"));
        assertEquals("x-W2: no values", none.getMessage());
    }
}
