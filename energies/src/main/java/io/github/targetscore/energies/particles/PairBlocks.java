package io.github.targetscore.energies.particles;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.SingularConfigurationException;

/**
 * Shared machinery of the pair-potential batch kernels: the configuration-minor ("structure of
 * arrays") scratch blocks the vectorisable loops run on, and the slow paths that turn a
 * non-finite result into the right exception. Package-private.
 *
 * <p>A block holds {@code width ≤ BLOCK} configurations transposed so that coordinate
 * {@code c} of configuration {@code b} is {@code rows[c][b]}: every pair loop then runs over
 * {@code b} with unit stride on distinct arrays, which HotSpot's C2 compiles to SIMD
 * instructions when the loop body is small (its default {@code LoopUnrollLimit} of 60 nodes
 * keeps large bodies scalar; that is why the kernels split each pair into several short loops).
 */
final class PairBlocks {

    /**
     * Configurations per block. At 128 the vector main loop runs many iterations per pair and a
     * block of LJ-55 (2 × 165 rows of 1 KiB) stays in a 2 MiB L2 cache; measured as fast as 256
     * and clearly faster than 64 (where much of the work falls to the scalar post-loop).
     */
    static final int BLOCK = 128;

    /**
     * Below this many rows a Lennard-Jones batch call runs the single-configuration kernel per
     * row (the transposition and the loop start-up cost more than they save).
     */
    static final int MIN_BLOCK_ROWS = 16;

    private PairBlocks() {
    }

    /** Scratch rows {@code [dimension][width]}, allocated once per batch call. */
    static double[][] rows(int dimension, int width) {
        return new double[dimension][width];
    }

    /**
     * Copies rows {@code first .. first + width − 1} of the row-major batch {@code xs} into
     * {@code block} (coordinate-major).
     */
    static void transposeIn(double[] xs, int dimension, int first, int width, double[][] block) {
        int base = first * dimension;
        for (int c = 0; c < dimension; c++) {
            double[] row = block[c];
            for (int b = 0, at = base + c; b < width; b++, at += dimension) {
                row[b] = xs[at];
            }
        }
    }

    /** Sets the first {@code width} entries of every row of {@code block} to 0. */
    static void clear(double[][] block, int width) {
        for (double[] row : block) {
            java.util.Arrays.fill(row, 0, width, 0.0);
        }
    }

    /**
     * Copies the block back into rows {@code first .. first + width − 1} of the row-major batch
     * {@code out}.
     */
    static void transposeOut(double[][] block, int dimension, int first, int width, double[] out) {
        int base = first * dimension;
        for (int c = 0; c < dimension; c++) {
            double[] row = block[c];
            for (int b = 0, at = base + c; b < width; b++, at += dimension) {
                out[at] = row[b];
            }
        }
    }

    /**
     * The exception for a configuration whose energy came out NaN, or whose energy or gradient
     * came out non-finite: an {@link IllegalArgumentException} naming the first non-finite
     * coordinate if there is one, otherwise {@code null} (the configuration itself is finite).
     */
    static IllegalArgumentException nonFiniteInput(String model, double[] xs, int offset,
            int dimension, int row) {
        for (int c = 0; c < dimension; c++) {
            if (!Double.isFinite(xs[offset + c])) {
                return new IllegalArgumentException(model + ": " + where(row)
                        + Batches.describeNonFinite(xs, offset, dimension));
            }
        }
        return null;
    }

    /** "configuration 7: " for batch rows, "" for single configurations (row < 0). */
    static String where(int row) {
        return row < 0 ? "" : "configuration " + row + ": ";
    }

    /**
     * Finds the closest pair of particles (smallest squared distance, first in i &lt; j order
     * on ties) of the configuration at {@code offset}.
     *
     * @return {@code {i, j}}
     */
    static int[] closestPair(double[] x, int offset, int particles, int spatialDimension) {
        int bestI = 0;
        int bestJ = 1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                double r2 = squaredDistance(x, offset, spatialDimension, i, j);
                if (r2 < best) {
                    best = r2;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        return new int[] {bestI, bestJ};
    }

    /** |x_i − x_j|² of the configuration at {@code offset}. */
    static double squaredDistance(double[] x, int offset, int spatialDimension, int i, int j) {
        double r2 = 0;
        for (int k = 0; k < spatialDimension; k++) {
            double d = x[offset + i * spatialDimension + k] - x[offset + j * spatialDimension + k];
            r2 += d * d;
        }
        return r2;
    }

    /** A {@link SingularConfigurationException} with the model's name and the row. */
    static SingularConfigurationException singular(String model, int row, String what) {
        return new SingularConfigurationException(model + ": " + where(row) + what);
    }
}
