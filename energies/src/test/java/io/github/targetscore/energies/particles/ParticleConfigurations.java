package io.github.targetscore.energies.particles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.targetscore.core.EnergyModel;
import java.io.File;
import org.apache.commons.rng.UniformRandomProvider;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;

/**
 * Random particle configurations, the shared reference data and the checks that the particle
 * tests have in common.
 */
final class ParticleConfigurations {

    private ParticleConfigurations() {
    }

    /**
     * Fills {@code x} with n particles on distinct random sites of a cubic (square, ...) lattice
     * of spacing {@code spacing} large enough to hold them, each coordinate jittered uniformly
     * by at most {@code jitter}, and the whole configuration shifted by a uniform offset in
     * [−2, 2]^D. Two particles are then at least spacing − 2·jitter·√D apart.
     */
    static void jitteredLattice(UniformRandomProvider rng, double[] x, int particles,
            int spatialDimension, double spacing, double jitter) {
        int side = 1;
        while (Math.pow(side, spatialDimension) < particles + 1) {
            side++;
        }
        int sites = (int) Math.pow(side, spatialDimension);
        int[] order = new int[sites];
        for (int s = 0; s < sites; s++) {
            order[s] = s;
        }
        for (int s = sites - 1; s > 0; s--) {
            int t = rng.nextInt(s + 1);
            int swap = order[s];
            order[s] = order[t];
            order[t] = swap;
        }
        double[] shift = new double[spatialDimension];
        for (int k = 0; k < spatialDimension; k++) {
            shift[k] = -2 + 4 * rng.nextDouble();
        }
        for (int i = 0; i < particles; i++) {
            int site = order[i];
            for (int k = 0; k < spatialDimension; k++) {
                int cell = site % side;
                site /= side;
                x[i * spatialDimension + k] = spacing * cell + shift[k]
                        + jitter * (2 * rng.nextDouble() - 1);
            }
        }
    }

    /** Fills {@code x} with independent N(0, std²) coordinates (Box–Muller). */
    static void gaussian(UniformRandomProvider rng, double[] x, double std) {
        for (int k = 0; k < x.length; k += 2) {
            double radius = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double angle = 2 * Math.PI * rng.nextDouble();
            x[k] = std * radius * Math.cos(angle);
            if (k + 1 < x.length) {
                x[k + 1] = std * radius * Math.sin(angle);
            }
        }
    }

    /**
     * The shared data directory, from the system property {@code targetscore.shared} (set by
     * Surefire to {@code <checkout>/../shared}); fails the test if it is not there.
     */
    static File sharedDirectory() {
        String path = System.getProperty("targetscore.shared");
        if (path == null || path.isEmpty()) {
            fail("system property targetscore.shared is not set: run the tests through Maven "
                    + "(Surefire sets it to <checkout>/../shared) or pass "
                    + "-Dtargetscore.shared=/path/to/shared");
        }
        File dir = new File(path);
        if (!dir.isDirectory()) {
            fail("shared data directory " + dir.getAbsolutePath() + " (targetscore.shared) does "
                    + "not exist: the particle tests need reference-data/ from it");
        }
        return dir;
    }

