package io.github.targetscore.energies.particles;

import io.github.targetscore.energies.FixedModelContractTest;
import java.util.Map;

/**
 * The energy contract without softening (s = 0), ordered pairs, oscillator scale 0.4, 3-D
 * with 9 particles.
 */
class LennardJonesUnsoftenedContractTest extends FixedModelContractTest {

    LennardJonesUnsoftenedContractTest() {
        super(LennardJones.of(9, 3, 1, 1, LennardJones.PairSum.ORDERED, 0.4, 0),
                (rng, x) -> ParticleConfigurations.jitteredLattice(rng, x, 9, 3, 1.1, 0.08),
                "lennard-jones", Map.of("particles", 9, "oscillatorScale", 0.4, "softening", 0));
    }
}
