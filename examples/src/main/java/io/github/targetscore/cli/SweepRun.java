package io.github.targetscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a {@link Sweep}.
 *
 * @param name its name, also the name of its folder in the sweep's output directory
 * @param values the value of each varied path, in the order of the sweep's {@code vary}
 * @param config its run config: the base with the values set
 */
record SweepRun(String name, Map<String, JsonNode> values, RunConfig config) {

    /** Copies the values, keeping their order. */
    SweepRun {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a varied path as text: a JSON string's content, else compact JSON. */
    String value(String path) {
        return text(values.get(path));
    }

    /** A JSON value as text: a string's content, else compact JSON ({@code 0.001}, {@code [1]}). */
    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
