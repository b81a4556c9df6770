package io.github.targetscore.core;

import io.github.targetscore.core.parameters.ParameterSpec;
import java.util.List;
import java.util.Objects;

/**
 * A skeleton {@link EnergyModelProvider} that holds the family's fixed description (name,
 * description, formula, declared parameters and presets) and leaves only
 * {@link #create(io.github.targetscore.core.parameters.Parameters)} to the subclass:
 *
 * <pre>{@code
 * public final class HarmonicProvider extends AbstractEnergyModelProvider {
 *     public HarmonicProvider() {
 *         super("harmonic", "isotropic harmonic well", "U(x) = (k/2)|x|²",
 *                 List.of(ParameterSpec.real("k", "stiffness").greaterThan(0)), List.of());
 *     }
 *     public EnergyModel create(Parameters p) { ... }
 * }
 * }</pre>
 *
 * The subclass keeps the public no-argument constructor that {@link java.util.ServiceLoader}
 * needs. Immutable.
 */
public abstract class AbstractEnergyModelProvider implements EnergyModelProvider {

    private final String name;
    private final String description;
    private final String formula;
    private final List<ParameterSpec> parameters;
    private final List<Preset> presets;

    /**
     * @param name the family's name, lower-case with hyphens
     * @param description one line saying what the energy models
     * @param formula the energy's formula in plain text (Unicode)
     * @param parameters the declared parameters (copied)
     * @param presets named parameter sets, possibly none (copied)
     */
    protected AbstractEnergyModelProvider(String name, String description, String formula,
            List<ParameterSpec> parameters, List<Preset> presets) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.formula = Objects.requireNonNull(formula, "formula");
        this.parameters = List.copyOf(parameters);
        this.presets = List.copyOf(presets);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String formula() {
        return formula;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final List<Preset> presets() {
        return presets;
    }
}
