package io.github.targetscore.examples.embedding;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;

/**
 * A simulation code using targetscore: its own Morse potential ({@link LegacyMorseCluster}),
 * adapted in a few lines ({@link MorseClusterEnergy}), gives the Boltzmann density at room
 * temperature and its score ∇log p = β F, the quantity score-based samplers need.
 *
 * <pre>
 * java -cp "examples/target/targetscore-examples-VERSION.jar:examples/target/lib/*" \
 *     io.github.targetscore.examples.embedding.EmbeddingExample
 * </pre>
 */
public final class EmbeddingExample {

    /** Boltzmann's constant in eV/K, the simulation code's energy unit per kelvin. */
    private static final double BOLTZMANN_EV_PER_KELVIN = 8.617333262e-5;
    private static final double TEMPERATURE_KELVIN = 300;
    private static final double WELL_DEPTH_EV = 0.34;
    private static final double RANGE = 6;
    private static final double EQUILIBRIUM_DISTANCE_ANGSTROM = 2.6;

    private EmbeddingExample() {
    }

    /**
     * Evaluates energy, log-density and score of a 13-atom icosahedral cluster and prints them.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LegacyMorseCluster legacy = new LegacyMorseCluster(13, WELL_DEPTH_EV, RANGE,
                EQUILIBRIUM_DISTANCE_ANGSTROM);
        EnergyModel energy = new MorseClusterEnergy(legacy);
        double kT = BOLTZMANN_EV_PER_KELVIN * TEMPERATURE_KELVIN;
        BoltzmannDensity density = BoltzmannDensity.of(energy, 1 / kT);

        double[] x = icosahedron(EQUILIBRIUM_DISTANCE_ANGSTROM);
        double[] score = new double[energy.manifold().tangentDimension()];
        double logDensity = density.logDensityAndScore(x, score);

        System.out.printf("Morse cluster of %d atoms at T = %.0f K (kT = %.5f eV, β = %.3f /eV)%n",
                legacy.getNumberOfAtoms(), TEMPERATURE_KELVIN, kT, density.beta());
        System.out.printf("energy U(x)          = %.6f eV%n", energy.energy(x));
        System.out.printf("log-density −βU(x)   = %.4f (+ const)%n", logDensity);
        for (int atom = 0; atom < 3; atom++) {
            System.out.printf("score of atom %2d     = (%9.4f, %9.4f, %9.4f) /Å%n", atom,
                    score[3 * atom], score[3 * atom + 1], score[3 * atom + 2]);
        }
    }

    /**
     * A centred atom and the 12 vertices of a regular icosahedron at distance {@code radius}
     * from it, particle-major.
     */
    static double[] icosahedron(double radius) {
        double phi = (1 + Math.sqrt(5)) / 2;
        double scale = radius / Math.sqrt(1 + phi * phi);
        double[] x = new double[13 * 3];
        int atom = 1;
        for (int axis = 0; axis < 3; axis++) {
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    // cyclic permutations of (0, ±1, ±φ)
                    x[3 * atom + (axis + 1) % 3] = s1 * scale;
                    x[3 * atom + (axis + 2) % 3] = s2 * phi * scale;
                    atom++;
                }
            }
        }
        return x;
    }
}
