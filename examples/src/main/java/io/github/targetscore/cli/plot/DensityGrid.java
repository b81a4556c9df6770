package io.github.targetscore.cli.plot;

import java.util.function.DoubleBinaryOperator;

/**
 * A 2-D target's relative Boltzmann density at β = 1 on a grid: ρ(x, y) = exp(−(U(x, y) − U_min))
 * = p(x, y)/p_max on the grid, in [0, 1], where U_min is the least finite energy on the grid.
 *
 * <p>The window is cut into {@code columns × rows} equal cells, evaluated at their centres:
 * column c at x_c = xMin + (c + ½)·(xMax − xMin)/columns, row r at
 * y_r = yMax − (r + ½)·(yMax − yMin)/rows (row 0 at the top, as in an image). U = +∞ gives
 * ρ = 0. Immutable.
 */
public final class DensityGrid {

    private final PlotWindow window;
    private final int columns;
    private final int rows;
    private final double[] density;

    private DensityGrid(PlotWindow window, int columns, int rows, double[] density) {
        this.window = window;
        this.columns = columns;
        this.rows = rows;
        this.density = density;
    }

    /**
     * Evaluates the energy at every cell centre, row by row.
     *
     * @param energy U(x, y) in units of kT, +∞ allowed, never NaN or −∞
     * @param window the rectangle
     * @param columns cells across, ≥ 1
     * @param rows cells down, ≥ 1
     * @throws IllegalArgumentException if the grid is empty, U is NaN or −∞ at a point (naming
     *     it) or +∞ everywhere
     */
    public static DensityGrid of(DoubleBinaryOperator energy, PlotWindow window, int columns,
            int rows) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("density grid: need at least 1 × 1 cells, got "
                    + columns + " × " + rows);
        }
        DensityGrid grid = new DensityGrid(window, columns, rows, new double[columns * rows]);
        double[] u = grid.density;
        double least = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double value = energy.applyAsDouble(grid.x(c), grid.y(r));
                if (Double.isNaN(value) || value == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("density grid: energy " + value + " at ("
                            + grid.x(c) + ", " + grid.y(r) + ")");
                }
                u[r * columns + c] = value;
                least = Math.min(least, value);
            }
        }
        if (least == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("density grid: the energy is +∞ on the whole "
                    + "window " + window);
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.exp(least - u[i]);
        }
        return grid;
    }

    /** Cells across. */
    public int columns() {
        return columns;
    }

    /** Cells down. */
    public int rows() {
        return rows;
    }

    /** x_c, the centre of column c. */
    public double x(int column) {
        return window.xMin() + (column + 0.5) * (window.xMax() - window.xMin()) / columns;
    }

    /** y_r, the centre of row r (row 0 at the top). */
    public double y(int row) {
        return window.yMax() - (row + 0.5) * (window.yMax() - window.yMin()) / rows;
    }

    /** ρ at the centre of cell (c, r), in [0, 1]; 1 at the grid's least energy. */
    public double relativeDensity(int column, int row) {
        return density[row * columns + column];
    }
}
