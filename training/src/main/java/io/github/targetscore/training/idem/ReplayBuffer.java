package io.github.targetscore.training.idem;

import io.github.targetscore.core.Batches;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A first-in first-out store of at most {@code capacity} configurations (rows of width d): once
 * full, each added row replaces the oldest. iDEM's replay buffer (MATH §4): the inner loop draws
 * its clean points uniformly from what the outer loop generated over the last epochs. Rows are
 * kept in a flat array; {@link #write}/{@link #restore} save and restore it exactly, for
 * checkpoints. Not thread-safe: the loop adds between its training steps.
 */
public final class ReplayBuffer {

    private final int dimension;
    private final int capacity;
    private final double[] rows;
    private long added;

    private ReplayBuffer(int dimension, int capacity) {
        this.dimension = dimension;
        this.capacity = capacity;
        this.rows = new double[Math.multiplyExact(dimension, capacity)];
    }

    /** An empty buffer of up to {@code capacity} rows of width {@code dimension}. */
    public static ReplayBuffer withCapacity(int dimension, int capacity) {
        if (dimension < 1 || capacity < 1) {
            throw new IllegalArgumentException("replay buffer dimension and capacity must be >= 1,"
                    + " got " + dimension + ", " + capacity);
        }
        return new ReplayBuffer(dimension, capacity);
    }

    /** Row width d. */
    public int dimension() {
        return dimension;
    }

    /** Most rows held. */
    public int capacity() {
        return capacity;
    }

    /** Rows held now: min(added, capacity). */
    public int size() {
        return (int) Math.min(added, capacity);
    }

    /** Rows added since the buffer was created (including those since replaced). */
    public long added() {
        return added;
    }

    /**
     * Appends the rows of {@code batch} (row-major, a whole number of rows, all finite), each
     * replacing the oldest row once the buffer is full.
     *
     * @throws IllegalArgumentException naming the first non-finite row and coordinate
     */
    public void add(double[] batch) {
        if (batch.length % dimension != 0) {
            throw new IllegalArgumentException("rows of width " + dimension + " expected, got "
                    + batch.length + " values");
        }
        int count = batch.length / dimension;
        for (int i = 0; i < count; i++) {
            Batches.requireFinite(batch, dimension, i, "configuration");
        }
        for (int i = 0; i < count; i++) {
            int slot = (int) (added % capacity);
            System.arraycopy(batch, i * dimension, rows, slot * dimension, dimension);
            added++;
        }
    }

    /**
     * Copies row {@code index} (0 ≤ index &lt; size; slot order, not insertion order) into
     * {@code out} at {@code offset}.
     */
    public void copyRow(int index, double[] out, int offset) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("row " + index + " of a buffer of " + size());
        }
        System.arraycopy(rows, index * dimension, out, offset, dimension);
    }

    /** The rows held, oldest first, row-major size × d (a copy). */
    public double[] contents() {
        int size = size();
        double[] out = new double[size * dimension];
        long first = added - size;
        for (int i = 0; i < size; i++) {
            int slot = (int) ((first + i) % capacity);
            System.arraycopy(rows, slot * dimension, out, i * dimension, dimension);
        }
        return out;
    }

    /** Writes the shape, the count of rows added and the rows in slot order. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(dimension);
        out.writeInt(capacity);
        out.writeLong(added);
        int values = size() * dimension;
        for (int i = 0; i < values; i++) {
            out.writeDouble(rows[i]);
        }
    }

    /**
     * Replaces this buffer's rows by those written by {@link #write} from a buffer of the same
     * shape.
     *
     * @throws IOException if the stream ends early or holds a buffer of another shape
     */
    public void restore(DataInput in) throws IOException {
        int savedDimension = in.readInt();
        int savedCapacity = in.readInt();
        long savedAdded = in.readLong();
        if (savedDimension != dimension || savedCapacity != capacity || savedAdded < 0) {
            throw new IOException("replay buffer of " + savedCapacity + " rows of width "
                    + savedDimension + " (" + savedAdded + " added) cannot restore one of "
                    + capacity + " rows of width " + dimension);
        }
        added = savedAdded;
        int values = size() * dimension;
        for (int i = 0; i < values; i++) {
            rows[i] = in.readDouble();
        }
    }
}
