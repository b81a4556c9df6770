package io.github.targetscore.energies.particles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.SingularConfigurationException;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.FixedModelContractTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The energy contract for the {@code lj13} preset, and the Lennard-Jones checks: textbook
 * global minima of LJ-13 and LJ-55, the reference samples' mean energy, a brute-force
 * ordered-pair sum, translation invariance, blocked batches equal to single configurations bit
 * for bit, and bad input.
 */
class LennardJonesTest extends FixedModelContractTest {

    private static final LennardJones LJ13 = LennardJones.idem(13);

    LennardJonesTest() {
        super(LJ13, (rng, x) -> ParticleConfigurations.jitteredLattice(rng, x, 13, 3, 1.1, 0.08),
                "lj13", Map.of());
    }

    private static double[][] lattices(int rows, int particles, int spatialDimension,
            double spacing, long seed) {
        RandomStreams streams = RandomStreams.of(seed);
        double[][] xs = new double[rows][particles * spatialDimension];
        for (int r = 0; r < rows; r++) {
            ParticleConfigurations.jitteredLattice(streams.stream(r), xs[r], particles,
                    spatialDimension, spacing, 0.08);
        }
        return xs;
    }

    // ------------------------------------------------------------------ conventions

    @Test
    void presetsAreTheIdemConvention() {
        EnergyRegistry registry = EnergyRegistry.load();
        for (int n : new int[] {13, 55}) {
            LennardJones lj = (LennardJones) registry.create("lj" + n, Map.of());
            assertEquals(n, lj.particles());
            assertEquals(3, lj.spatialDimension());
            assertEquals(1.0, lj.epsilon());
            assertEquals(1.0, lj.rm());
            assertEquals(LennardJones.PairSum.ORDERED, lj.pairSum());
            assertEquals(1.0, lj.oscillatorScale());
            assertEquals(1e-6, lj.softening());
            assertEquals(n * 3, lj.manifold().dimension());
            assertEquals((n - 1) * 3, lj.manifold().degreesOfFreedom());
        }
        // The family's defaults are the same convention.
        LennardJones byFamily = (LennardJones) registry.create("lennard-jones",
                Map.of("particles", 13));
        assertEquals(LJ13.toString(), byFamily.toString());
    }

