package io.github.targetscore.core;

import io.github.targetscore.core.manifold.Manifold;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A potential energy U(x) and its gradient: the contract between a simulation code and
 * targetscore.
 *
 * <p>The sampled density is the Boltzmann density p(x) ∝ exp(−β U(x)) with β = 1/kT; see
 * {@link BoltzmannDensity}. An energy model speaks energies and forces only (what a simulation
 * code already computes), never densities, and carries no temperature.
 *
 * <p>Coordinates are flat {@code double[]} arrays in the {@linkplain #manifold() manifold}'s
 * coordinates, particle-major for particle systems ({@code x1, y1, z1, x2, ...}). Gradients are
 * written in tangent coordinates, {@link Manifold#tangentDimension()} values per configuration
 * (the same as the coordinates on Euclidean spaces).
 *
 * <p>Implementations are stateless and thread-safe. Batch methods write into caller-owned arrays
 * and must not allocate per configuration; the defaults here loop over the single-configuration
 * methods and allocate two scratch arrays per call, so implementations with a hot inner loop
 * should override {@link #energyAndGradient(double[], int, int, double[], double[])}.
 *
 * <p>Bad input fails fast: a wrong array length is an {@link IllegalArgumentException}; a
 * configuration whose energy is not a number (NaN coordinates) is an
 * {@link IllegalArgumentException} naming the first non-finite coordinate. The energy may be
 * {@code +∞} where the density vanishes (for example coincident particles without softening);
 * the gradient is undefined there and {@code energyAndGradient} throws
 * {@link SingularConfigurationException}.
 */
public interface EnergyModel {

    /** The space the configurations live on. */
    Manifold manifold();

    /** Number of coordinates of one configuration: {@code manifold().dimension()}. */
    default int dimension() {
        return manifold().dimension();
    }

    /**
     * The energy U(x), in the model's energy units (kT = 1/β).
     *
     * @param x one configuration, {@link #dimension()} coordinates
     * @return U(x), possibly {@code +∞}, never NaN
     */
    double energy(double[] x);

    /**
     * The energy U(x) and its gradient ∇U(x) (minus the force).
     *
     * @param x one configuration, {@link #dimension()} coordinates
     * @param gradient output, {@code manifold().tangentDimension()} values, overwritten
     * @return U(x), finite
     */
    double energyAndGradient(double[] x, double[] gradient);

    /**
     * Energies of the configurations {@code start .. start + count − 1} of a row-major batch.
     *
     * @param xs configurations, row {@code i} at {@code xs[i * dimension()]}
     * @param start first row
     * @param count number of rows
     * @param energies output, {@code energies[i]} for row {@code i}
     */
    default void energies(double[] xs, int start, int count, double[] energies) {
        int d = dimension();
        Batches.checkRows(xs, d, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        double[] x = new double[d];
        for (int i = start; i < start + count; i++) {
            System.arraycopy(xs, i * d, x, 0, d);
            energies[i] = energy(x);
        }
    }

    /**
     * Energies and gradients of the configurations {@code start .. start + count − 1} of a
     * row-major batch.
     *
     * @param xs configurations, row {@code i} at {@code xs[i * dimension()]}
     * @param start first row
     * @param count number of rows
     * @param energies output, {@code energies[i]} for row {@code i}
     * @param gradients output, row {@code i} at {@code gradients[i * tangentDimension]}
     */
    default void energyAndGradient(double[] xs, int start, int count, double[] energies,
            double[] gradients) {
        int d = dimension();
        int t = manifold().tangentDimension();
        Batches.checkRows(xs, d, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        Batches.checkRows(gradients, t, start, count, "gradients");
        double[] x = new double[d];
        double[] g = new double[t];
        for (int i = start; i < start + count; i++) {
            System.arraycopy(xs, i * d, x, 0, d);
            energies[i] = energyAndGradient(x, g);
            System.arraycopy(g, 0, gradients, i * t, t);
        }
    }

    /**
     * An exact sampler of exp(−U(x)) / Z at β = 1, when the model has one (Gaussian mixtures,
     * many-well): the ground truth that samplers are tested against.
     */
    default Optional<ExactSampler> exactSampler() {
        return Optional.empty();
    }

    /** log Z = log ∫ exp(−U(x)) dx at β = 1, when known in closed form. */
    default OptionalDouble logPartitionFunction() {
        return OptionalDouble.empty();
    }

    /**
     * The exact score of the noised density p_Y for Y = αX + σW, X ~ exp(−U)/Z, when known in
     * closed form (Gaussian mixtures): the oracle for score estimators.
     */
    default Optional<NoisedScore> noisedScore() {
        return Optional.empty();
    }

    /**
     * The exact posterior p(x|y) for Y = αX + σW, X ~ exp(−U)/Z, when it is tractable (Gaussian
     * mixtures): the oracle for posterior samplers.
     */
    default Optional<ExactPosterior> exactPosterior() {
        return Optional.empty();
    }
}
