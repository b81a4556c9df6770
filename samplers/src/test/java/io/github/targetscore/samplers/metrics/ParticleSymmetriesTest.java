package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image of a row is a relabelling and an orthogonal map of it, and both are uniform: every
 * particle lands in every slot with probability 1/N, the image of a direction is uniform on the
 * circle and reflections come half the time (5 standard errors, over many rows).
 */
class ParticleSymmetriesTest {

    private static final ParticleSpace DW4_SPACE = ParticleSpace.of(4, 2, true);
    private static final ParticleSpace LJ13_SPACE = ParticleSpace.of(13, 3, true);

    /** n copies of {@code row}. */
    private static double[] copies(double[] row, int n) {
        double[] xs = new double[n * row.length];
        for (int r = 0; r < n; r++) {
            System.arraycopy(row, 0, xs, r * row.length, row.length);
        }
        return xs;
    }

    /** Pair distances of each row, sorted within the row: invariant under S_N × O(D). */
    private static double[] sortedPairDistances(double[] xs, ParticleSpace space) {
        int pairs = PairDistances.pairs(space.particles());
        double[] d = PairDistances.of(xs, space.particles(), space.spatialDimension());
        for (int r = 0; r < d.length / pairs; r++) {
            Arrays.sort(d, r * pairs, (r + 1) * pairs);
        }
        return d;
    }

    /** DW-4 from the sorted pair distances: Σ_{i<j} 0.9 (d − 4)⁴ − 4 (d − 4)². */
    private static double doubleWell(double[] distances, int from, int pairs) {
        double u = 0;
        for (int k = from; k < from + pairs; k++) {
            double s = distances[k] - 4;
            u += 0.9 * s * s * s * s - 4 * s * s;
        }
        return u;
    }

    private static double[] lj13Row() {
        double[] row = TestSamples.gaussian(5, 0, 1, new double[39],
                TestSamples.filled(39, 1.3));
        LJ13_SPACE.removeMean(row, 0);
        return row;
    }

    /** The image of a known row has the same pair distances and energies (DW-4, LJ-13). */
    @Test
    void imagesKeepPairDistancesAndEnergies() {
        double[] dw4Row = {0.3, -1.2, 2.5, 0.4, -1.9, 1.7, -0.9, -0.9};
        double[] xs = copies(dw4Row, 50);
        double[] ys = new double[xs.length];
        ParticleSymmetries.of(DW4_SPACE).apply(xs, ys, RandomStreams.of(11));
        assertArrayEquals(sortedPairDistances(xs, DW4_SPACE), sortedPairDistances(ys, DW4_SPACE),
                1e-12);
        assertFalse(Arrays.equals(Arrays.copyOf(ys, 8), Arrays.copyOfRange(ys, 8, 16)),
                "two rows drew the same group element");
        double[] distances = sortedPairDistances(ys, DW4_SPACE);
        EnergyModel dw4 = EnergyRegistry.load().create("dw4", Map.of());
        double u = dw4.energy(dw4Row);
        assertEquals(u, doubleWell(sortedPairDistances(xs, DW4_SPACE), 0, 6), 1e-12);
        for (int r = 0; r < 50; r++) {
            assertEquals(u, doubleWell(distances, 6 * r, 6), 1e-12, "row " + r);
            assertEquals(u, dw4.energy(Arrays.copyOfRange(ys, 8 * r, 8 * r + 8)), 1e-12);
        }

        double[] lj = copies(lj13Row(), 20);
        double[] ljImages = lj.clone();
        ParticleSymmetries.of(LJ13_SPACE).apply(ljImages, ljImages, RandomStreams.of(12));
        assertArrayEquals(sortedPairDistances(lj, LJ13_SPACE),
                sortedPairDistances(ljImages, LJ13_SPACE), 1e-12);
        EnergyModel lj13 = EnergyRegistry.load().create("lj13", Map.of());
        double v = lj13.energy(Arrays.copyOf(lj, 39));
        for (int r = 0; r < 20; r++) {
            double[] image = Arrays.copyOfRange(ljImages, 39 * r, 39 * r + 39);
            assertEquals(v, lj13.energy(image), 1e-12 * Math.max(1, Math.abs(v)), "row " + r);
            for (int a = 0; a < 3; a++) {
                double centre = 0;
                for (int i = 0; i < 13; i++) {
                    centre += image[3 * i + a];
                }
                assertEquals(0, centre, 1e-12, "centred input stays centred, row " + r);
            }
        }
    }

    /** Rows depend on (seed, row) only: a prefix of the batch gives the same images. */
    @Test
    void rowsAreReproducibleAndIndependentOfTheBatch() {
        double[] xs = TestSamples.gaussian(6, 0, 30, new double[8], TestSamples.filled(8, 1));
        double[] all = new double[xs.length];
        ParticleSymmetries.of(DW4_SPACE).apply(xs, all, RandomStreams.of(3));
        double[] prefix = new double[80];
        ParticleSymmetries.of(DW4_SPACE).apply(Arrays.copyOf(xs, 80), prefix,
                RandomStreams.of(3));
        assertArrayEquals(Arrays.copyOf(all, 80), prefix, 0);
        double[] other = new double[xs.length];
        ParticleSymmetries.of(DW4_SPACE).apply(xs, other, RandomStreams.of(4));
        assertFalse(Arrays.equals(all, other));
    }

