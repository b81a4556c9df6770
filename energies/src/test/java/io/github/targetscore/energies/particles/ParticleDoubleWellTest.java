package io.github.targetscore.energies.particles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.SingularConfigurationException;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.FixedModelContractTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The energy contract for the {@code dw4} preset, and the DW-4 checks: a brute-force pair sum,
 * the reference samples' mean energy, the pair minimum, translation invariance, blocked batches
 * equal to single configurations bit for bit, coincident particles and bad input.
 */
class ParticleDoubleWellTest extends FixedModelContractTest {

    private static final ParticleDoubleWell DW4 = ParticleDoubleWell.dw4();

    ParticleDoubleWellTest() {
        super(DW4, (rng, x) -> ParticleConfigurations.gaussian(rng, x, 2), "dw4", Map.of());
    }

    private static double[][] gaussians(int rows, int dimension, double std, long seed) {
        RandomStreams streams = RandomStreams.of(seed);
        double[][] xs = new double[rows][dimension];
        for (int r = 0; r < rows; r++) {
            ParticleConfigurations.gaussian(streams.stream(r), xs[r], std);
        }
        return xs;
    }

    @Test
    void presetAndDefaultsAreDw4() {
        EnergyRegistry registry = EnergyRegistry.load();
        for (String name : new String[] {"dw4", "particle-double-well"}) {
            ParticleDoubleWell dw = (ParticleDoubleWell) registry.create(name, Map.of());
            assertEquals(DW4.toString(), dw.toString());
        }
        assertEquals(4, DW4.particles());
        assertEquals(2, DW4.spatialDimension());
        assertEquals(0.0, DW4.a());
        assertEquals(-4.0, DW4.b());
        assertEquals(0.9, DW4.c());
        assertEquals(4.0, DW4.d0());
        assertEquals(1.0, DW4.tau());
        assertEquals(6, DW4.manifold().degreesOfFreedom());
    }

