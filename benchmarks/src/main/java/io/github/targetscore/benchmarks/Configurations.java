package io.github.targetscore.benchmarks;

import java.util.Random;

/**
 * Test configurations for the energy benchmarks, made the same way as the PyTorch peer's
 * ({@code lj_configs} and {@code dw_configs} in {@code peer_bench.py}), so that both sides time
 * the same kind of input. Batches are flat row-major {@code double[]} arrays, one configuration
 * per row, particle-major within a row ({@code x1, y1, z1, x2, ...}).
 *
 * <p>The streams are seeded and reproducible from run to run; they do not reproduce the peer's
 * numbers bit for bit (the peer draws from torch's generator), only its distribution.
 */
public final class Configurations {

    /** Lattice spacing of the Lennard-Jones test configurations (about r_m = 1). */
    public static final double LATTICE_SPACING = 1.1;

    /** Standard deviation of the Gaussian jitter added to each lattice coordinate. */
    public static final double LATTICE_JITTER = 0.07;

    /** Scale of the DW-4 test configurations: x ~ 2 N(0, I). */
    public static final double DW4_SCALE = 2.0;

    private Configurations() {
    }

    /**
     * Configurations suited to a preset: a jittered cubic lattice in three dimensions for the
     * Lennard-Jones presets ({@code lj*}), {@code 2 N(0, I)} for the DW-4 family ({@code dw*}),
     * and {@code N(0, I)} for anything else.
     *
     * @param preset the registry name, for example {@code "lj13"} or {@code "dw4"}
     * @param dimension coordinates per configuration (the model's {@code dimension()})
     * @param batch number of configurations
     * @param seed seed of the random stream
     * @return {@code batch * dimension} coordinates
     */
    public static double[] forPreset(String preset, int dimension, int batch, long seed) {
        if (preset.startsWith("lj")) {
            if (dimension % 3 != 0) {
                throw new IllegalArgumentException("a Lennard-Jones preset in 3-D needs a"
                        + " dimension divisible by 3, got " + dimension + " for " + preset);
            }
            return jitteredLattice(batch, dimension / 3, LATTICE_SPACING, LATTICE_JITTER, seed);
        }
        double scale = preset.startsWith("dw") ? DW4_SCALE : 1.0;
        return gaussian(batch, dimension, scale, seed);
    }

    /**
     * Jittered cubic-lattice clusters in three dimensions: for each configuration, a random
     * subset of {@code particles} sites of an m × m × m lattice (m = ⌈particles^(1/3)⌉) with the
     * given spacing, each coordinate jittered by {@code jitter · N(0, 1)}, then centred on its
     * mean. With spacing 1.1 and jitter 0.07 every pair distance stays above about 0.85, so the
     * r^−12 term stays moderate.
     *
     * @param batch number of configurations
     * @param particles particles per configuration
     * @param spacing lattice spacing
     * @param jitter standard deviation of the jitter per coordinate
     * @param seed seed of the random stream
     * @return {@code batch * 3 * particles} coordinates
     */
    public static double[] jitteredLattice(int batch, int particles, double spacing,
            double jitter, long seed) {
        if (batch < 0 || particles < 1) {
            throw new IllegalArgumentException("batch must be >= 0 and particles >= 1, got "
                    + batch + " and " + particles);
        }
        int m = (int) Math.ceil(Math.cbrt(particles) - 1e-9);
        while (m * m * m < particles) {
            m++;
        }
        int sites = m * m * m;
        int[] order = new int[sites];
        Random random = new Random(seed);
        int d = 3 * particles;
        double[] xs = new double[batch * d];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < sites; s++) {
                order[s] = s;
            }
            // partial Fisher-Yates: the first `particles` entries are a uniform random subset
            for (int i = 0; i < particles; i++) {
                int j = i + random.nextInt(sites - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int row = b * d;
            double[] mean = new double[3];
            for (int i = 0; i < particles; i++) {
                int site = order[i];
                int[] cell = {site / (m * m), (site / m) % m, site % m};
                for (int k = 0; k < 3; k++) {
                    double v = cell[k] * spacing + jitter * random.nextGaussian();
                    xs[row + 3 * i + k] = v;
                    mean[k] += v;
                }
            }
            for (int i = 0; i < particles; i++) {
                for (int k = 0; k < 3; k++) {
                    xs[row + 3 * i + k] -= mean[k] / particles;
                }
            }
        }
        return xs;
    }

    /**
     * Independent Gaussian coordinates, {@code scale · N(0, I)}.
     *
     * @param batch number of configurations
     * @param dimension coordinates per configuration
     * @param scale standard deviation of each coordinate
     * @param seed seed of the random stream
     * @return {@code batch * dimension} coordinates
     */
    public static double[] gaussian(int batch, int dimension, double scale, long seed) {
        if (batch < 0 || dimension < 1) {
            throw new IllegalArgumentException("batch must be >= 0 and dimension >= 1, got "
                    + batch + " and " + dimension);
        }
        Random random = new Random(seed);
        double[] xs = new double[batch * dimension];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = scale * random.nextGaussian();
        }
        return xs;
    }
}
