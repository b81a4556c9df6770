package io.github.targetscore.samplers.metrics;

import java.util.Arrays;

/**
 * Exact solver of the linear assignment problem: the permutation σ minimising Σ_i c[i][σ(i)]
 * over a dense n × n cost matrix of finite doubles, by the shortest augmenting path algorithm of
 * Jonker and Volgenant (LAPJV; <i>Computing</i> 38, 325–340, 1987).
 *
 * <p>Initialisation: column reduction (v_j = min_i c[i][j], each column offered to the row of its
 * minimum) and reduction transfer (a row holding one column passes the gap to its second-best
 * column into that column's potential). Then, for every row still free, a Dijkstra search over
 * the reduced costs c[i][j] − u_i − v_j ≥ 0 finds a shortest alternating path to a free column,
 * scanning all columns at the current minimum distance together (the scan and pending column lists of Jonker–Volgenant); the
 * potentials of the columns settled before the path's end move by their distance below it, which
 * keeps every reduced cost non-negative and the assigned ones zero, and the path is augmented.
 * Jonker and Volgenant's third initialisation step (augmenting row reduction) is left out: it
 * only speeds up the start and its termination argument does not survive floating-point ties.
 *
 * <p>Cost: O(n²) memory (the caller's matrix) plus O(n); time O(n³) in the worst case, far less
 * on Euclidean cost matrices (n = 2000 points of DW-4: see {@code MetricsBenchmark}). Rounding
 * can leave reduced costs negative by a few ulps of the costs; the assignment is then optimal
 * up to such an amount. Ties are broken deterministically: the same matrix always gives the same
 * permutation.
 */
public final class LinearAssignment {

    private static final int FREE = -1;

    private LinearAssignment() {
    }

    /**
     * Solves the assignment problem.
     *
     * @param cost row-major costs, c[i][j] at {@code cost[i * n + j]}, all finite
     * @param n number of rows and columns, ≥ 0
     * @return an optimal assignment with its certifying dual potentials
     * @throws IllegalArgumentException if the length is not n² or a cost is not finite (naming
     *     the row and column)
     */
    public static Assignment solve(double[] cost, int n) {
        check(cost, n);
        int[] columnOfRow = new int[n];
        int[] rowOfColumn = new int[n];
        Arrays.fill(columnOfRow, FREE);
        Arrays.fill(rowOfColumn, FREE);
        double[] v = new double[n];
        int[] freeRows = reduceColumns(cost, n, v, columnOfRow, rowOfColumn);
        double[] distance = new double[n];
        int[] predecessor = new int[n];
        int[] columns = new int[n];
        for (int row : freeRows) {
            augment(cost, n, row, v, columnOfRow, rowOfColumn, distance, predecessor, columns);
        }
        double[] u = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int j = columnOfRow[i];
            u[i] = cost[i * n + j] - v[j];
            total += cost[i * n + j];
        }
        return new Assignment(columnOfRow, total, u, v);
    }

    private static void check(double[] cost, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("assignment size must be >= 0, got " + n);
        }
        long cells = (long) n * n;
        if (cost.length != cells) {
            throw new IllegalArgumentException("cost matrix of length " + cost.length
                    + " is not " + n + " × " + n + " (needs " + cells + ")");
        }
        for (int k = 0; k < cost.length; k++) {
            if (!Double.isFinite(cost[k])) {
                throw new IllegalArgumentException("cost[" + k / n + "][" + k % n + "] is "
                        + cost[k] + "; costs must be finite");
            }
        }
    }

    /**
     * Column reduction and reduction transfer: sets v_j = min_i c[i][j], assigns each row the
     * first column whose minimum it holds, and lowers the column potential of a row holding
     * exactly one column by the gap to that row's second-best reduced cost.
     *
     * @return the rows left without a column
     */
    private static int[] reduceColumns(double[] cost, int n, double[] v, int[] columnOfRow,
            int[] rowOfColumn) {
        int[] argmin = new int[n];
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                if (cost[base + j] < v[j]) {
                    v[j] = cost[base + j];
                    argmin[j] = i;
                }
            }
        }
        int[] held = new int[n];
        for (int j = 0; j < n; j++) {
            int i = argmin[j];
            if (held[i]++ == 0) {
                columnOfRow[i] = j;
                rowOfColumn[j] = i;
            }
        }
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (held[i] == 0) {
                argmin[free++] = i;
            } else if (held[i] == 1 && n > 1) {
                int own = columnOfRow[i];
                double secondBest = Double.POSITIVE_INFINITY;
                int base = i * n;
                for (int j = 0; j < n; j++) {
                    if (j != own) {
                        secondBest = Math.min(secondBest, cost[base + j] - v[j]);
                    }
                }
                v[own] -= secondBest;
            }
        }
        return Arrays.copyOf(argmin, free);
    }

    /**
     * Assigns the free row {@code start} by a shortest augmenting path (Dijkstra on reduced
     * costs). {@code columns} holds the column order: settled columns in {@code [0, low)}, those
     * at the current minimum distance in {@code [low, up)}, the rest in {@code [up, n)}.
     */
    private static void augment(double[] cost, int n, int start, double[] v, int[] columnOfRow,
            int[] rowOfColumn, double[] distance, int[] predecessor, int[] columns) {
        int base = start * n;
        for (int j = 0; j < n; j++) {
            distance[j] = cost[base + j] - v[j];
            predecessor[j] = start;
            columns[j] = j;
        }
        int low = 0;
        int up = 0;
        double min = 0;
        int end = FREE;
        search:
        while (true) {
            if (low == up) {
                min = Double.POSITIVE_INFINITY;
                for (int k = up; k < n; k++) {
                    int j = columns[k];
                    double h = distance[j];
                    if (h <= min) {
                        if (h < min) {
                            up = low;
                            min = h;
                        }
                        columns[k] = columns[up];
                        columns[up++] = j;
                    }
                }
                for (int k = low; k < up; k++) {
                    if (rowOfColumn[columns[k]] == FREE) {
                        end = columns[k];
                        break search;
                    }
                }
            }
            int scanned = columns[low++];
            int row = rowOfColumn[scanned];
            int rowBase = row * n;
            double offset = cost[rowBase + scanned] - v[scanned] - min;
            for (int k = up; k < n; k++) {
                int j = columns[k];
                double h = cost[rowBase + j] - v[j] - offset;
                if (h < distance[j]) {
                    distance[j] = h;
                    predecessor[j] = row;
                    if (h <= min) {
                        if (rowOfColumn[j] == FREE) {
                            end = j;
                            break search;
                        }
                        columns[k] = columns[up];
                        columns[up++] = j;
                    }
                }
            }
        }
        for (int k = 0; k < low; k++) {
            int j = columns[k];
            v[j] += distance[j] - min;
        }
        int row;
        int column = end;
        do {
            row = predecessor[column];
            rowOfColumn[column] = row;
            int previous = columnOfRow[row];
            columnOfRow[row] = column;
            column = previous;
        } while (row != start);
    }
}
