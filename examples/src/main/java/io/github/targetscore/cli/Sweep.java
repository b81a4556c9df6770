package io.github.targetscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a {@link SweepConfig}, in a fixed order: the Cartesian product of the varied
 * values with the first key of {@code vary} slowest and the last fastest, as nested loops
 * ({@code "a": [1, 2], "b": ["x", "y"]} gives a=1 b=x, a=1 b=y, a=2 b=x, a=2 b=y).
 *
 * <p>A run's config is the base's JSON tree with each varied path set to the run's value
 * (missing intermediate objects are created), bound to {@link RunConfig} with the checks of
 * {@code run}: an error names the sweep file, the run (its number and values) and the JSON
 * path of the field, e.g. {@code sweep.json, run 2 of 4 (loop.epochs=0, seed=2): $.loop:
 * loop.epochs: must be >= 1}.
 *
 * <p>A run's name (and folder) is its entry of {@code names} when given; else the value of a
 * varied {@code name}; else the base's {@code name} (default: the sweep file's name without
 * extension) and the run's values, joined by {@code -} ({@code dw4-tsi-1}). Names are made
 * safe for file names: every run of characters other than letters, digits, {@code . _ + -}
 * becomes {@code _}, and leading dots and underscores and trailing underscores are dropped. No
 * two runs may share a name.
 *
 * @param varied the varied paths, in the order of {@code vary}
 * @param runs the runs, in order
 */
record Sweep(List<String> varied, List<SweepRun> runs) {

    /** Copies the lists. */
    Sweep {
        varied = List.copyOf(varied);
        runs = List.copyOf(runs);
    }

    /**
     * Reads a sweep file and expands it into its runs.
     *
     * @throws IllegalArgumentException naming the file, run and field of any problem
     */
    static Sweep read(Path file) throws IOException {
        SweepConfig config = ConfigFiles.read(file, SweepConfig.class);
        ObjectNode base = base(config.base(), file);
        String baseName = base.hasNonNull("name") ? base.get("name").asText()
                : file.getFileName().toString().replaceFirst("\\.json$", "");
        int count = 1;
        for (List<JsonNode> values : config.vary().values()) {
            count = Math.multiplyExact(count, values.size());
        }
        if (config.names() != null && config.names().size() != count) {
            throw new IllegalArgumentException(file + ": names: " + config.names().size()
                    + " names for " + count + " runs");
        }
        List<SweepRun> runs = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Map<String, JsonNode> values = values(config.vary(), i);
            String source = file + ", run " + (i + 1) + " of " + count + describe(values);
            String name = safe(config.names() != null ? config.names().get(i)
                    : values.containsKey("name") ? SweepRun.text(values.get("name"))
                    : joined(baseName, values), source);
            Integer earlier = numbers.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException(file + ": runs " + earlier + " and " + (i + 1)
                        + " are both named '" + name + "'; give them names");
            }
            ObjectNode tree = base.deepCopy();
            for (Map.Entry<String, JsonNode> v : values.entrySet()) {
                set(tree, v.getKey(), v.getValue(), source);
            }
            tree.put("name", name);
            runs.add(new SweepRun(name, values, ConfigFiles.convert(tree, RunConfig.class,
                    source)));
        }
        return new Sweep(new ArrayList<>(config.vary().keySet()), runs);
    }

    /** The base config's tree: the object itself, or the file it names (relative to file). */
    private static ObjectNode base(JsonNode base, Path file) throws IOException {
        if (base.isObject()) {
            return (ObjectNode) base;
        }
        Path path = file.toAbsolutePath().getParent().resolve(base.asText());
        JsonNode tree = ConfigFiles.readTree(path);
        if (!tree.isObject()) {
            throw new IllegalArgumentException(path + " (base of " + file + "): a run config is a "
                    + "JSON object");
        }
        return (ObjectNode) tree;
    }

    /** Run i's values: digit k of i in the mixed radix of the list sizes, the last fastest. */
    private static Map<String, JsonNode> values(Map<String, List<JsonNode>> vary, int i) {
        List<Map.Entry<String, List<JsonNode>>> entries = new ArrayList<>(vary.entrySet());
        JsonNode[] chosen = new JsonNode[entries.size()];
        int rest = i;
        for (int k = entries.size() - 1; k >= 0; k--) {
            List<JsonNode> list = entries.get(k).getValue();
            chosen[k] = list.get(rest % list.size());
            rest /= list.size();
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int k = 0; k < chosen.length; k++) {
            values.put(entries.get(k).getKey(), chosen[k]);
        }
        return values;
    }

    private static String describe(Map<String, JsonNode> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (");
        for (Map.Entry<String, JsonNode> v : values.entrySet()) {
            s.append(s.length() == 2 ? "" : ", ").append(v.getKey()).append('=')
                    .append(SweepRun.text(v.getValue()));
        }
        return s.append(')').toString();
    }

    private static String joined(String baseName, Map<String, JsonNode> values) {
        StringBuilder s = new StringBuilder(baseName);
        for (JsonNode v : values.values()) {
            s.append('-').append(SweepRun.text(v));
        }
        return s.toString();
    }

    /** The name made safe for a file name (see the class comment). */
    private static String safe(String name, String source) {
        String safe = name.replaceAll("[^A-Za-z0-9._+-]+", "_").replaceAll("^[._]+|_+$", "");
        if (safe.isEmpty()) {
            throw new IllegalArgumentException(source + ": the name '" + name + "' has no letter "
                    + "or digit to name a folder with");
        }
        return safe;
    }

    /** Sets the dotted path in the tree, creating missing intermediate objects. */
    private static void set(ObjectNode tree, String path, JsonNode value, String source) {
        String[] keys = path.split("\\.");
        ObjectNode node = tree;
        for (int k = 0; k < keys.length - 1; k++) {
            JsonNode child = node.get(keys[k]);
            if (child == null || child.isNull()) {
                node = node.putObject(keys[k]);
            } else if (child.isObject()) {
                node = (ObjectNode) child;
            } else {
                throw new IllegalArgumentException(source + ": vary." + path + ": $."
                        + String.join(".", Arrays.copyOf(keys, k + 1)) + " is "
                        + child + ", not an object");
            }
        }
        node.set(keys[keys.length - 1], value.deepCopy());
    }
}
