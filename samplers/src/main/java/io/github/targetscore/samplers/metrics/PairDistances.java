package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.Batches;

/**
 * The inter-particle distances of particle configurations, for pair-distance histograms.
 *
 * <p>A configuration of n particles in D dimensions is a particle-major row
 * {@code x1, y1[, z1], x2, ...} of n·D coordinates; its P = n(n − 1)/2 distances
 * r_ij = |x_i − x_j| = √(Σ_a (x_{i,a} − x_{j,a})²), in units of the coordinates, are taken over
 * the pairs i &lt; j in the order (0, 1), (0, 2), …, (0, n − 1), (1, 2), …, (n − 2, n − 1).
 */
public final class PairDistances {

    private PairDistances() {
    }

    /** P = n(n − 1)/2, the number of pairs of n particles. */
    public static int pairs(int particles) {
        return particles * (particles - 1) / 2;
    }

    /**
     * The pair distances of every configuration of a flat batch: those of row r at
     * {@code [r·P, (r + 1)·P)}, in the pair order above. One array is allocated for all of them.
     *
     * @param xs configurations, particle-major rows of n·D coordinates, all finite
     * @param particles n, ≥ 2
     * @param spatialDimension D, ≥ 1
     * @return rows·P distances, in units of the coordinates
     * @throws IllegalArgumentException if n or D is out of range, {@code xs} does not hold whole
     *     rows, or a coordinate is not finite (naming the configuration and coordinate)
     */
    public static double[] of(double[] xs, int particles, int spatialDimension) {
        if (particles < 2 || spatialDimension < 1) {
            throw new IllegalArgumentException("pair distances need at least 2 particles in at "
                    + "least 1 dimension, got " + particles + " particles in " + spatialDimension);
        }
        int width = particles * spatialDimension;
        if (xs.length % width != 0) {
            throw new IllegalArgumentException("pair distances: " + xs.length + " values are not "
                    + "whole configurations of " + particles + " particles × " + spatialDimension
                    + " coordinates (" + width + " per row)");
        }
        int rows = xs.length / width;
        int pairs = pairs(particles);
        if ((long) rows * pairs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("pair distances: " + rows + " configurations × "
                    + pairs + " pairs do not fit in one array");
        }
        double[] distances = new double[rows * pairs];
        int k = 0;
        for (int row = 0; row < rows; row++) {
            Batches.requireFinite(xs, width, row, "pair distances: configuration");
            int first = row * particles; // particle i of this row is particle first + i of xs
            for (int i = first; i < first + particles; i++) {
                for (int j = i + 1; j < first + particles; j++) {
                    distances[k++] = Math.sqrt(
                            Configurations.squaredDistance(xs, i, xs, j, spatialDimension));
                }
            }
        }
        return distances;
    }
}