    /** Σ_{i≠j} [(1/r)¹² − 2(1/r)⁶] + ½ Σ_i |x_i − x̄|², r = √(|Δ|² + 10⁻⁶), written plainly. */
    private static double bruteForceLj13(double[] x, double[] gradient) {
        int n = 13;
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                mean[k] += x[3 * i + k] / n;
            }
        }
        java.util.Arrays.fill(gradient, 0);
        double energy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz + 1e-6);
                energy += Math.pow(1 / r, 12) - 2 * Math.pow(1 / r, 6);
                // d/dr [r⁻¹² − 2 r⁻⁶] = −12 r⁻¹³ + 12 r⁻⁷; ordered pairs: (i, j) and (j, i)
                double dPhi = -12 * Math.pow(r, -13) + 12 * Math.pow(r, -7);
                gradient[3 * i] += 2 * dPhi * dx / r;
                gradient[3 * i + 1] += 2 * dPhi * dy / r;
                gradient[3 * i + 2] += 2 * dPhi * dz / r;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double d = x[3 * i + k] - mean[k];
                energy += 0.5 * d * d;
                gradient[3 * i + k] += d;
            }
        }
        return energy;
    }

    @Test
    void lj13MatchesABruteForceOrderedPairSum() {
        double[] expectedGradient = new double[39];
        double[][] xs = lattices(20, 13, 3, 1.1, 11);
        // Include a compressed and a stretched configuration.
        for (int k = 0; k < 39; k++) {
            xs[0][k] *= 0.85;
            xs[1][k] *= 1.6;
        }
        for (double[] x : xs) {
            double expected = bruteForceLj13(x, expectedGradient);
            ParticleConfigurations.assertMatches(LJ13, x, expected, expectedGradient, 1e-11);
        }
    }

    @Test
    void pairSumConventionsDifferByTwiceThePairPart() {
        LennardJones ordered = LennardJones.of(6, 3, 1.5, 1.2, LennardJones.PairSum.ORDERED,
                0, 0.01);
        LennardJones unordered = LennardJones.of(6, 3, 1.5, 1.2,
                LennardJones.PairSum.UNORDERED, 0, 0.01);
        LennardJones doubled = LennardJones.of(6, 3, 3.0, 1.2, LennardJones.PairSum.UNORDERED,
                0, 0.01);
        for (double[] x : lattices(5, 6, 3, 1.3, 5)) {
            double u = unordered.energy(x);
            assertEquals(2 * u, ordered.energy(x), 1e-12 * Math.abs(u));
            assertEquals(doubled.energy(x), ordered.energy(x), 1e-12 * Math.abs(u));
        }
        // One pair at the minimum distance rm: −ε (unordered), −2ε (ordered).
        LennardJones pair = LennardJones.of(2, 3, 1.5, 1.2, LennardJones.PairSum.UNORDERED, 0, 0);
        double[] x = {0.3, -0.1, 0.2, 0.3, -0.1, 1.4};
        assertEquals(-1.5, pair.energy(x), 1e-14);
        double[] g = new double[6];
        pair.energyAndGradient(x, g);
        for (double component : g) {
            assertEquals(0, component, 1e-13);
        }
    }

    // ------------------------------------------------------------------ global minima

    /** The 12 vertices of an icosahedron of circumradius {@code radius} about the origin. */
    private static List<double[]> icosahedron(double radius) {
        double phi = (1 + Math.sqrt(5)) / 2;
        double norm = Math.sqrt(1 + phi * phi);
        List<double[]> vertices = new ArrayList<>();
        for (int s1 : new int[] {-1, 1}) {
            for (int s2 : new int[] {-1, 1}) {
                vertices.add(new double[] {0, s1, s2 * phi});
                vertices.add(new double[] {s1, s2 * phi, 0});
                vertices.add(new double[] {s2 * phi, 0, s1});
            }
        }
        for (double[] v : vertices) {
            for (int k = 0; k < 3; k++) {
                v[k] *= radius / norm;
            }
        }
        return vertices;
    }

    /**
     * The Mackay icosahedron with {@code shells} shells (1: 13 atoms, 2: 55): the centre, the
     * 12 vertices of the first shell at {@code radius}, and for the second shell its 12 vertices
     * at twice the radius plus the 30 edge midpoints v_a + v_b of neighbouring first-shell
     * vertices.
     */
    private static double[] mackay(int shells, double radius) {
        List<double[]> sites = new ArrayList<>();
        sites.add(new double[3]);
        List<double[]> first = icosahedron(radius);
        sites.addAll(first);
        if (shells == 2) {
            double edge = 0;
            for (double[] v : first) {
                double[] w = first.get(0);
                double d = Math.sqrt(sq(v[0] - w[0]) + sq(v[1] - w[1]) + sq(v[2] - w[2]));
                if (d > 0 && (edge == 0 || d < edge)) {
                    edge = d;
                }
            }
            for (double[] v : first) {
                sites.add(new double[] {2 * v[0], 2 * v[1], 2 * v[2]});
            }
            for (int a = 0; a < first.size(); a++) {
                for (int b = a + 1; b < first.size(); b++) {
                    double[] v = first.get(a);
                    double[] w = first.get(b);
                    double d = Math.sqrt(sq(v[0] - w[0]) + sq(v[1] - w[1]) + sq(v[2] - w[2]));
                    if (Math.abs(d - edge) < 1e-9) {
                        sites.add(new double[] {v[0] + w[0], v[1] + w[1], v[2] + w[2]});
                    }
                }
            }
        }
        double[] x = new double[3 * sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            System.arraycopy(sites.get(i), 0, x, 3 * i, 3);
        }
        return x;
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * A small L-BFGS (memory 10, backtracking Armijo line search) using our gradient, run until
     * max |∂U/∂x| &lt; {@code tolerance}.
     *
     * @return the minimiser
     */
    private static double[] minimise(EnergyModel model, double[] start, double tolerance) {
        int d = start.length;
        int memory = 10;
        double[][] s = new double[memory][d];
        double[][] y = new double[memory][d];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] x = start.clone();
        double[] g = new double[d];
        double[] trial = new double[d];
        double[] trialGradient = new double[d];
        double[] direction = new double[d];
        double u = model.energyAndGradient(x, g);
        int stored = 0;
        for (int iteration = 0; iteration < 20_000; iteration++) {
            if (maxAbs(g) < tolerance) {
                return x;
            }
            // Two-loop recursion: direction = −H g.
            for (int k = 0; k < d; k++) {
                direction[k] = -g[k];
            }
            for (int m = stored - 1; m >= Math.max(0, stored - memory); m--) {
                int slot = m % memory;
                alpha[slot] = rho[slot] * dot(s[slot], direction);
                axpy(-alpha[slot], y[slot], direction);
            }
            if (stored > 0) {
                int last = (stored - 1) % memory;
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                for (int k = 0; k < d; k++) {
                    direction[k] *= gamma;
                }
            }
            for (int m = Math.max(0, stored - memory); m < stored; m++) {
                int slot = m % memory;
                double beta = rho[slot] * dot(y[slot], direction);
                axpy(alpha[slot] - beta, s[slot], direction);
            }
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                for (int k = 0; k < d; k++) {
                    direction[k] = -g[k];
                }
                slope = dot(g, direction);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1, 0.01 / maxAbs(g)) : 1;
            double v;
            while (true) {
                for (int k = 0; k < d; k++) {
                    trial[k] = x[k] + step * direction[k];
                }
                v = model.energyAndGradient(trial, trialGradient);
                if (v <= u + 1e-4 * step * slope || step < 1e-20) {
                    break;
                }
                step /= 2;
            }
            int slot = stored % memory;
            for (int k = 0; k < d; k++) {
                s[slot][k] = trial[k] - x[k];
                y[slot][k] = trialGradient[k] - g[k];
            }
            double sy = dot(s[slot], y[slot]);
            if (sy > 0) {
                rho[slot] = 1 / sy;
                stored++;
            }
            System.arraycopy(trial, 0, x, 0, d);
            System.arraycopy(trialGradient, 0, g, 0, d);
            u = v;
        }
        throw new AssertionError("L-BFGS did not converge: max |gradient| = " + maxAbs(g));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void assertTextbookMinimum(int shells, int particles, double expected) {
        LennardJones textbook = LennardJones.textbook(particles, 3);
        double[] start = mackay(shells, 0.97);
        assertEquals(3 * particles, start.length, "Mackay icosahedron size");
        double[] minimum = minimise(textbook, start, 1e-8);
        // The tabulated minima have 6 decimals: 1e-5 allows their rounding; the residual
        // gradient adds an error ~ |g|²/curvature ≪ 1e-12.
        assertEquals(expected, textbook.energy(minimum), 1e-5,
                "LJ-" + particles + " textbook global minimum");
        // The iDEM convention doubles the pair part: without oscillator and softening it is
        // twice the textbook energy at the same configuration.
        LennardJones doubled = LennardJones.of(particles, 3, 1, 1,
                LennardJones.PairSum.ORDERED, 0, 0);
        assertEquals(2 * expected, doubled.energy(minimum), 2e-5);
    }

    @Test
    void lj13TextbookGlobalMinimumIsTheIcosahedron() {
        assertTextbookMinimum(1, 13, -44.326801);
    }

    @Test
    void lj55TextbookGlobalMinimumIsTheMackayIcosahedron() {
        assertTextbookMinimum(2, 55, -279.248470);
    }

    // ------------------------------------------------------------------ reference data

    /**
     * The mean and standard deviation of the energy of the 10000 centred reference samples
     * against {@code reference-data/README.md} (LJ-13: mean −43.00, std 7.10). The table gives
     * two decimals of the statistics of exactly these rows, so the allowance is the rounding,
     * 0.005, plus three standard errors (std/√N ≈ 0.071 for the mean, std/√(2N) ≈ 0.050 for the
     * std) in case the table came from a slightly different evaluation (float32 arithmetic, a
     * subset). A convention error is far outside it: the oscillator alone contributes +9.06 on
     * average and the pair-sum factor 2 changes the mean by 26. An independent NumPy (float64)
     * evaluation of the same rows gave mean −42.998082 and std 7.102144; we match it to 1e-6.
     */
    @Test
    void referenceSamplesHaveTheTabulatedEnergy() {
        double[][] rows = ParticleConfigurations.referenceRows("val_split_LJ13-1000.npy", 39);
        double[] stats = centredEnergyStatistics(LJ13, rows);
        int count = rows.length;
        assertEquals(10000, count);
        double mean = stats[0];
        double std = stats[1];
        assertEquals(-43.00, mean, 0.005 + 3 * std / Math.sqrt(count), "mean energy");
        assertEquals(7.10, std, 0.005 + 3 * std / Math.sqrt(2.0 * count), "energy std");
        assertEquals(-42.998082, mean, 1e-6, "mean energy against NumPy");
        assertEquals(7.102144, std, 1e-6, "energy std against NumPy");
    }

    /** Centres every row, evaluates the batch and returns {mean, std} of the energies. */
    static double[] centredEnergyStatistics(EnergyModel model, double[][] rows) {
        int d = model.dimension();
        double[] flat = ParticleConfigurations.flatten(rows);
        for (int r = 0; r < rows.length; r++) {
            model.manifold().canonicalise(flat, r * d);
        }
        double[] energies = new double[rows.length];
        model.energies(flat, 0, rows.length, energies);
        double sum = 0;
        for (double e : energies) {
            sum += e;
        }
        double mean = sum / rows.length;
        double squares = 0;
        for (double e : energies) {
            squares += (e - mean) * (e - mean);
        }
        return new double[] {mean, Math.sqrt(squares / rows.length)};
    }

    // ------------------------------------------------------------------ invariance and batches

    @Test
    void translationInvariantWithGradientSummingToZero() {
        for (LennardJones model : new LennardJones[] {LJ13,
                LennardJones.of(7, 2, 0.8, 1.3, LennardJones.PairSum.UNORDERED, 0, 0.05)}) {
            ParticleConfigurations.assertTranslationInvariant(model,
                    lattices(10, model.particles(), model.spatialDimension(), 1.4, 3), 3.7, -2.1);
        }
    }

    @Test
    void blockedBatchesEqualSingleConfigurationsBitForBit() {
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(LJ13, lattices(300, 13, 3, 1.1,
                21));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(LennardJones.idem(55),
                lattices(150, 55, 3, 1.1, 22));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(
                LennardJones.of(7, 2, 0.8, 1.3, LennardJones.PairSum.UNORDERED, 0, 0.05),
                lattices(200, 7, 2, 1.4, 23));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(
                LennardJones.of(9, 3, 1, 1, LennardJones.PairSum.ORDERED, 0.4, 0),
                lattices(140, 9, 3, 1.1, 24));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(
                LennardJones.of(5, 4, 1, 1, LennardJones.PairSum.ORDERED, 2, 0.1),
                lattices(40, 5, 4, 1.1, 25));
    }

    // ------------------------------------------------------------------ bad input

    /** Five particles, particle 3 placed on particle 1. */
    private static double[] coincident() {
        double[] x = lattices(1, 5, 3, 1.2, 9)[0];
        System.arraycopy(x, 3, x, 9, 3);
        return x;
    }

    @Test
    void coincidentParticlesWithoutSofteningHaveInfiniteEnergyAndNoGradient() {
        LennardJones bare = LennardJones.of(5, 3, 1, 1, LennardJones.PairSum.ORDERED, 1, 0);
        double[] x = coincident();
        assertEquals(Double.POSITIVE_INFINITY, bare.energy(x));
        SingularConfigurationException e = assertThrows(SingularConfigurationException.class,
                () -> bare.energyAndGradient(x, new double[15]));
        assertTrue(e.getMessage().contains("particles 1 and 3"), e.getMessage());
        // In batches, on both the per-row and the blocked path.
        for (int rows : new int[] {4, 40}) {
            double[][] xs = lattices(rows, 5, 3, 1.2, 10);
            xs[rows / 2] = x;
            double[] flat = ParticleConfigurations.flatten(xs);
            double[] energies = new double[rows];
            bare.energies(flat, 0, rows, energies);
            assertEquals(Double.POSITIVE_INFINITY, energies[rows / 2]);
            assertTrue(Double.isFinite(energies[rows / 2 + 1]));
            SingularConfigurationException batch = assertThrows(
                    SingularConfigurationException.class,
                    () -> bare.energyAndGradient(flat, 0, rows, energies, new double[rows * 15]));
            assertTrue(batch.getMessage().contains("configuration " + rows / 2)
                    && batch.getMessage().contains("particles 1 and 3"), batch.getMessage());
        }
        // With softening the same configuration is regular, and the coincident pair exerts no
        // force on each other.
        LennardJones soft = LennardJones.of(5, 3, 1, 1, LennardJones.PairSum.ORDERED, 1, 1e-6);
        double[] g = new double[15];
        double u = soft.energyAndGradient(x, g);
        assertTrue(Double.isFinite(u) && u > 1e30, "softened energy " + u);
        for (double component : g) {
            assertTrue(Double.isFinite(component));
        }
    }

    @Test
    void nonFiniteCoordinatesAreRejectedWithAMessage() {
        double[] flat = ParticleConfigurations.flatten(lattices(40, 13, 3, 1.1, 12));
        flat[17 * 39 + 4] = Double.NaN;
        for (int count : new int[] {8, 40}) {
            int start = count == 8 ? 12 : 0;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LJ13.energies(flat, start, count, new double[40]));
            assertTrue(e.getMessage().contains("configuration 17")
                    && e.getMessage().contains("coordinate 4 is NaN"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> LJ13.energyAndGradient(flat, start, count, new double[40],
                            new double[40 * 39]));
            assertTrue(e.getMessage().contains("configuration 17")
                    && e.getMessage().contains("NaN"), e.getMessage());
        }
        // An infinite coordinate without oscillator: the pair energy alone stays finite (the
        // particle is infinitely far away), but the gradient is rejected.
        LennardJones free = LennardJones.of(4, 3, 1, 1, LennardJones.PairSum.UNORDERED, 0, 0);
        double[] x = lattices(1, 4, 3, 1.2, 13)[0];
        x[10] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> free.energyAndGradient(x, new double[12]));
        assertTrue(e.getMessage().contains("coordinate 10 is Infinity"), e.getMessage());
        double[] y = x.clone();
        y[10] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> free.energy(y));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LJ13.energy(new double[38]));
        assertThrows(IllegalArgumentException.class, () -> LJ13.energy(new double[40]));
        assertThrows(IllegalArgumentException.class,
                () -> LJ13.energyAndGradient(new double[39], new double[38]));
        assertThrows(IllegalArgumentException.class,
                () -> LJ13.energies(new double[39 * 20 - 1], 0, 20, new double[20]));
        assertThrows(IllegalArgumentException.class,
                () -> LJ13.energies(new double[39 * 20], 0, 20, new double[19]));
        assertThrows(IllegalArgumentException.class,
                () -> LJ13.energyAndGradient(new double[39 * 20], 0, 20, new double[20],
                        new double[39 * 20 - 1]));
        assertThrows(IllegalArgumentException.class,
                () -> LJ13.energyAndGradient(new double[39 * 20], 5, 16, new double[21],
                        new double[39 * 21]));
        assertThrows(IllegalArgumentException.class,
                () -> LJ13.energies(new double[39 * 20], -1, 4, new double[20]));
    }

    private static void assertInvalid(String parameter, Map<String, Object> parameters) {
        assertInvalidParameter("lennard-jones", parameter, parameters);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> map = new HashMap<>();
        map.put("particles", 13);
        map.put(key, value);
        return map;
    }

    @Test
    void badParametersAreRejectedByName() {
        assertInvalid("particles", Map.of());
        assertInvalid("particles", with("particles", 1));
        assertInvalid("particles", with("particles", 2.5));
        assertInvalid("spatialDimension", with("spatialDimension", 0));
        assertInvalid("epsilon", with("epsilon", 0));
        assertInvalid("epsilon", with("epsilon", Double.POSITIVE_INFINITY));
        assertInvalid("rm", with("rm", -1));
        assertInvalid("pairSum", with("pairSum", "both"));
        assertInvalid("oscillatorScale", with("oscillatorScale", -0.5));
        assertInvalid("softening", with("softening", -1e-3));
        assertInvalid("softening", with("softening", Double.NaN));
        assertInvalid("sigma", with("sigma", 1));
        assertThrows(IllegalArgumentException.class,
                () -> LennardJones.of(1, 3, 1, 1, LennardJones.PairSum.ORDERED, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LennardJones.of(4, 3, 0, 1, LennardJones.PairSum.ORDERED, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LennardJones.of(4, 3, 1, Double.NaN, LennardJones.PairSum.ORDERED, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LennardJones.of(4, 3, 1, 1, null, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LennardJones.of(4, 3, 1, 1, LennardJones.PairSum.ORDERED, -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LennardJones.of(4, 3, 1, 1, LennardJones.PairSum.ORDERED, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> LennardJones.PairSum.of("all"));
    }
}
