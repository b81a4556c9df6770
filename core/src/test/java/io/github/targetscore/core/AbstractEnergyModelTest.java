package io.github.targetscore.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.parameters.InvalidParameterException;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks and batch loops of {@link AbstractEnergyModel}, and
 * {@link AbstractEnergyModelProvider}.
 */
class AbstractEnergyModelTest {

    /** U(x) = Σ log(1 + x_k²) / x_0: +∞ at x_0 = 0 (for x ≠ 0), NaN for NaN coordinates. */
    static final class Ratio extends AbstractEnergyModel {

        Ratio(int d) {
            super(EuclideanSpace.of(d));
        }

        @Override
        protected double energyAt(double[] xs, int offset) {
            double s = 0;
            for (int k = 0; k < dimension(); k++) {
                s += Math.log1p(xs[offset + k] * xs[offset + k]);
            }
            return s / Math.abs(xs[offset]);
        }

        @Override
        protected double energyAndGradientAt(double[] xs, int offset, double[] gradients,
                int gradientOffset) {
            double u = energyAt(xs, offset);
            double x0 = Math.abs(xs[offset]);
            for (int k = 0; k < dimension(); k++) {
                double x = xs[offset + k];
                gradients[gradientOffset + k] = 2 * x / (1 + x * x) / x0;
            }
            gradients[gradientOffset] -= Math.signum(xs[offset]) * u / x0;
            return u;
        }
    }

    private static final Ratio MODEL = new Ratio(3);

    @Test
    void batchMethodsRunTheKernelsRowByRow() {
        double[] xs = {1, 2, 3, -0.5, 0.1, 4, 2, -1, 0};
        double[] energies = new double[3];
        double[] both = new double[3];
        double[] gradients = new double[9];
        MODEL.energies(xs, 1, 2, energies);
        MODEL.energyAndGradient(xs, 0, 3, both, gradients);
        double[] g = new double[3];
        assertEquals(0.0, energies[0]);
        for (int row = 0; row < 3; row++) {
            double[] x = {xs[3 * row], xs[3 * row + 1], xs[3 * row + 2]};
            assertEquals(MODEL.energyAndGradient(x, g), both[row], 0.0);
            assertArrayEquals(g, java.util.Arrays.copyOfRange(gradients, 3 * row, 3 * row + 3),
                    0.0);
            if (row > 0) {
                assertEquals(MODEL.energy(x), energies[row], 0.0);
            }
        }
        assertEquals(3, MODEL.dimension());
    }

    @Test
    void wrongLengthsAndRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MODEL.energy(new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.energyAndGradient(new double[] {1, 1, 1}, new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.energies(new double[6], 1, 2, new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.energyAndGradient(new double[6], 0, 2, new double[1], new double[6]));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.energyAndGradient(new double[6], 0, 2, new double[2], new double[5]));
    }

    @Test
    void nanEnergiesNameTheRowAndCoordinate() {
        double[] xs = {1, 2, 3, 1, Double.NaN, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.energies(xs, 0, 2, new double[2]));
        assertEquals("configuration 1: energy is NaN: coordinate 1 is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.energyAndGradient(xs, 0, 2, new double[2], new double[6]));
        assertFalse(e instanceof SingularConfigurationException);
        assertTrue(e.getMessage().startsWith("configuration 1: energy is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.energy(new double[] {Double.NaN, 0, 0}));
        assertEquals("energy is NaN: coordinate 0 is NaN", e.getMessage());
    }

    @Test
    void infiniteEnergiesAreReturnedButHaveNoGradient() {
        double[] x = {0, 1, 0};
        assertEquals(Double.POSITIVE_INFINITY, MODEL.energy(x));
        double[] energies = new double[2];
        MODEL.energies(new double[] {1, 1, 1, 0, 1, 0}, 0, 2, energies);
        assertEquals(Double.POSITIVE_INFINITY, energies[1]);
        SingularConfigurationException e = assertThrows(SingularConfigurationException.class,
                () -> MODEL.energyAndGradient(x, new double[3]));
        assertTrue(e.getMessage().contains("energy is Infinity")
                && e.getMessage().contains("all coordinates are finite"), e.getMessage());
        e = assertThrows(SingularConfigurationException.class,
                () -> MODEL.energyAndGradient(new double[] {1, 1, 1, 0, 1, 0}, 0, 2,
                        new double[2], new double[6]));
        assertTrue(e.getMessage().startsWith("configuration 1: "), e.getMessage());
    }

    /** The provider of {@link Ratio}. */
    static final class RatioProvider extends AbstractEnergyModelProvider {

        RatioProvider() {
            super("ratio", "a test energy", "U(x) = Σ log(1 + x_k²) / |x_0|",
                    List.of(ParameterSpec.integer("dimension", "d").atLeast(1),
                            ParameterSpec.real("scale", "unused").withDefault(1.0)),
                    List.of(new Preset("ratio-2", "in 2-D", Map.of("dimension", 2))));
        }

        @Override
        public EnergyModel create(Parameters parameters) {
            parameters.finiteReal("scale");
            return new Ratio(parameters.integer("dimension"));
        }
    }

    @Test
    void providerSkeletonHoldsTheDescription() {
        RatioProvider provider = new RatioProvider();
        assertEquals("ratio", provider.name());
        assertEquals("a test energy", provider.description());
        assertEquals("U(x) = Σ log(1 + x_k²) / |x_0|", provider.formula());
        assertEquals(List.of("dimension", "scale"),
                provider.parameters().stream().map(ParameterSpec::name).toList());
        assertEquals("ratio-2", provider.presets().get(0).name());
        assertEquals(4, provider.create(Map.of("dimension", 4)).dimension());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> provider.create(Map.of("dimension", 4,
                        "scale", Double.NEGATIVE_INFINITY)));
        assertEquals("scale", e.parameter());
        assertEquals("ratio: parameter 'scale' must be finite, got -Infinity", e.getMessage());
    }
}
