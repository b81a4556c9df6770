package io.github.targetscore.energies.particles;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.testkit.EnergyModelContractTest;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The energy contract off the preset: 5 particles in 3-D with all coefficients non-zero
 * (a = 0.3, b = −2, c = 0.5, d0 = 2, τ = 2; the generic-D kernels).
 */
class ParticleDoubleWell3dContractTest extends EnergyModelContractTest {

    private static final ParticleDoubleWell MODEL = ParticleDoubleWell.of(5, 3, 0.3, -2, 0.5, 2,
            2);

    @Override
    protected EnergyModel model() {
        return MODEL;
    }

    @Override
    protected void randomConfiguration(UniformRandomProvider rng, double[] x) {
        ParticleConfigurations.gaussian(rng, x, 1.5);
    }

    @Override
    protected String registeredName() {
        return "particle-double-well";
    }

    @Override
    protected Map<String, Object> registeredParameters() {
        return Map.of("particles", 5, "spatialDimension", 3, "a", 0.3, "b", -2, "c", 0.5,
                "d0", 2, "tau", 2);
    }
}
