package io.github.targetscore.energies.wells;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.random.RandomStreams;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Reference moments of exp(−f) for the quartic factor by Gauss–Legendre quadrature (Commons
 * Math, independent of the trapezoidal rule under test), exact samples to check, and the
 * 5-standard-error check of sample moments against them.
 */
final class Quadrature {

    private static final double RANGE = 10;
    private static final double PIECE = 0.25;

    private Quadrature() {
    }

    private static double integrate(DoubleUnaryOperator integrand) {
        IterativeLegendreGaussIntegrator integrator =
                new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-16);
        double sum = 0;
        for (double left = -RANGE; left < RANGE; left += PIECE) {
            sum += integrator.integrate(1_000_000, integrand::applyAsDouble, left, left + PIECE);
        }
        return sum;
    }

    /**
     * {Z, mean, variance, central fourth moment} of exp(−f) / Z; the integrands are scaled by
     * exp(min f) so that they peak at 1.
     */
    static double[] moments(QuarticWell well) {
        double lowest = Double.POSITIVE_INFINITY;
        for (double m : well.minima()) {
            lowest = Math.min(lowest, well.value(m));
        }
        double shift = lowest;
        DoubleUnaryOperator density = x -> Math.exp(-(well.value(x) - shift));
        double scaled = integrate(density);
        double mean = integrate(x -> x * density.applyAsDouble(x)) / scaled;
        double variance = integrate(x -> Math.pow(x - mean, 2) * density.applyAsDouble(x)) / scaled;
        double fourth = integrate(x -> Math.pow(x - mean, 4) * density.applyAsDouble(x)) / scaled;
        return new double[] {scaled * Math.exp(-shift), mean, variance, fourth};
    }

    /**
     * Checks the mean and variance of {@code values[offset], values[offset + stride], …} against
     * {@code moments} ({Z, mean, variance, fourth}) within {@code z} standard errors:
     * √(σ²/N) for the mean, √((m₄ − σ⁴)/N) for the variance.
     */
    static void assertMoments(double[] values, int stride, int offset, double[] moments,
            double z, String label) {
        int n = 0;
        double sum = 0;
        for (int i = offset; i < values.length; i += stride) {
            sum += values[i];
            n++;
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = offset; i < values.length; i += stride) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        double variance = moments[2];
        assertEquals(moments[1], mean, z * Math.sqrt(variance / n), label + ": mean");
        assertEquals(variance, squares / (n - 1),
                z * Math.sqrt((moments[3] - variance * variance) / n), label + ": variance");
    }

    /**
     * {@code n} samples of the model's exact sampler, one after the other, drawn from the first
     * stream of {@code RandomStreams.of(seed)}.
     */
    static double[] exactSamples(EnergyModel model, long seed, int n) {
        ExactSampler sampler = model.exactSampler().orElseThrow();
        UniformRandomProvider rng = RandomStreams.of(seed).stream(0);
        int d = model.dimension();
        double[] samples = new double[d * n];
        for (int i = 0; i < n; i++) {
            sampler.sample(rng, samples, d * i);
        }
        return samples;
    }
}
