package io.github.targetscore.example.plugin;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyModelProvider;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;

/**
 * Registers {@link HarmonicChain} as {@code harmonic-chain}: listed in
 * {@code META-INF/services/io.github.targetscore.core.EnergyModelProvider} of this jar, it is
 * found by {@link java.util.ServiceLoader} as soon as the jar is on the class path.
 */
public final class HarmonicChainProvider implements EnergyModelProvider {

    /** The name this provider registers. */
    public static final String NAME = "harmonic-chain";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("particles", "number of beads n").withDefault(8).atLeast(2),
            ParameterSpec.integer("spatialDimension", "spatial dimension D of each bead")
                    .withDefault(3).atLeast(1),
            ParameterSpec.real("stiffness", "spring constant k, energy per squared length")
                    .withDefault(1.0).greaterThan(0),
            ParameterSpec.real("restLength", "rest length r0 of each spring, length units")
                    .withDefault(1.0).atLeast(0));

    /** Public no-argument constructor, as {@link java.util.ServiceLoader} requires. */
    public HarmonicChainProvider() {
        // stateless
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "n beads joined in sequence by harmonic springs (plug-in example)";
    }

    @Override
    public String formula() {
        return "U(x) = (k/2) Σ_{i=1}^{n−1} (|x_{i+1} − x_i| − r0)²";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public EnergyModel create(Parameters parameters) {
        return HarmonicChain.of(parameters.integer("particles"),
                parameters.integer("spatialDimension"), parameters.real("stiffness"),
                parameters.real("restLength"));
    }
}
