package io.github.targetscore.core;

import io.github.targetscore.core.manifold.Manifold;
import java.util.Objects;

/**
 * A skeleton {@link EnergyModel}, in the manner of {@link java.util.AbstractList}: it implements
 * the four energy methods of the interface, with all of their argument and result checks, on top
 * of two per-configuration kernels working at offsets into flat arrays,
 * {@link #energyAt(double[], int)} and {@link #energyAndGradientAt(double[], int, double[], int)}.
 *
 * <p>What the public methods do, for every subclass:
 * <ul>
 *   <li>a configuration of the wrong length, or a batch range its arrays cannot hold, is an
 *       {@link IllegalArgumentException} (see {@link Batches});
 *   <li>a kernel result below {@code +∞} is returned as it is: one comparison per
 *       configuration is the whole cost of the checks;
 *   <li>otherwise {@link #nonFiniteEnergy} decides for the energy methods (by default: NaN is an
 *       {@link IllegalArgumentException} naming the row and the first non-finite coordinate,
 *       {@code +∞} is returned, the density being 0 there) and {@link #nonFiniteGradient} for
 *       the gradient methods (by default the same {@link IllegalArgumentException} for NaN, and
 *       {@link SingularConfigurationException} for {@code +∞}).
 * </ul>
 *
 * <p>The batch methods run the kernels row by row, without allocating; a subclass with a faster
 * batch path (for example blocked, vectorisable loops) overrides
 * {@link #computeEnergies(double[], int, int, double[])} and
 * {@link #computeEnergiesAndGradients(double[], int, int, double[], double[])}, which are called
 * with arguments already checked, and reports its results through
 * {@link #checkedEnergy(double, double[], int)} and
 * {@link #checkedGradientEnergy(double, double[], int)}.
 *
 * <p>Subclasses must be immutable and thread-safe, as every {@link EnergyModel}.
 */
public abstract class AbstractEnergyModel implements EnergyModel {

    private final Manifold manifold;
    private final int dimension;
    private final int tangentDimension;

    /**
     * @param manifold the space of the configurations; its dimensions are read once, here
     */
    protected AbstractEnergyModel(Manifold manifold) {
        this.manifold = Objects.requireNonNull(manifold, "manifold");
        this.dimension = manifold.dimension();
        this.tangentDimension = manifold.tangentDimension();
    }

