package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.manifold.Manifold;

/** Checks and preparation of the flat configuration sets the metrics compare. */
final class Configurations {

    private Configurations() {
    }

    /**
     * Number of configurations in {@code xs}, after checking that it holds whole rows of the
     * manifold's width, at least {@code minimumRows} of them, all finite.
     *
     * @param what the set's name in messages
     * @throws IllegalArgumentException saying what is wrong and, for a non-finite value, where
     */
    static int rows(Manifold space, double[] xs, int minimumRows, String what) {
        int width = space.dimension();
        if (xs.length % width != 0) {
            throw new IllegalArgumentException(what + ": " + xs.length + " values are not whole "
                    + "configurations of " + width + " coordinates (" + space + ")");
        }
        int rows = xs.length / width;
        if (rows < minimumRows) {
            throw new IllegalArgumentException(what + ": " + rows + " configurations, at least "
                    + minimumRows + " needed");
        }
        for (int row = 0; row < rows; row++) {
            Batches.requireFinite(xs, width, row, what + ": configuration");
        }
        return rows;
    }

    /**
     * A copy of the checked set {@code xs} with every configuration replaced by its canonical
     * representative ({@link Manifold#canonicalise}: centred for a translation-invariant particle
     * system, unchanged on R^d).
     */
    static double[] canonicalCopy(Manifold space, double[] xs, int minimumRows, String what) {
        int rows = rows(space, xs, minimumRows, what);
        int width = space.dimension();
        double[] copy = xs.clone();
        for (int row = 0; row < rows; row++) {
            space.canonicalise(copy, row * width);
        }
        return copy;
    }

    /** |a_i − b_j|² between row i of {@code a} and row j of {@code b}, rows of {@code width}. */
    static double squaredDistance(double[] a, int i, double[] b, int j, int width) {
        int aOffset = i * width;
        int bOffset = j * width;
        double sum = 0;
        for (int k = 0; k < width; k++) {
            double difference = a[aOffset + k] - b[bOffset + k];
            sum += difference * difference;
        }
        return sum;
    }
}
