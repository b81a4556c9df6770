package io.github.targetscore.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DensityGridTest {

    @Test
    void relativeDensityAtCellCentres() {
        // U = x² + 2y on [0, 2] × [0, 1], 2 × 2 cells: centres x = 0.5, 1.5; y = 0.75 (top row),
        // 0.25. U = 1.75, 3.75 / 0.75, 2.75; the least is 0.75
        DensityGrid grid = DensityGrid.of((x, y) -> x * x + 2 * y, new PlotWindow(0, 2, 0, 1),
                2, 2);
        assertEquals(0.5, grid.x(0), 0);
        assertEquals(1.5, grid.x(1), 0);
        assertEquals(0.75, grid.y(0), 0);
        assertEquals(0.25, grid.y(1), 0);
        assertEquals(Math.exp(-1), grid.relativeDensity(0, 0), 1e-15);
        assertEquals(Math.exp(-3), grid.relativeDensity(1, 0), 1e-15);
        assertEquals(1, grid.relativeDensity(0, 1), 0);
        assertEquals(Math.exp(-2), grid.relativeDensity(1, 1), 1e-15);
    }

    @Test
    void infiniteEnergyHasZeroDensity() {
        DensityGrid grid = DensityGrid.of((x, y) -> x < 0 ? Double.POSITIVE_INFINITY : 5,
                PlotWindow.square(1), 2, 1);
        assertEquals(0, grid.relativeDensity(0, 0), 0);
        assertEquals(1, grid.relativeDensity(1, 0), 0);
    }

    @Test
    void badEnergiesAreNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> DensityGrid.of((x, y) -> x > 0 ? Double.NaN : 0, PlotWindow.square(1), 2,
                        1));
        assertEquals("density grid: energy NaN at (0.5, 0.0)", nan.getMessage());
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> DensityGrid.of((x, y) -> Double.POSITIVE_INFINITY, PlotWindow.square(1), 1,
                        1));
        assertEquals("density grid: the energy is +∞ on the whole window "
                + PlotWindow.square(1), infinite.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DensityGrid.of((x, y) -> 0, PlotWindow.square(1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PlotWindow(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PlotWindow(0, 1, 0, Double.NaN));
    }
}
