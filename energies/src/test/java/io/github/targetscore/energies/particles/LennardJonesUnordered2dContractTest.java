package io.github.targetscore.energies.particles;

import io.github.targetscore.energies.FixedModelContractTest;
import java.util.Map;

/**
 * The energy contract off the presets: textbook (unordered) pair sum in 2-D, no oscillator,
 * softening 0.05, ε = 0.8, rm = 1.3 (the generic-D kernels).
 */
class LennardJonesUnordered2dContractTest extends FixedModelContractTest {

    LennardJonesUnordered2dContractTest() {
        super(LennardJones.of(7, 2, 0.8, 1.3, LennardJones.PairSum.UNORDERED, 0, 0.05),
                (rng, x) -> ParticleConfigurations.jitteredLattice(rng, x, 7, 2, 1.4, 0.1),
                "lennard-jones", Map.of("particles", 7, "spatialDimension", 2, "epsilon", 0.8,
                        "rm", 1.3, "pairSum", "unordered", "oscillatorScale", 0,
                        "softening", 0.05));
    }
}
