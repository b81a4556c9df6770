package io.github.targetscore.energies.particles;

import io.github.targetscore.energies.FixedModelContractTest;
import java.util.Map;

/** The energy contract for the {@code lj55} preset (iDEM convention). */
class LennardJonesLj55ContractTest extends FixedModelContractTest {

    LennardJonesLj55ContractTest() {
        super(LennardJones.idem(55),
                (rng, x) -> ParticleConfigurations.jitteredLattice(rng, x, 55, 3, 1.1, 0.08),
                "lj55", Map.of());
    }
}
