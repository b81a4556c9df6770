package io.github.targetscore.energies.wells;

import io.github.targetscore.core.AbstractEnergyModelProvider;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.Preset;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;
import java.util.Map;

/**
 * The {@code many-well} family: {@link ManyWell} in any even dimension, with the preset
 * {@code many-well-32} (16 double wells, log Z = 164.6957).
 */
public final class ManyWellProvider extends AbstractEnergyModelProvider {

    /** The family's registry name. */
    public static final String NAME = "many-well";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("dimension", "number of coordinates d = 2m, even")
                    .withDefault(32).atLeast(2));

    private static final List<Preset> PRESETS = List.of(
            new Preset("many-well-32", "many-well in 32 dimensions: 16 independent 2-D double"
                    + " wells, 2^16 modes, log Z = 164.6957", Map.of("dimension", 32)));

    /** The provider, for {@link java.util.ServiceLoader}. */
    public ManyWellProvider() {
        super(NAME, "sum of independent 2-D double wells, with exact log Z and exact samples",
                "U(x) = Σ_{i<d/2} [x_{2i}⁴ − 6 x_{2i}² − 0.5 x_{2i} + ½ x_{2i+1}²]", PARAMETERS,
                PRESETS);
    }

    @Override
    public EnergyModel create(Parameters parameters) {
        int dimension = parameters.integer("dimension");
        if (dimension % 2 != 0) {
            throw parameters.invalid("dimension", "must be even, got " + dimension);
        }
        return ManyWell.of(dimension);
    }
}
