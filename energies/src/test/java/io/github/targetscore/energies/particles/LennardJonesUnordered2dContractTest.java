package io.github.targetscore.energies.particles;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.testkit.EnergyModelContractTest;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The energy contract off the presets: textbook (unordered) pair sum in 2-D, no oscillator,
 * softening 0.05, ε = 0.8, rm = 1.3 (the generic-D kernels).
 */
class LennardJonesUnordered2dContractTest extends EnergyModelContractTest {

    private static final LennardJones MODEL = LennardJones.of(7, 2, 0.8, 1.3,
            LennardJones.PairSum.UNORDERED, 0, 0.05);

    @Override
    protected EnergyModel model() {
        return MODEL;
    }

    @Override
    protected void randomConfiguration(UniformRandomProvider rng, double[] x) {
        ParticleConfigurations.jitteredLattice(rng, x, 7, 2, 1.4, 0.1);
    }

    @Override
    protected String registeredName() {
        return "lennard-jones";
    }

    @Override
    protected Map<String, Object> registeredParameters() {
        return Map.of("particles", 7, "spatialDimension", 2, "epsilon", 0.8, "rm", 1.3,
                "pairSum", "unordered", "oscillatorScale", 0, "softening", 0.05);
    }
}
