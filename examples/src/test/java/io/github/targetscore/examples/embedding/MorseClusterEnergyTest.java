package io.github.targetscore.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The Morse adapter against the legacy code it wraps: energies equal, gradient = −force and
 * matching finite differences of the legacy energy, batches equal to single calls. (It is not
 * registered with the energy registry, so the registry-based contract test does not apply.)
 */
class MorseClusterEnergyTest {

    private static final int ATOMS = 7;
    private static final int CONFIGURATIONS = 8;
    private final LegacyMorseCluster legacy = new LegacyMorseCluster(ATOMS, 0.34, 6, 2.6);
    private final EnergyModel energy = new MorseClusterEnergy(legacy);

    /** Random clusters: atoms jittered around a line with spacing r0, never coincident. */
    private static double[][] configurations() {
        RandomStreams streams = RandomStreams.of(99);
        double[][] xs = new double[CONFIGURATIONS][3 * ATOMS];
        for (int c = 0; c < CONFIGURATIONS; c++) {
            UniformRandomProvider rng = streams.stream(c);
            for (int i = 0; i < 3 * ATOMS; i++) {
                xs[c][i] = (i % 3 == 0 ? 2.6 * (i / 3) : 0) + rng.nextDouble(-0.5, 0.5);
            }
        }
        return xs;
    }

    private double legacyEnergy(double[] x) {
        double[][] positions = new double[ATOMS][];
        for (int i = 0; i < ATOMS; i++) {
            positions[i] = new double[] {x[3 * i], x[3 * i + 1], x[3 * i + 2]};
        }
        return legacy.computeForces(positions, new double[ATOMS][3]);
    }

    @Test
    void gradientIsMinusTheLegacyForceAndMatchesFiniteDifferences() {
        double h = 1e-5;
        double[] gradient = new double[3 * ATOMS];
        for (double[] x : configurations()) {
            double u = energy.energyAndGradient(x, gradient);
            assertEquals(legacyEnergy(x), u, 0.0);
            for (int i = 0; i < x.length; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double fd = (legacyEnergy(up) - legacyEnergy(down)) / (2 * h);
                assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(gradient[i])),
                        "component " + i);
            }
        }
    }

    @Test
    void batchesInParallelEqualSingleCalls() {
        double[][] xs = configurations();
        int d = energy.dimension();
        double[] flat = new double[CONFIGURATIONS * d];
        for (int c = 0; c < CONFIGURATIONS; c++) {
            System.arraycopy(xs[c], 0, flat, c * d, d);
        }
        double[] energies = new double[CONFIGURATIONS];
        double[] gradients = new double[CONFIGURATIONS * d];
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            ParallelEnergies.of(pool, 1).energyAndGradient(energy, flat, 0, CONFIGURATIONS,
                    energies, gradients);
        } finally {
            pool.shutdown();
        }
        double[] gradient = new double[d];
        for (int c = 0; c < CONFIGURATIONS; c++) {
            assertEquals(energy.energyAndGradient(xs[c], gradient), energies[c], 0.0);
            assertArrayEquals(gradient, Arrays.copyOfRange(gradients, c * d, (c + 1) * d),
                    0.0);
        }
    }

    @Test
    void scoreIsBetaTimesTheForce() {
        double[] x = EmbeddingExample.icosahedron(2.6);
        LegacyMorseCluster cluster = new LegacyMorseCluster(13, 0.34, 6, 2.6);
        double beta = 38.7;
        double[] score = new double[39];
        BoltzmannDensity.of(new MorseClusterEnergy(cluster), beta).logDensityAndScore(x, score);
        double[][] positions = new double[13][];
        double[][] forces = new double[13][3];
        for (int i = 0; i < 13; i++) {
            positions[i] = Arrays.copyOfRange(x, 3 * i, 3 * i + 3);
        }
        cluster.computeForces(positions, forces);
        for (int i = 0; i < 13; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(beta * forces[i][k], score[3 * i + k], 1e-9);
            }
        }
    }

    @Test
    void rejectsWrongLengthsAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> energy.energy(new double[5]));
        double[] x = configurations()[0];
        assertThrows(IllegalArgumentException.class,
                () -> energy.energyAndGradient(x, new double[4]));
        x[4] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> energy.energy(x));
        assertTrue(e.getMessage().contains("coordinate 4 is NaN"), e.getMessage());
    }
}
