package io.github.targetscore.energies.wells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.energies.FixedModelContractTest;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Contract (2-D default and 1-D tilted) and exact checks of {@link DoubleWell}. */
class DoubleWellTest extends FixedModelContractTest {

    private static final DoubleWell MODEL = DoubleWell.of(2);

    DoubleWellTest() {
        super(MODEL, UNIFORM, "double-well", Map.of());
    }

    /** The 1-D well with other coefficients. */
    @Nested
    class OneDimensional extends FixedModelContractTest {

        OneDimensional() {
            super(DoubleWell.of(1, 0.5, -2, 0.3), UNIFORM, "double-well",
                    Map.of("dimension", 1, "a", 0.5, "b", -2, "c", 0.3));
        }
    }

    @Test
    void energyAndGradientFollowTheFormula() {
        double[] gradient = new double[2];
        double x = 1.3;
        double y = -0.7;
        double u = MODEL.energyAndGradient(new double[] {x, y}, gradient);
        assertEquals(Math.pow(x, 4) - 6 * x * x - 0.5 * x + 0.5 * y * y, u, 1e-14);
        assertArrayEquals(new double[] {4 * Math.pow(x, 3) - 12 * x - 0.5, y}, gradient, 1e-14);
        DoubleWell one = DoubleWell.of(1, 2, 3, -1);
        assertEquals(2 * Math.pow(x, 4) + 3 * x * x - x, one.energy(new double[] {x}), 1e-14);
        assertEquals(2, one.a());
        assertEquals(3, one.b());
        assertEquals(-1, one.c());
    }

    @Test
    void partitionFunctionIsTheQuarticsTimesTheGaussians() {
        double z1 = 11784.50927;
        assertEquals(Math.log(z1), DoubleWell.of(1).logPartitionFunction().getAsDouble(),
                5e-6 / z1);
        assertEquals(Math.log(z1 * Math.sqrt(2 * Math.PI)),
                MODEL.logPartitionFunction().getAsDouble(), 5e-6 / z1);
    }

    @Test
    void exactSamplesHaveTheMomentsOfBothCoordinates() {
        DoubleWell well = DoubleWell.of(2, 0.5, -2, 0.3);
        double[] samples = Quadrature.exactSamples(well, 21, 100_000);
        Quadrature.assertMoments(samples, 2, 0, Quadrature.moments(well.well()), 5, "x1");
        Quadrature.assertMoments(samples, 2, 1, new double[] {Math.sqrt(2 * Math.PI), 0, 1, 3}, 5,
                "x2");
    }

    private static void assertInvalid(String parameter, Map<String, ?> parameters) {
        assertInvalidParameter("double-well", parameter, parameters);
    }

    @Test
    void badParametersNameTheParameter() {
        assertInvalid("a", Map.of("a", 0));
        assertInvalid("a", Map.of("a", -1.5));
        assertInvalid("dimension", Map.of("dimension", 3));
        assertInvalid("dimension", Map.of("dimension", 0));
        assertInvalid("depth", Map.of("depth", 1));
        assertThrows(IllegalArgumentException.class, () -> DoubleWell.of(3));
        assertThrows(IllegalArgumentException.class, () -> DoubleWell.of(2, 0, -6, 0));
    }
}
