package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyModelProvider;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.Preset;
import io.github.targetscore.core.UnknownEnergyException;
import io.github.targetscore.core.parameters.ParameterSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code list-energies}: every registered energy family with its formula and declared
 * parameters, and its presets with their parameter values.
 */
@Command(name = "list-energies",
        description = "Lists the registered energies (built-in and plug-in jars on the class "
                + "path): formula, parameters with type, default and range, and presets.")
final class ListEnergiesCommand implements Callable<Integer> {

    /** Preset values longer than this are shortened in the overview (not with --name). */
    private static final int OVERVIEW_VALUE_WIDTH = 72;

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME",
            description = "show only this family or preset, with preset values in full")
    private String name;

    @Override
    public Integer call() {
        EnergyRegistry registry = EnergyRegistry.load();
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (EnergyModelProvider provider : registry.providers().values()) {
                print(out, provider, provider.presets(), OVERVIEW_VALUE_WIDTH);
            }
        } else {
            EnergyModelProvider provider = registry.provider(name)
                    .orElseThrow(() -> new UnknownEnergyException(name, registry.names()));
            Preset preset = registry.presets().get(name);
            print(out, provider, preset != null ? List.of(preset) : provider.presets(),
                    Integer.MAX_VALUE);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, EnergyModelProvider provider, List<Preset> presets,
            int valueWidth) {
        out.println(provider.name() + " — " + provider.description());
        out.println("  " + provider.formula());
        out.println("  parameters:");
        for (ParameterSpec parameter : provider.parameters()) {
            String range = parameter.rangeText();
            out.println("    " + parameter.name() + " (" + parameter.type().label() + ", "
                    + (parameter.required() ? "required"
                            : "default " + Json.literal(parameter.defaultValue()))
                    + (range.isEmpty() ? "" : ", " + range) + "): " + parameter.description());
        }
        if (!presets.isEmpty()) {
            out.println("  presets:");
        }
        for (Preset preset : presets) {
            out.println("    " + preset.name() + ": " + preset.description());
            for (Map.Entry<String, Object> value : new TreeMap<>(preset.parameters()).entrySet()) {
                out.println("      " + value.getKey() + " = "
                        + shorten(Json.literal(value.getValue()), valueWidth));
            }
        }
        out.println();
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
