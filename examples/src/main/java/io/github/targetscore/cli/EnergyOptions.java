package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyModelProvider;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.parameters.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --energy} and {@code -p} options of the commands that create an energy model. */
final class EnergyOptions {

    @Option(names = "--energy", required = true, paramLabel = "NAME",
            description = "energy family or preset, see list-energies")
    private String name;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "a parameter, repeatable; the value is a JSON literal (13, 0.5, true, "
                    + "[[0,0],[1,1]]) or a bare word (unordered); presets' values are overridden")
    private Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * A created energy model with the name and the complete, validated parameters it was
     * created from (defaults and preset values included), as recorded in run summaries.
     *
     * @param name the family or preset name given
     * @param parameters the validated parameters
     * @param model the model
     */
    record Selection(String name, Parameters parameters, EnergyModel model) {
    }

    /**
     * Creates the model named by {@code --energy} from the parameters given.
     *
     * @throws io.github.targetscore.core.UnknownEnergyException listing the known names if the name is unknown
     * @throws io.github.targetscore.core.parameters.InvalidParameterException naming the
     *     parameter if one is invalid
     */
    Selection select(EnergyRegistry registry) {
        Map<String, Object> raw = new LinkedHashMap<>();
        parameters.forEach((key, value) -> raw.put(key, Json.parseLiteral(value)));
        Parameters validated = registry.parameters(name, raw);
        EnergyModelProvider provider = registry.provider(name).orElseThrow();
        return new Selection(name, validated, provider.create(validated));
    }
}
