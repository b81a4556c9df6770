package io.github.targetscore.core;

/**
 * Checks on flat row-major batches, failing fast with messages that say which array and which
 * row or coordinate is wrong.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Checks that {@code array} holds rows {@code start .. start + count − 1} of width
     * {@code width}.
     *
     * @throws IllegalArgumentException naming {@code what} if it does not
     */
    public static void checkRows(double[] array, int width, int start, int count, String what) {
        if (start < 0 || count < 0) {
            throw new IllegalArgumentException(what + ": negative row range start=" + start
                    + " count=" + count);
        }
        long needed = (long) (start + count) * width;
        if (array.length < needed) {
            throw new IllegalArgumentException(what + ": array of length " + array.length
                    + " cannot hold rows " + start + ".." + (start + count - 1) + " of width "
                    + width + " (needs " + needed + ")");
        }
    }

    /**
     * Checks that one configuration has exactly {@code dimension} coordinates.
     *
     * @throws IllegalArgumentException if it does not
     */
    public static void checkLength(double[] x, int dimension, String what) {
        if (x.length != dimension) {
            throw new IllegalArgumentException(what + " has " + x.length
                    + " values, expected " + dimension);
        }
    }

    /**
     * Describes the first non-finite value of {@code x[offset .. offset + length − 1]}, for
     * error messages once a computation has produced NaN.
     *
     * @return a phrase such as {@code "coordinate 4 is NaN"}, or {@code "all coordinates are
     *     finite"}
     */
    public static String describeNonFinite(double[] x, int offset, int length) {
        for (int i = 0; i < length; i++) {
            double v = x[offset + i];
            if (!Double.isFinite(v)) {
                return "coordinate " + i + " is " + v;
            }
        }
        return "all coordinates are finite";
    }

    /**
     * Checks that every value of row {@code row} is finite.
     *
     * @throws IllegalArgumentException naming the row and the coordinate if one is not
     */
    public static void requireFinite(double[] xs, int width, int row, String what) {
        int offset = row * width;
        for (int i = 0; i < width; i++) {
            if (!Double.isFinite(xs[offset + i])) {
                throw new IllegalArgumentException(what + " " + row + ": coordinate " + i
                        + " is " + xs[offset + i]);
            }
        }
    }
}
