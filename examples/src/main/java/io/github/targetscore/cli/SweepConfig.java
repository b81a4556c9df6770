package io.github.targetscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of {@code targetscore sweep}: a base run config and the fields to vary.
 * JSON; unknown fields are errors naming their path.
 *
 * <pre>
 * {"base": "dw4.json",
 *  "vary": {"estimator.identity": ["tsi", "dsi"], "seed": [1, 2]}}
 * </pre>
 *
 * @param base the {@link RunConfig} every run starts from: a JSON object, or the path of a run
 *     config file relative to the sweep file
 * @param vary dotted JSON paths into the run config ({@code "optimiser.learningRate"}), each
 *     with the list of values it takes, in order; the runs are their Cartesian product (see
 *     {@link Sweep}). Default: nothing varied, one run of the base.
 * @param names the runs' names in the product's order (default: generated, see {@link Sweep})
 */
record SweepConfig(JsonNode base, Map<String, List<JsonNode>> vary, List<String> names) {

    /** Checks the shape; copies the lists, keeping the order of {@code vary}. */
    SweepConfig {
        if (base == null || !(base.isObject() || base.isTextual())) {
            throw new IllegalArgumentException("base: required, a run config object or the path "
                    + "of a run config file (relative to the sweep file)");
        }
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
        if (vary != null) {
            for (Map.Entry<String, List<JsonNode>> e : vary.entrySet()) {
                for (String key : e.getKey().split("\\.", -1)) {
                    if (key.isEmpty()) {
                        throw new IllegalArgumentException("vary: '" + e.getKey() + "' is not a "
                                + "dotted path of field names such as \"estimator.identity\"");
                    }
                }
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("vary." + e.getKey()
                            + ": needs a list of at least one value");
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        if (names != null && copy.containsKey("name")) {
            throw new IllegalArgumentException("names: cannot be given when vary sets name");
        }
        if (names != null && names.contains(null)) {
            throw new IllegalArgumentException("names: null is not a name");
        }
        vary = Collections.unmodifiableMap(copy);
        names = names != null ? List.copyOf(names) : null;
    }
}
