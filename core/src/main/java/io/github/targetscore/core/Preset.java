package io.github.targetscore.core;

import java.util.Map;
import java.util.Objects;

/**
 * A named parameter set of an {@link EnergyModelProvider}, such as {@code lj13}: creating the
 * preset with extra parameters overrides the preset's values.
 *
 * @param name the preset's name, unique across all providers
 * @param description one line, shown by {@code list-energies}
 * @param parameters the parameter values it fixes
 */
public record Preset(String name, String description, Map<String, Object> parameters) {

    /** Copies the parameters. */
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = Map.copyOf(parameters);
    }
}
