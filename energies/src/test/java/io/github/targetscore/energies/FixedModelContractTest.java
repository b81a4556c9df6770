package io.github.targetscore.energies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.parameters.InvalidParameterException;
import io.github.targetscore.testkit.EnergyModelContractTest;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@link EnergyModelContractTest} of one model fixed at construction: the built-in energies'
 * contract tests pass the model, how to draw its configurations and how the registry names it,
 * instead of overriding the four methods each.
 *
 * <pre>{@code
 * class ManyWellTest extends FixedModelContractTest {
 *     ManyWellTest() {
 *         super(ManyWell.of(32), UNIFORM, "many-well-32", Map.of());
 *     }
 * }
 * }</pre>
 */
public abstract class FixedModelContractTest extends EnergyModelContractTest {

    /** Draws random configurations where the energy is smooth and finite. */
    @FunctionalInterface
    public interface Configurations {

        /** Fills {@code x} with one configuration drawn with {@code rng}. */
        void fill(UniformRandomProvider rng, double[] x);
    }

    /** Independent coordinates, uniform on [−3, 3]. */
    public static final Configurations UNIFORM = (rng, x) -> {
        for (int k = 0; k < x.length; k++) {
            x[k] = -3 + 6 * rng.nextDouble();
        }
    };

    private final EnergyModel model;
    private final Configurations configurations;
    private final String registeredName;
    private final Map<String, Object> registeredParameters;

    /**
     * @param model the model under test
     * @param configurations how to draw its configurations
     * @param registeredName the family or preset the registry knows it by
     * @param registeredParameters the parameters that make the registry create it
     */
    protected FixedModelContractTest(EnergyModel model, Configurations configurations,
            String registeredName, Map<String, Object> registeredParameters) {
        this.model = Objects.requireNonNull(model, "model");
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.registeredName = Objects.requireNonNull(registeredName, "registeredName");
        this.registeredParameters = Map.copyOf(registeredParameters);
    }

    @Override
    protected final EnergyModel model() {
        return model;
    }

    @Override
    protected final void randomConfiguration(UniformRandomProvider rng, double[] x) {
        configurations.fill(rng, x);
    }

    @Override
    protected final String registeredName() {
        return registeredName;
    }

    @Override
    protected final Map<String, Object> registeredParameters() {
        return registeredParameters;
    }

    /**
     * Asserts that the registry refuses to create {@code energy} with {@code parameters}, with an
     * {@link InvalidParameterException} that names {@code parameter}, in the exception and, in
     * quotes, in its message.
     */
    public static void assertInvalidParameter(String energy, String parameter,
            Map<String, ?> parameters) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> EnergyRegistry.load().create(energy, parameters));
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
    }
}