    /**
     * Particle i of the row (1, 0), (0, 2), (3, 0), (0, 4) has norm i + 1, which an orthogonal
     * map keeps: the slot holding norm i + 1 names where particle i went, and the images of
     * particles 0 and 1 are Q's columns Q e₁ and 2 Q e₂. Over R rows, each slot count is
     * Binomial(R, 1/N); cos θ and sin θ of Q e₁ = (cos θ, sin θ) have mean 0 and variance ½;
     * det Q = −1 is Bernoulli(½).
     */
    @Test
    void permutationsAndOrthogonalMapsAreUniformIn2D() {
        int rows = 20000;
        int n = 4;
        double[] ys = new double[rows * 2 * n];
        ParticleSymmetries.of(DW4_SPACE).apply(copies(new double[] {1, 0, 0, 2, 3, 0, 0, 4},
                rows), ys, RandomStreams.of(21));
        int[][] counts = new int[n][n];
        double cos = 0;
        double sin = 0;
        int reflections = 0;
        for (int r = 0; r < rows; r++) {
            double[] q = new double[4]; // columns Q e₁, Q e₂
            for (int slot = 0; slot < n; slot++) {
                double x = ys[r * 8 + 2 * slot];
                double y = ys[r * 8 + 2 * slot + 1];
                int particle = (int) Math.round(Math.hypot(x, y)) - 1;
                assertEquals(particle + 1, Math.hypot(x, y), 1e-12);
                counts[particle][slot]++;
                if (particle < 2) {
                    q[2 * particle] = x / (particle + 1);
                    q[2 * particle + 1] = y / (particle + 1);
                }
            }
            assertEquals(0, q[0] * q[2] + q[1] * q[3], 1e-12, "orthogonal columns, row " + r);
            double det = q[0] * q[3] - q[1] * q[2];
            assertEquals(1, Math.abs(det), 1e-12);
            reflections += det < 0 ? 1 : 0;
            cos += q[0];
            sin += q[1];
        }
        double p = 1.0 / n;
        for (int particle = 0; particle < n; particle++) {
            for (int slot = 0; slot < n; slot++) {
                assertEquals(p * rows, counts[particle][slot],
                        5 * Math.sqrt(rows * p * (1 - p)), particle + " → slot " + slot);
            }
        }
        double angleError = Math.sqrt(0.5 / rows);
        assertEquals(0, cos / rows, 5 * angleError, "mean cos θ");
        assertEquals(0, sin / rows, 5 * angleError, "mean sin θ");
        assertEquals(rows / 2.0, reflections, 5 * Math.sqrt(rows * 0.25), "reflections");
    }

    /**
     * In 3-D the image of the row e₁, 2e₂, 3e₃ gives Q's columns. Haar measure on O(3): every
     * entry Q_ab is a component of a uniform unit vector, with mean 0, variance 1/3 and
     * Var Q_ab² = E Q_ab⁴ − 1/9 = 1/5 − 1/9 = 4/45; det Q = −1 half the time.
     */
    @Test
    void orthogonalMapsAreHaarIn3D() {
        ParticleSpace space = ParticleSpace.of(3, 3, false);
        int rows = 20000;
        double[] ys = new double[rows * 9];
        ParticleSymmetries.of(space).apply(copies(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 3},
                rows), ys, RandomStreams.of(22));
        double[] mean = new double[9];
        double[] meanSquare = new double[9];
        int reflections = 0;
        double[] q = new double[9];
        for (int r = 0; r < rows; r++) {
            for (int slot = 0; slot < 3; slot++) {
                int o = r * 9 + 3 * slot;
                double norm = Math.sqrt(ys[o] * ys[o] + ys[o + 1] * ys[o + 1]
                        + ys[o + 2] * ys[o + 2]);
                int column = (int) Math.round(norm) - 1;
                for (int a = 0; a < 3; a++) {
                    q[3 * a + column] = ys[o + a] / norm;
                }
            }
            double det = q[0] * (q[4] * q[8] - q[5] * q[7]) - q[1] * (q[3] * q[8] - q[5] * q[6])
                    + q[2] * (q[3] * q[7] - q[4] * q[6]);
            assertEquals(1, Math.abs(det), 1e-12, "row " + r);
            reflections += det < 0 ? 1 : 0;
            for (int k = 0; k < 9; k++) {
                mean[k] += q[k] / rows;
                meanSquare[k] += q[k] * q[k] / rows;
            }
        }
        for (int k = 0; k < 9; k++) {
            assertEquals(0, mean[k], 5 * Math.sqrt(1.0 / 3 / rows), "mean of Q entry " + k);
            assertEquals(1.0 / 3, meanSquare[k], 5 * Math.sqrt(4.0 / 45 / rows),
                    "mean square of Q entry " + k);
        }
        assertEquals(rows / 2.0, reflections, 5 * Math.sqrt(rows * 0.25), "reflections");
    }

    @Test
    void badInputIsNamed() {
        ParticleSymmetries symmetries = ParticleSymmetries.of(DW4_SPACE);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> symmetries.apply(new double[9], new double[9], RandomStreams.of(1)));
        assertEquals("symmetrised configurations: 9 values are not whole configurations of 8 "
                + "coordinates (4 particles in 2-D (centre of mass removed))", width.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> symmetries.apply(new double[16], new double[8], RandomStreams.of(1)));
        assertEquals("symmetrised configurations: destination holds 8 values, the 2 "
                + "configurations 16", length.getMessage());
        double[] nan = new double[16];
        nan[11] = Double.NaN;
        IllegalArgumentException finite = assertThrows(IllegalArgumentException.class,
                () -> symmetries.apply(nan, new double[16], RandomStreams.of(1)));
        assertEquals("symmetrised configurations: configuration 1: coordinate 3 is NaN",
                finite.getMessage());
    }
}
