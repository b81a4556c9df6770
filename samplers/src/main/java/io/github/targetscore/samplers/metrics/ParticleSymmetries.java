package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Independent uniformly random elements of the symmetry group S_N × O(D) of a system of N
 * identical particles in D dimensions, applied to a batch of configurations row by row: row r,
 * particles x_1 … x_N (particle-major), becomes
 * <pre>
 *   y_i = Q_r x_{π_r(i)},   i = 1 … N,
 * </pre>
 * with π_r uniform over the N! permutations and Q_r Haar-distributed on the orthogonal group
 * O(D) (rotations and reflections alike: det Q_r = ±1 with probability ½ each). Both are drawn
 * from stream r of the given {@link RandomStreams}, so a row's image depends only on the row and
 * (seed, r). Q_r acts about the origin: pair distances |y_i − y_j| are those of x, a centred
 * row stays centred, and the centre of mass of any row is mapped by Q_r (which centring before
 * a metric removes).
 *
 * <p>The permutation is a Fisher–Yates shuffle ({@link PermutationSampler#shuffle}); Q_r is the
 * Gram–Schmidt orthonormalisation of the columns of a D × D matrix of independent standard
 * normals, i.e. the Q of its QR decomposition with R's diagonal positive, which is
 * Haar-distributed on O(D) (Mezzadri, Notices AMS 54, 2007). A call allocates its scratch once
 * (N indices, D² matrix entries, one row); per row only the row's generator and its Gaussian
 * sampler are created. Immutable and thread-safe.
 *
 * <p>Used for the symmetrised floor of {@link SampleMetrics#symmetrisedFloor}: reference data
 * from long MCMC runs need not visit the labellings and orientations of a configuration evenly,
 * which a sampler of the invariant density does.
 */
public final class ParticleSymmetries {

    private final ParticleSpace space;

    private ParticleSymmetries(ParticleSpace space) {
        this.space = space;
    }

    /** The symmetries S_N × O(D) of the particles of {@code space}. */
    public static ParticleSymmetries of(ParticleSpace space) {
        return new ParticleSymmetries(space);
    }

    /** The particle space whose configurations are transformed. */
    public ParticleSpace space() {
        return space;
    }

    /**
     * Writes y = Q_r x_{π_r(·)} of every row r of {@code xs} into the same row of
     * {@code destination}, (π_r, Q_r) drawn from {@code streams.stream(r)}.
     *
     * @param xs configurations, particle-major rows of N·D coordinates, all finite
     * @param destination array of the same length; may be {@code xs} itself
     * @param streams the streams of the rows
     * @throws IllegalArgumentException if {@code xs} is not whole finite rows of the space
     *     (naming the row) or {@code destination} differs in length
     */
    public void apply(double[] xs, double[] destination, RandomStreams streams) {
        int rows = Configurations.rows(space, xs, 0, "symmetrised configurations");
        if (destination.length != xs.length) {
            throw new IllegalArgumentException("symmetrised configurations: destination holds "
                    + destination.length + " values, the " + rows + " configurations "
                    + xs.length);
        }
        int particles = space.particles();
        int dim = space.spatialDimension();
        int width = particles * dim;
        int[] permutation = new int[particles];
        double[] q = new double[dim * dim];
        double[] row = new double[width];
        for (int r = 0; r < rows; r++) {
            UniformRandomProvider rng = streams.stream(r);
            for (int i = 0; i < particles; i++) {
                permutation[i] = i;
            }
            PermutationSampler.shuffle(rng, permutation);
            haarOrthogonal(ZigguratSampler.NormalizedGaussian.of(rng), q, dim);
            System.arraycopy(xs, r * width, row, 0, width);
            for (int i = 0; i < particles; i++) {
                int source = permutation[i] * dim;
                int target = r * width + i * dim;
                for (int a = 0; a < dim; a++) {
                    double sum = 0;
                    for (int b = 0; b < dim; b++) {
                        sum += q[a * dim + b] * row[source + b];
                    }
                    destination[target + a] = sum;
                }
            }
        }
    }

    /**
     * Fills the row-major D × D matrix {@code q} with a Haar-random orthogonal matrix: normal
     * entries drawn column by column, then modified Gram–Schmidt on the columns, each column
     * projected twice so that nearly parallel draws still give columns orthogonal to rounding
     * (one pass leaves errors of order ε·cond(G)).
     */
    private static void haarOrthogonal(ZigguratSampler.NormalizedGaussian normal, double[] q,
            int dim) {
        for (int k = 0; k < dim; k++) {
            for (int a = 0; a < dim; a++) {
                q[a * dim + k] = normal.sample();
            }
        }
        for (int k = 0; k < dim; k++) {
            for (int pass = 0; pass < 2; pass++) { // twice: orthogonal to rounding at any angle
                for (int j = 0; j < k; j++) {
                    double projection = 0;
                    for (int a = 0; a < dim; a++) {
                        projection += q[a * dim + j] * q[a * dim + k];
                    }
                    for (int a = 0; a < dim; a++) {
                        q[a * dim + k] -= projection * q[a * dim + j];
                    }
                }
            }
            double norm = 0;
            for (int a = 0; a < dim; a++) {
                norm += q[a * dim + k] * q[a * dim + k];
            }
            double scale = 1 / Math.sqrt(norm);
            for (int a = 0; a < dim; a++) {
                q[a * dim + k] *= scale;
            }
        }
    }

    @Override
    public String toString() {
        return "ParticleSymmetries[S_" + space.particles() + " × O(" + space.spatialDimension()
                + ")]";
    }
}
