package io.github.targetscore.energies.particles;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.testkit.EnergyModelContractTest;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/** The energy contract for the {@code lj55} preset (iDEM convention). */
class LennardJonesLj55ContractTest extends EnergyModelContractTest {

    private static final LennardJones MODEL = LennardJones.idem(55);

    @Override
    protected EnergyModel model() {
        return MODEL;
    }

    @Override
    protected void randomConfiguration(UniformRandomProvider rng, double[] x) {
        ParticleConfigurations.jitteredLattice(rng, x, 55, 3, 1.1, 0.08);
    }

    @Override
    protected String registeredName() {
        return "lj55";
    }

    @Override
    protected Map<String, Object> registeredParameters() {
        return Map.of();
    }
}
