package io.github.targetscore.samplers.metrics;

/**
 * An optimal assignment of n rows to n columns, with the dual potentials that certify it.
 *
 * <p>Row i goes to column σ(i) ({@link #column(int)}); the total cost is Σ_i c[i][σ(i)]. The duals
 * u (rows) and v (columns) are feasible, c[i][j] − u_i − v_j ≥ 0 for every i, j (up to rounding),
 * and tight on the assignment, c[i][σ(i)] = u_i + v_σ(i); so Σ u + Σ v equals the total cost and
 * no permutation can cost less (linear-programming duality). Immutable.
 */
public final class Assignment {

    private final int[] columns;
    private final double totalCost;
    private final double[] rowDuals;
    private final double[] columnDuals;

    Assignment(int[] columns, double totalCost, double[] rowDuals, double[] columnDuals) {
        this.columns = columns;
        this.totalCost = totalCost;
        this.rowDuals = rowDuals;
        this.columnDuals = columnDuals;
    }

    /** Number of rows (and columns) n. */
    public int size() {
        return columns.length;
    }

    /** The column σ(row) assigned to {@code row}. */
    public int column(int row) {
        return columns[row];
    }

    /** σ as an array: {@code columns()[i]} is the column of row i (a copy). */
    public int[] columns() {
        return columns.clone();
    }

    /** Σ_i c[i][σ(i)], in the cost's units. */
    public double totalCost() {
        return totalCost;
    }

    /** The row potentials u (a copy). */
    public double[] rowDuals() {
        return rowDuals.clone();
    }

    /** The column potentials v (a copy). */
    public double[] columnDuals() {
        return columnDuals.clone();
    }

    @Override
    public String toString() {
        return "Assignment[n=" + columns.length + ", totalCost=" + totalCost + "]";
    }
}
