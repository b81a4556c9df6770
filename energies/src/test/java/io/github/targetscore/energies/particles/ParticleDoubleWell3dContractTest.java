package io.github.targetscore.energies.particles;

import io.github.targetscore.energies.FixedModelContractTest;
import java.util.Map;

/**
 * The energy contract off the preset: 5 particles in 3-D with all coefficients non-zero
 * (a = 0.3, b = −2, c = 0.5, d0 = 2, τ = 2; the generic-D kernels).
 */
class ParticleDoubleWell3dContractTest extends FixedModelContractTest {

    ParticleDoubleWell3dContractTest() {
        super(ParticleDoubleWell.of(5, 3, 0.3, -2, 0.5, 2, 2),
                (rng, x) -> ParticleConfigurations.gaussian(rng, x, 1.5),
                "particle-double-well", Map.of("particles", 5, "spatialDimension", 3, "a", 0.3,
                        "b", -2, "c", 0.5, "d0", 2, "tau", 2));
    }
}