    /** Σ_{i<j} [0.9 (d − 4)⁴ − 4 (d − 4)²] and its gradient, written plainly. */
    private static double bruteForceDw4(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double energy = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                double dx = x[2 * i] - x[2 * j];
                double dy = x[2 * i + 1] - x[2 * j + 1];
                double d = Math.hypot(dx, dy);
                energy += 0.9 * Math.pow(d - 4, 4) - 4 * Math.pow(d - 4, 2);
                double dU = 3.6 * Math.pow(d - 4, 3) - 8 * (d - 4);
                gradient[2 * i] += dU * dx / d;
                gradient[2 * i + 1] += dU * dy / d;
                gradient[2 * j] -= dU * dx / d;
                gradient[2 * j + 1] -= dU * dy / d;
            }
        }
        return energy;
    }

    @Test
    void dw4MatchesABruteForcePairSum() {
        double[] expectedGradient = new double[8];
        for (double[] x : gaussians(50, 8, 2, 31)) {
            double expected = bruteForceDw4(x, expectedGradient);
            ParticleConfigurations.assertMatches(DW4, x, expected, expectedGradient, 1e-12);
        }
    }

    @Test
    void pairMinimumIsAtFourPlusOrMinusSqrtTwentyNinths() {
        ParticleDoubleWell pair = ParticleDoubleWell.of(2, 2, 0, -4, 0.9, 4, 1);
        double[] g = new double[4];
        for (double d : new double[] {4 + Math.sqrt(20.0 / 9), 4 - Math.sqrt(20.0 / 9)}) {
            double[] x = {1, 2, 1 + d * 0.6, 2 - d * 0.8};
            // U = 0.9 u⁴ − 4 u² at u² = 20/9: −40/9.
            assertEquals(-40.0 / 9, pair.energyAndGradient(x, g), 1e-13);
            for (double component : g) {
                assertEquals(0, component, 1e-13);
            }
        }
        // τ divides the energy; a adds a linear term.
        ParticleDoubleWell scaled = ParticleDoubleWell.of(2, 2, 0.5, -4, 0.9, 4, 2);
        double[] x = {0, 0, 3, 4};
        assertEquals((0.5 + 0.9 - 4) / 2, scaled.energy(x), 1e-14);
    }

    /**
     * The mean and standard deviation of the energy of the 10000 centred reference samples
     * against {@code reference-data/README.md} (DW-4: mean −22.47, std 1.90). Allowance: the
     * two-decimal rounding, 0.005, plus three standard errors (std/√N ≈ 0.019 for the mean,
     * std/√(2N) ≈ 0.013 for the std), as for LJ-13. An independent NumPy (float64) evaluation
     * of the same rows gave mean −22.468640 and std 1.901144; we match it to 1e-6.
     */
    @Test
    void referenceSamplesHaveTheTabulatedEnergy() {
        double[][] rows = ParticleConfigurations.referenceRows("val_split_DW4.npy", 8);
        assertEquals(10000, rows.length);
        double[] stats = LennardJonesTest.centredEnergyStatistics(DW4, rows);
        double mean = stats[0];
        double std = stats[1];
        int count = rows.length;
        assertEquals(-22.47, mean, 0.005 + 3 * std / Math.sqrt(count), "mean energy");
        assertEquals(1.90, std, 0.005 + 3 * std / Math.sqrt(2.0 * count), "energy std");
        assertEquals(-22.468640, mean, 1e-6, "mean energy against NumPy");
        assertEquals(1.901144, std, 1e-6, "energy std against NumPy");
    }

    @Test
    void translationInvariantWithGradientSummingToZero() {
        ParticleDoubleWell threeD = ParticleDoubleWell.of(5, 3, 0.3, -2, 0.5, 2, 2);
        for (ParticleDoubleWell model : new ParticleDoubleWell[] {DW4, threeD}) {
            ParticleConfigurations.assertTranslationInvariant(model,
                    gaussians(10, model.dimension(), 2, 4), -5.3, 1.7);
        }
    }

    @Test
    void blockedBatchesEqualSingleConfigurationsBitForBit() {
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(DW4, gaussians(300, 8, 2, 41));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(
                ParticleDoubleWell.of(5, 3, 0.3, -2, 0.5, 2, 2), gaussians(200, 15, 1.5, 42));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(
                ParticleDoubleWell.of(3, 1, 1, 0, 0, 1, 1), gaussians(150, 3, 1, 43));
        ParticleConfigurations.assertBatchEqualsSingleBitForBit(DW4, gaussians(100, 8, 2, 46));
    }

    @Test
    void coincidentParticlesHaveAFiniteEnergyButNoGradient() {
        double[] x = {0.5, -1, 2, 3, 0.5, -1, -2, 1};
        double[] g = new double[8];
        double[] expectedGradient = new double[8];
        assertEquals(bruteForceDw4(x.clone(), expectedGradient), DW4.energy(x), 1e-12);
        SingularConfigurationException e = assertThrows(SingularConfigurationException.class,
                () -> DW4.energyAndGradient(x, g));
        assertTrue(e.getMessage().contains("particles 0 and 2"), e.getMessage());
        for (int rows : new int[] {3, 130}) {
            double[][] xs = gaussians(rows, 8, 2, 44);
            xs[rows - 1] = x;
            double[] flat = ParticleConfigurations.flatten(xs);
            double[] energies = new double[rows];
            DW4.energies(flat, 0, rows, energies);
            assertEquals(DW4.energy(x), energies[rows - 1], 0.0);
            SingularConfigurationException batch = assertThrows(
                    SingularConfigurationException.class,
                    () -> DW4.energyAndGradient(flat, 0, rows, energies, new double[rows * 8]));
            assertTrue(batch.getMessage().contains("configuration " + (rows - 1))
                    && batch.getMessage().contains("particles 0 and 2"), batch.getMessage());
        }
    }

    @Test
    void nonFiniteCoordinatesAreRejectedWithAMessage() {
        int rows = 140;
        double[][] xs = gaussians(rows, 8, 2, 45);
        double[] flat = ParticleConfigurations.flatten(xs);
        flat[23 * 8 + 5] = Double.NaN;
        for (int count : new int[] {4, rows}) {
            int start = count == 4 ? 21 : 0;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DW4.energies(flat, start, count, new double[rows]));
            assertTrue(e.getMessage().contains("configuration 23")
                    && e.getMessage().contains("coordinate 5 is NaN"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> DW4.energyAndGradient(flat, start, count, new double[rows],
                            new double[rows * 8]));
            assertTrue(e.getMessage().contains("configuration 23")
                    && e.getMessage().contains("NaN"), e.getMessage());
        }
        double[] x = xs[0].clone();
        x[3] = Double.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DW4.energyAndGradient(x, new double[8]));
        assertTrue(e.getMessage().contains("coordinate 3 is -Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DW4.energy(x));
        assertTrue(e.getMessage().contains("coordinate 3 is -Infinity"), e.getMessage());
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DW4.energy(new double[7]));
        assertThrows(IllegalArgumentException.class,
                () -> DW4.energyAndGradient(new double[8], new double[9]));
        assertThrows(IllegalArgumentException.class,
                () -> DW4.energies(new double[8 * 20], 0, 21, new double[21]));
        assertThrows(IllegalArgumentException.class,
                () -> DW4.energyAndGradient(new double[8 * 20], 0, 20, new double[20],
                        new double[8 * 19]));
    }

    private static void assertInvalid(String parameter, Map<String, Object> parameters) {
        assertInvalidParameter("particle-double-well", parameter, parameters);
    }

    private static Map<String, Object> with(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            map.put((String) keyValues[k], keyValues[k + 1]);
        }
        return map;
    }

    @Test
    void badParametersAreRejectedByName() {
        assertInvalid("particles", with("particles", 1));
        assertInvalid("spatialDimension", with("spatialDimension", 0));
        assertInvalid("tau", with("tau", 0));
        assertInvalid("c", with("c", -0.1));
        assertInvalid("b", with("c", 0, "b", -1));
        assertInvalid("a", with("c", 0, "b", 0, "a", -1));
        assertInvalid("c", with("c", 0, "b", 0, "a", 0));
        assertInvalid("d0", with("d0", -1));
        assertInvalid("a", with("a", Double.POSITIVE_INFINITY));
        assertInvalid("width", with("width", 1));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleDoubleWell.of(1, 2, 0, -4, 0.9, 4, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleDoubleWell.of(4, 2, 0, -4, 0.9, 4, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleDoubleWell.of(4, 2, 0, -4, -0.9, 4, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleDoubleWell.of(4, 2, Double.NaN, -4, 0.9, 4, 1));
        // Normalisable with c = 0 when b > 0.
        assertEquals(8, EnergyRegistry.load().create("particle-double-well",
                with("c", 0, "b", 1)).dimension());
    }
}
