package io.github.targetscore.energies.wells;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.SingularConfigurationException;
import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.Manifold;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The common implementation of {@link DoubleWell} and {@link ManyWell}: m independent blocks of
 * width w ∈ {1, 2}, each a {@link QuarticWell} f in its first coordinate and, when w = 2, a unit
 * harmonic term in its second:
 *
 * <pre>
 * U(x) = Σ_{i&lt;m} [ f(x_{wi}) (+ ½ x_{wi+1}²) ],   ∂U/∂x_{wi} = f'(x_{wi}),   ∂U/∂x_{wi+1} = x_{wi+1},
 * log Z = m (log Z_f (+ ½ log 2π)).
 * </pre>
 *
 * Exact samples draw every block independently: x_{wi} from exp(−f)/Z_f by rejection, x_{wi+1}
 * standard normal.
 */
abstract class WellSum implements EnergyModel {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final QuarticWell well;
    private final int blocks;
    private final int width;
    private final EuclideanSpace space;

    /**
     * @param well the quartic factor f
     * @param blocks number of blocks m ≥ 1
     * @param width coordinates per block, 1 or 2
     */
    WellSum(QuarticWell well, int blocks, int width) {
        this.well = well;
        this.blocks = blocks;
        this.width = width;
        this.space = EuclideanSpace.of(blocks * width);
    }

    /** The quartic factor f. */
    final QuarticWell well() {
        return well;
    }

    @Override
    public final Manifold manifold() {
        return space;
    }

    @Override
    public final double energy(double[] x) {
        Batches.checkLength(x, space.dimension(), "configuration");
        return checked(energyAt(x, 0, null, 0), x, -1, false);
    }

    @Override
    public final double energyAndGradient(double[] x, double[] gradient) {
        Batches.checkLength(x, space.dimension(), "configuration");
        Batches.checkLength(gradient, space.dimension(), "gradient");
        return checked(energyAt(x, 0, gradient, 0), x, -1, true);
    }

    @Override
    public final void energies(double[] xs, int start, int count, double[] energies) {
        int d = space.dimension();
        Batches.checkRows(xs, d, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        for (int row = start; row < start + count; row++) {
            energies[row] = checked(energyAt(xs, row * d, null, 0), xs, row, false);
        }
    }

    @Override
    public final void energyAndGradient(double[] xs, int start, int count, double[] energies,
            double[] gradients) {
        int d = space.dimension();
        Batches.checkRows(xs, d, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        Batches.checkRows(gradients, d, start, count, "gradients");
        for (int row = start; row < start + count; row++) {
            energies[row] = checked(energyAt(xs, row * d, gradients, row * d), xs, row, true);
        }
    }

    /** U of the row at {@code offset}; writes ∇U at {@code gradientOffset} unless null. */
    private double energyAt(double[] xs, int offset, double[] gradients, int gradientOffset) {
        double u = 0;
        for (int i = 0; i < blocks; i++) {
            int j = offset + i * width;
            double x = xs[j];
            u += well.value(x);
            if (gradients != null) {
                gradients[gradientOffset + i * width] = well.derivative(x);
            }
            if (width == 2) {
                double y = xs[j + 1];
                u += 0.5 * y * y;
                if (gradients != null) {
                    gradients[gradientOffset + i * width + 1] = y;
                }
            }
        }
        return u;
    }

    /** Returns u, or fails on NaN (and on +∞, reached only by overflow, with a gradient). */
    private double checked(double u, double[] xs, int row, boolean withGradient) {
        if (u == u && !(withGradient && u == Double.POSITIVE_INFINITY)) {
            return u;
        }
        String where = row < 0 ? "configuration: " : "configuration " + row + ": ";
        String detail = Batches.describeNonFinite(xs, Math.max(row, 0) * space.dimension(),
                space.dimension());
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException(where + "energy is NaN: " + detail);
        }
        throw new SingularConfigurationException(where + "energy overflows to +Infinity, the"
                + " gradient is undefined: " + detail);
    }

    /** m (log Z_f + ½ log 2π [w = 2]), from the quadrature of {@link QuarticWell}. */
    @Override
    public final OptionalDouble logPartitionFunction() {
        double block = well.logPartitionFunction() + (width == 2 ? HALF_LOG_2PI : 0);
        return OptionalDouble.of(blocks * block);
    }

    @Override
    public final Optional<ExactSampler> exactSampler() {
        return Optional.of((rng, destination, offset) -> {
            NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < blocks; i++) {
                int j = offset + i * width;
                destination[j] = well.sample(rng, gaussian);
                if (width == 2) {
                    destination[j + 1] = gaussian.sample();
                }
            }
        });
    }
}
