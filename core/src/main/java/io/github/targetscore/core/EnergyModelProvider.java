package io.github.targetscore.core;

import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;
import java.util.Map;

/**
 * A family of energy models, found by {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/io.github.targetscore.core.EnergyModelProvider} and it
 * appears in {@link EnergyRegistry} and in the command line's {@code list-energies}.
 *
 * <p>A provider declares its parameters (name, type, units, range, default) so that the
 * registry validates them before {@link #create(Parameters)} is called, and may offer
 * named presets (for example {@code lj13} of {@code lennard-jones}).
 */
public interface EnergyModelProvider {

    /** The family's name, lower-case with hyphens: {@code "lennard-jones"}. */
    String name();

    /** One line saying what the energy models. */
    String description();

    /** The energy's formula in plain text (Unicode), as printed by {@code list-energies}. */
    String formula();

    /** The declared parameters. */
    List<ParameterSpec> parameters();

    /** Named parameter sets; empty by default. */
    default List<Preset> presets() {
        return List.of();
    }

    /**
     * Creates a model from validated parameters.
     *
     * @throws io.github.targetscore.core.parameters.InvalidParameterException if the parameters
     *     are individually valid but inconsistent (use {@link Parameters#invalid})
     */
    EnergyModel create(Parameters parameters);

    /** Validates raw values against {@link #parameters()} and creates the model. */
    default EnergyModel create(Map<String, ?> parameters) {
        return create(Parameters.validate(name(), parameters(), parameters));
    }
}
