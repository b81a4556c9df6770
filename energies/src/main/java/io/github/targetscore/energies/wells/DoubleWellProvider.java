package io.github.targetscore.energies.wells;

import io.github.targetscore.core.AbstractEnergyModelProvider;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;

/**
 * The {@code double-well} family: {@link DoubleWell} in 1 or 2 dimensions with coefficients
 * a &gt; 0, b, c (defaults 1, −6, −0.5, the many-well factor).
 */
public final class DoubleWellProvider extends AbstractEnergyModelProvider {

    /** The family's registry name. */
    public static final String NAME = "double-well";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("dimension", "1: the quartic alone; 2: plus ½ x₂²")
                    .withDefault(2).atLeast(1).atMost(2),
            ParameterSpec.real("a", "quartic coefficient, kT").withDefault(DoubleWell.DEFAULT_A)
                    .greaterThan(0),
            ParameterSpec.real("b", "quadratic coefficient, kT").withDefault(DoubleWell.DEFAULT_B),
            ParameterSpec.real("c", "linear coefficient (tilt), kT")
                    .withDefault(DoubleWell.DEFAULT_C));

    /** The provider, for {@link java.util.ServiceLoader}. */
    public DoubleWellProvider() {
        super(NAME, "tilted quartic double well in 1 or 2 dimensions, with exact log Z"
                + " (quadrature) and exact samples (rejection)",
                "U(x) = a x₁⁴ + b x₁² + c x₁ (+ ½ x₂² in 2-D)", PARAMETERS, List.of());
    }

    @Override
    public EnergyModel create(Parameters parameters) {
        return DoubleWell.of(parameters.integer("dimension"), parameters.real("a"),
                parameters.real("b"), parameters.real("c"));
    }
}
