package io.github.targetscore.cli;

import io.github.targetscore.core.Batches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.NpyFormatException;

/**
 * Reads and writes NumPy {@code .npy} files of configurations and results, as flat row-major
 * {@code double[]} batches.
 *
 * <p>Reading accepts float32 and float64 arrays of shape (n, d) or (d) (one configuration);
 * column-order (Fortran) arrays are converted to row order. Everything else fails with a
 * message naming the file. Writing produces float64 arrays, atomically (see
 * {@link AtomicFiles}).
 */
final class NpyArrays {

    private NpyArrays() {
    }

    /**
     * Rows of equal width read from an NPY file.
     *
     * @param values row-major values, row {@code i} at {@code values[i * columns]}
     * @param rows number of rows n
     * @param columns row width d
     * @param vector whether the file held a 1-D array (d), read as one row
     */
    record Rows(double[] values, int rows, int columns, boolean vector) {

        /** The array's shape as NumPy prints it: {@code (n, d)} or {@code (d,)}. */
        String shapeText() {
            return vector ? "(" + columns + ",)" : "(" + rows + ", " + columns + ")";
        }
    }

    /**
     * Reads configurations or points of an energy: a float32 or float64 array of shape (n, d)
     * or (d) whose width is the energy's dimension d, every value finite.
     *
     * @param dimension d, the energy's dimension
     * @param energy the energy's name, for messages
     * @throws IllegalArgumentException naming the file and the shape if the width is not d, or
     *     the row and coordinate of the first non-finite value
     */
    static Rows readRows(Path file, int dimension, String energy) throws IOException {
        Rows rows = read(file);
        if (rows.columns() != dimension) {
            throw new IllegalArgumentException(file + ": array of shape " + rows.shapeText()
                    + ": points of " + rows.columns() + " values, but energy '" + energy
                    + "' expects d = " + dimension + ": shape (n, " + dimension + ") or ("
                    + dimension + ",)");
        }
        for (int row = 0; row < rows.rows(); row++) {
            Batches.requireFinite(rows.values(), dimension, row, file + ": row");
        }
        return rows;
    }

    /**
     * Reads a float32 or float64 array of shape (n, d) or (d).
     *
     * @throws NoSuchFileException if {@code file} is not a regular file
     * @throws NpyFormatException naming the file if it is not valid NPY
     * @throws IllegalArgumentException naming the file if its data type or shape is not one of
     *     the above
     */
    static Rows read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        NpyArray<?> array;
        try {
            array = Npy.read(file.toFile());
        } catch (RuntimeException e) {
            throw new NpyFormatException(file + ": not a readable NPY file: " + e.getMessage());
        }
        if (!array.isDoubleArray() && !array.isFloatArray()) {
            throw new IllegalArgumentException(file + ": data type " + array.dataType()
                    + " is not supported; expected float32 (f4) or float64 (f8)");
        }
        int[] shape = array.shape();
        double[] data = array.asDoubleArray().data();
        if (shape.length == 1) {
            return new Rows(data, 1, shape[0], true);
        }
        if (shape.length != 2) {
            throw new IllegalArgumentException(file + ": expected a 2-D array (n, d) or a 1-D "
                    + "array (d), got shape (" + Arrays.stream(shape).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + ")");
        }
        int rows = shape[0];
        int columns = shape[1];
        return new Rows(array.hasColumnOrder() ? toRowOrder(data, rows, columns) : data, rows,
                columns, false);
    }

    /** Writes a float64 array of shape (rows, columns) from row-major {@code values}. */
    static void write(Path file, double[] values, int rows, int columns) throws IOException {
        write(file, NpyDoubleArray.rowOrderOf(values, rows, columns));
    }

    /** Writes a 1-D float64 array. */
    static void write(Path file, double[] values) throws IOException {
        write(file, NpyDoubleArray.vectorOf(values));
    }

    private static void write(Path file, NpyDoubleArray array) throws IOException {
        AtomicFiles.write(file, out -> Npy.write(out, array));
    }

    private static double[] toRowOrder(double[] columnMajor, int rows, int columns) {
        double[] rowMajor = new double[columnMajor.length];
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                rowMajor[i * columns + j] = columnMajor[j * rows + i];
            }
        }
        return rowMajor;
    }
}