    /**
     * Reads a row-major float32 {@code .npy} file of {@code reference-data/} as doubles.
     *
     * @return {@code rows[r]}, each of {@code columns} values
     */
    static double[][] referenceRows(String fileName, int columns) {
        File file = new File(new File(sharedDirectory(), "reference-data"), fileName);
        if (!file.isFile()) {
            fail("reference data file " + file.getAbsolutePath() + " is missing");
        }
        NpyArray<?> array = Npy.read(file);
        int[] shape = array.shape();
        assertTrue(shape.length == 2 && shape[1] == columns,
                fileName + ": expected shape (rows, " + columns + "), got "
                        + java.util.Arrays.toString(shape));
        assertTrue(array.isFloatArray(), fileName + ": expected float32, got "
                + array.dataType());
        float[] data = array.asFloatArray().data();
        int rows = shape[0];
        double[][] out = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r][c] = array.hasColumnOrder() ? data[c * rows + r] : data[r * columns + c];
            }
        }
        return out;
    }

    /**
     * Checks that the batch methods (over rows {@code start .. rows − 3}, long enough for
     * several blocks and a partial one) give exactly, bit for bit, the single-configuration
     * results, and leave the other rows untouched.
     */
    static void assertBatchEqualsSingleBitForBit(EnergyModel model, double[][] configurations) {
        int d = model.dimension();
        int rows = configurations.length;
        int start = 5;
        int count = rows - start - 3;
        double[] flat = flatten(configurations);
        double[] energies = new double[rows];
        double[] energiesOnly = new double[rows];
        double[] gradients = new double[rows * d];
        model.energyAndGradient(flat, start, count, energies, gradients);
        model.energies(flat, start, count, energiesOnly);
        double[] gradient = new double[d];
        for (int r = 0; r < rows; r++) {
            if (r < start || r >= start + count) {
                assertEquals(0.0, energies[r], "row " + r + " is outside the range");
                assertEquals(0.0, energiesOnly[r], "row " + r + " is outside the range");
                continue;
            }
            double u = model.energyAndGradient(configurations[r], gradient);
            assertEquals(u, energies[r], 0.0, "batch energy of row " + r);
            assertEquals(model.energy(configurations[r]), energiesOnly[r], 0.0,
                    "batch energy-only of row " + r);
            for (int k = 0; k < d; k++) {
                assertEquals(gradient[k], gradients[r * d + k], 0.0,
                        "batch gradient component " + k + " of row " + r);
            }
        }
    }

    /** The rows one after the other in one row-major batch. */
    static double[] flatten(double[][] rows) {
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * d, d);
        }
        return flat;
    }

    /**
     * Checks energy and gradient of {@code x}, through both single-configuration methods, against
     * an independent evaluation: the energy to {@code tolerance} relative to max(1, |U|), the
     * gradient to {@code tolerance} relative to max(1, |∇U|_∞).
     */
    static void assertMatches(EnergyModel model, double[] x, double expected,
            double[] expectedGradient, double tolerance) {
        double[] gradient = new double[expectedGradient.length];
        assertEquals(expected, model.energyAndGradient(x, gradient),
                tolerance * Math.max(1, Math.abs(expected)));
        assertEquals(expected, model.energy(x), tolerance * Math.max(1, Math.abs(expected)));
        double scale = scale(expectedGradient);
        for (int k = 0; k < gradient.length; k++) {
            assertEquals(expectedGradient[k], gradient[k], tolerance * scale, "component " + k);
        }
    }

    /**
     * Checks U(x + a) = U(x) and ∇U(x + a) = ∇U(x) for the shift a_k = {@code shift} +
     * {@code shiftPerComponent}·k of every particle, and Σ_i ∂U/∂x_ik = 0 for every component k,
     * at each configuration.
     */
    static void assertTranslationInvariant(PairPotential model, double[][] configurations,
            double shift, double shiftPerComponent) {
        int n = model.particles();
        int dd = model.spatialDimension();
        double[] g = new double[model.dimension()];
        double[] shiftedGradient = new double[model.dimension()];
        for (double[] x : configurations) {
            double u = model.energyAndGradient(x, g);
            double[] shifted = x.clone();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < dd; k++) {
                    shifted[i * dd + k] += shift + shiftPerComponent * k;
                }
            }
            double v = model.energyAndGradient(shifted, shiftedGradient);
            assertEquals(u, v, 1e-11 * Math.max(1, Math.abs(u)), "U(x + a) = U(x)");
            double scale = scale(g);
            for (int k = 0; k < dd; k++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += g[i * dd + k];
                    assertEquals(g[i * dd + k], shiftedGradient[i * dd + k], 1e-10 * scale);
                }
                assertEquals(0, sum, 1e-12 * n * scale, "Σ_i ∂U/∂x_ik for k = " + k);
            }
        }
    }

    /** max(1, max_k |v_k|): the scale of gradient tolerances. */
    private static double scale(double[] v) {
        double max = 1;
        for (double component : v) {
            max = Math.max(max, Math.abs(component));
        }
        return max;
    }
}
