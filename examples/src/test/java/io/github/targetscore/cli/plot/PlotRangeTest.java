package io.github.targetscore.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlotRangeTest {

    @Test
    void centralRangeLeavesFarOutliersOut() {
        // 0, 1, …, 200 shuffled by a stride, with infinities: quantiles 0.005 and 0.995 are
        // h = 1 and h = 199, so 1 and 199; widened by 0.1·198 = 19.8 on each side
        double[] values = new double[203];
        for (int i = 0; i < 201; i++) {
            values[i] = (i * 37) % 201;
        }
        values[201] = Double.POSITIVE_INFINITY;
        values[202] = Double.NEGATIVE_INFINITY;
        PlotRange range = PlotRange.central(values, "energies");
        assertEquals(1 - 19.8, range.lower(), 1e-12);
        assertEquals(199 + 19.8, range.upper(), 1e-12);
        PlotRange flat = PlotRange.central(new double[] {3, 3, 3}, "energies");
        assertEquals(new PlotRange(2.5, 3.5), flat);
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> PlotRange.central(new double[] {1, Double.NaN}, "reference"));
        assertEquals("reference: value 1 is NaN", nan.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PlotRange.central(new double[] {Double.POSITIVE_INFINITY}, "reference"));
        assertEquals("reference: no finite value among 1 values", none.getMessage());
    }
}
