package io.github.targetscore.cli;

import java.util.Map;

/**
 * The {@code target} section of a JSON config ({@code train}, {@code run}).
 *
 * @param energy an energy family or preset of the registry
 * @param parameters its parameters (JSON values)
 */
record TargetConfig(String energy, Map<String, Object> parameters) {
    TargetConfig {
        if (energy == null) {
            throw new IllegalArgumentException("target.energy: required");
        }
        parameters = parameters != null ? Map.copyOf(parameters) : Map.of();
    }
}