    @Override
    public Manifold manifold() {
        return manifold;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final double energy(double[] x) {
        Batches.checkLength(x, dimension, "configuration");
        return checkedEnergy(energyAt(x, 0), x, -1);
    }

    @Override
    public final double energyAndGradient(double[] x, double[] gradient) {
        Batches.checkLength(x, dimension, "configuration");
        Batches.checkLength(gradient, tangentDimension, "gradient");
        return checkedGradientEnergy(energyAndGradientAt(x, 0, gradient, 0), x, -1);
    }

    @Override
    public final void energies(double[] xs, int start, int count, double[] energies) {
        Batches.checkRows(xs, dimension, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        computeEnergies(xs, start, count, energies);
    }

    @Override
    public final void energyAndGradient(double[] xs, int start, int count, double[] energies,
            double[] gradients) {
        Batches.checkRows(xs, dimension, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        Batches.checkRows(gradients, tangentDimension, start, count, "gradients");
        computeEnergiesAndGradients(xs, start, count, energies, gradients);
    }

    /**
     * U of the configuration {@code xs[offset .. offset + dimension() − 1]}, unchecked: NaN for
     * NaN coordinates, possibly {@code +∞}. Must not allocate.
     *
     * @param xs configurations
     * @param offset index of the first coordinate
     * @return U
     */
    protected abstract double energyAt(double[] xs, int offset);

    /**
     * U of the configuration at {@code offset}, with ∇U written (overwriting) to
     * {@code gradients[gradientOffset .. gradientOffset + tangentDimension − 1]}. Unchecked: the
     * result may be NaN or {@code +∞}, and a kernel may make it so when the gradient is not
     * finite, so that one comparison catches both. Must not allocate.
     *
     * @param xs configurations
     * @param offset index of the first coordinate
     * @param gradients output
     * @param gradientOffset index of the first gradient component
     * @return U
     */
    protected abstract double energyAndGradientAt(double[] xs, int offset, double[] gradients,
            int gradientOffset);

    /**
     * The batch kernel of {@link #energies(double[], int, int, double[])}, called with checked
     * arguments: {@link #energyAt} row by row.
     *
     * @param xs configurations, row {@code i} at {@code xs[i * dimension()]}
     * @param start first row
     * @param count number of rows
     * @param energies output, {@code energies[i]} for row {@code i}, each through
     *     {@link #checkedEnergy}
     */
    protected void computeEnergies(double[] xs, int start, int count, double[] energies) {
        for (int row = start; row < start + count; row++) {
            energies[row] = checkedEnergy(energyAt(xs, row * dimension), xs, row);
        }
    }

    /**
     * The batch kernel of {@link #energyAndGradient(double[], int, int, double[], double[])},
     * called with checked arguments: {@link #energyAndGradientAt} row by row.
     *
     * @param xs configurations, row {@code i} at {@code xs[i * dimension()]}
     * @param start first row
     * @param count number of rows
     * @param energies output, {@code energies[i]} for row {@code i}, each through
     *     {@link #checkedGradientEnergy}
     * @param gradients output, row {@code i} at {@code gradients[i * tangentDimension]}
     */
    protected void computeEnergiesAndGradients(double[] xs, int start, int count,
            double[] energies, double[] gradients) {
        int d = dimension;
        int t = tangentDimension;
        for (int row = start; row < start + count; row++) {
            int offset = row * d;
            // The same offset where the rows are as wide (any Euclidean space): the JIT then
            // knows that both rows start together and folds the kernels' index arithmetic.
            int gradientOffset = t == d ? offset : row * t;
            energies[row] = checkedGradientEnergy(
                    energyAndGradientAt(xs, offset, gradients, gradientOffset), xs, row);
        }
    }

    /**
     * The energy to report for a kernel result {@code u} of the energy methods: {@code u} if it
     * is below {@code +∞}, otherwise {@link #nonFiniteEnergy}'s verdict.
     *
     * @param u the kernel's result
     * @param xs configurations
     * @param row the row of a batch, or −1 for a single configuration (at offset 0)
     * @return the energy
     */
    protected final double checkedEnergy(double u, double[] xs, int row) {
        return u < Double.POSITIVE_INFINITY ? u : nonFiniteEnergy(u, xs, offset(row), row);
    }

    /**
     * The energy to report for a kernel result {@code u} of the gradient methods: {@code u} if
     * it is below {@code +∞}; otherwise {@link #nonFiniteGradient}'s exception is thrown.
     *
     * @param u the kernel's result
     * @param xs configurations
     * @param row the row of a batch, or −1 for a single configuration (at offset 0)
     * @return the energy
     */
    protected final double checkedGradientEnergy(double u, double[] xs, int row) {
        if (u < Double.POSITIVE_INFINITY) {
            return u;
        }
        throw nonFiniteGradient(u, xs, offset(row), row);
    }

    /**
     * The slow path of the energy methods, for a kernel result that is NaN or {@code ±∞}:
     * returns the energy to report or throws. By default NaN is an
     * {@link IllegalArgumentException} naming the row and the first non-finite coordinate, and
     * an infinite energy is returned.
     *
     * @param u the kernel's result
     * @param xs configurations
     * @param offset index of the configuration's first coordinate
     * @param row the row of a batch, or −1 for a single configuration
     * @return the energy to report
     */
    protected double nonFiniteEnergy(double u, double[] xs, int offset, int row) {
        if (Double.isNaN(u)) {
            throw nanEnergy(xs, offset, row);
        }
        return u;
    }

    /**
     * The slow path of the gradient methods, for a kernel result that is NaN or {@code ±∞}: the
     * exception to throw. By default NaN is an {@link IllegalArgumentException} naming the row
     * and the first non-finite coordinate, an infinite energy a
     * {@link SingularConfigurationException}.
     *
     * @param u the kernel's result
     * @param xs configurations
     * @param offset index of the configuration's first coordinate
     * @param row the row of a batch, or −1 for a single configuration
     * @return the exception
     */
    protected RuntimeException nonFiniteGradient(double u, double[] xs, int offset, int row) {
        if (Double.isNaN(u)) {
            return nanEnergy(xs, offset, row);
        }
        return new SingularConfigurationException(where(row) + "energy is " + u
                + ", the gradient is undefined: " + Batches.describeNonFinite(xs, offset,
                        dimension));
    }

    /**
     * The start of a message about a configuration: {@code "configuration 7: "} for batch rows,
     * {@code ""} for single configurations (row &lt; 0).
     */
    protected static String where(int row) {
        return row < 0 ? "" : "configuration " + row + ": ";
    }

    private IllegalArgumentException nanEnergy(double[] xs, int offset, int row) {
        return new IllegalArgumentException(where(row) + "energy is NaN: "
                + Batches.describeNonFinite(xs, offset, dimension));
    }

    private int offset(int row) {
        return row < 0 ? 0 : row * dimension;
    }
}
