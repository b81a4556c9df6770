package io.github.targetscore.energies.particles;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.testkit.EnergyModelContractTest;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The energy contract without softening (s = 0), ordered pairs, oscillator scale 0.4, 3-D
 * with 9 particles.
 */
class LennardJonesUnsoftenedContractTest extends EnergyModelContractTest {

    private static final LennardJones MODEL = LennardJones.of(9, 3, 1, 1,
            LennardJones.PairSum.ORDERED, 0.4, 0);

    @Override
    protected EnergyModel model() {
        return MODEL;
    }

    @Override
    protected void randomConfiguration(UniformRandomProvider rng, double[] x) {
        ParticleConfigurations.jitteredLattice(rng, x, 9, 3, 1.1, 0.08);
    }

    @Override
    protected String registeredName() {
        return "lennard-jones";
    }

    @Override
    protected Map<String, Object> registeredParameters() {
        return Map.of("particles", 9, "oscillatorScale", 0.4, "softening", 0);
    }
}
