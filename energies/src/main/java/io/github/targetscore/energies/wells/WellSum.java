package io.github.targetscore.energies.wells;

import io.github.targetscore.core.AbstractEnergyModel;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.manifold.EuclideanSpace;
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
abstract class WellSum extends AbstractEnergyModel {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final QuarticWell well;
    private final int blocks;
    private final int width;

    /**
     * @param well the quartic factor f
     * @param blocks number of blocks m ≥ 1
     * @param width coordinates per block, 1 or 2
     */
    WellSum(QuarticWell well, int blocks, int width) {
        super(EuclideanSpace.of(blocks * width));
        this.well = well;
        this.blocks = blocks;
        this.width = width;
    }

    /** The quartic factor f. */
    final QuarticWell well() {
        return well;
    }

    @Override
    protected double energyAt(double[] xs, int offset) {
        double u = 0;
        for (int j = offset; j < offset + blocks * width; j += width) {
            u += well.value(xs[j]);
            if (width == 2) {
                u += 0.5 * xs[j + 1] * xs[j + 1];
            }
        }
        return u;
    }

    @Override
    protected double energyAndGradientAt(double[] xs, int offset, double[] gradients,
            int gradientOffset) {
        int shift = gradientOffset - offset;
        double u = 0;
        for (int j = offset; j < offset + blocks * width; j += width) {
            double x = xs[j];
            u += well.value(x);
            gradients[j + shift] = well.derivative(x);
            if (width == 2) {
                double y = xs[j + 1];
                u += 0.5 * y * y;
                gradients[j + shift + 1] = y;
            }
        }
        return u;
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
