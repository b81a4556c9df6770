package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.random.RandomStreams;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Two disjoint random subsets of the same size drawn from the rows of a reference set: the two
 * "independent true samples" between which a metric's finite-sample floor is measured (MATH §9).
 *
 * <p>The rows are 2·size distinct indices of 0 … rows − 1 in random order (a
 * {@link PermutationSampler} driven by stream 0 of {@link RandomStreams#of(long)
 * RandomStreams.of(seed)}): the first half is {@link #firstRows()}, the second
 * {@link #secondRows()}. The same seed
 * always gives the same split. Immutable.
 */
public final class ReferenceSplit {

    private final int rows;
    private final int[] first;
    private final int[] second;

    private ReferenceSplit(int rows, int[] first, int[] second) {
        this.rows = rows;
        this.first = first;
        this.second = second;
    }

    /**
     * @param rows number of reference rows
     * @param size rows per subset, ≥ 1, with 2·size ≤ rows
     * @param seed master seed of the shuffle
     */
    public static ReferenceSplit of(int rows, int size, long seed) {
        if (size < 1 || 2L * size > rows) {
            throw new IllegalArgumentException("cannot draw two disjoint subsets of " + size
                    + " rows from " + rows + " reference rows (needs 1 <= size <= rows / 2)");
        }
        int[] order = new PermutationSampler(RandomStreams.of(seed).stream(0), rows, 2 * size)
                .sample();
        int[] first = new int[size];
        int[] second = new int[size];
        System.arraycopy(order, 0, first, 0, size);
        System.arraycopy(order, size, second, 0, size);
        return new ReferenceSplit(rows, first, second);
    }

    /** Rows per subset. */
    public int size() {
        return first.length;
    }

    /** The row indices of the first subset (a copy). */
    public int[] firstRows() {
        return first.clone();
    }

    /** The row indices of the second subset (a copy). */
    public int[] secondRows() {
        return second.clone();
    }

    /** The first subset's rows of a row-major reference array of rows of {@code width}. */
    public double[] first(double[] reference, int width) {
        return select(reference, width, first);
    }

    /** The second subset's rows of a row-major reference array of rows of {@code width}. */
    public double[] second(double[] reference, int width) {
        return select(reference, width, second);
    }

    private double[] select(double[] reference, int width, int[] indices) {
        if (reference.length != (long) rows * width) {
            throw new IllegalArgumentException("reference array of length " + reference.length
                    + " is not " + rows + " rows of " + width + " values");
        }
        double[] selected = new double[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(reference, indices[i] * width, selected, i * width, width);
        }
        return selected;
    }

    @Override
    public String toString() {
        return "ReferenceSplit[2 × " + first.length + " of " + rows + " rows]";
    }
}
