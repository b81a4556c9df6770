package io.github.targetscore.example.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.parameters.InvalidParameterException;
import io.github.targetscore.testkit.EnergyModelContractTest;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/** The energy contract for {@link HarmonicChain}, plus values the formula fixes. */
class HarmonicChainTest extends EnergyModelContractTest {

    @Override
    protected EnergyModel model() {
        return HarmonicChain.of(5, 3, 2.5, 0.75);
    }

    @Override
    protected void randomConfiguration(UniformRandomProvider rng, double[] x) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < x.length; i++) {
            x[i] = gaussian.sample();
        }
    }

    @Override
    protected String registeredName() {
        return HarmonicChainProvider.NAME;
    }

    @Override
    protected Map<String, Object> registeredParameters() {
        return Map.of("particles", 5, "spatialDimension", 3, "stiffness", 2.5,
                "restLength", 0.75);
    }

    @Test
    void straightChainAtRestLengthHasZeroEnergyAndGradient() {
        HarmonicChain chain = HarmonicChain.of(4, 2, 3.0, 1.5);
        double[] x = {0, 0, 1.5, 0, 3, 0, 4.5, 0};
        double[] gradient = new double[8];
        assertEquals(0.0, chain.energyAndGradient(x, gradient), 0.0);
        assertArrayEquals(new double[8], gradient, 0.0);
    }

    @Test
    void energyMatchesTheFormula() {
        HarmonicChain chain = HarmonicChain.of(3, 2, 4.0, 1.0);
        // bonds of length 5 (3-4-5 triangle) and 2: (k/2)((5 − 1)² + (2 − 1)²) = 2 · 17
        double[] x = {0, 0, 3, 4, 3, 6};
        assertEquals(34.0, chain.energy(x), 1e-12);
    }

    @Test
    void isTranslationInvariantWithGradientSummingToZero() {
        HarmonicChain chain = HarmonicChain.of(4, 3, 1.0, 0.5);
        double[] x = {0.1, -0.3, 0.2, 1.1, 0.4, -0.2, 0.9, 1.3, 0.5, 2.0, 1.0, 1.1};
        double[] shifted = x.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 10.0 * (i % 3 + 1);
        }
        assertEquals(chain.energy(x), chain.energy(shifted), 1e-9);
        double[] gradient = new double[x.length];
        chain.energyAndGradient(x, gradient);
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                sum += gradient[i * 3 + k];
            }
            assertEquals(0.0, sum, 1e-12, "net force along axis " + k);
        }
        ParticleSpace space = (ParticleSpace) chain.manifold();
        assertTrue(space.translationInvariant());
        assertEquals(9, space.degreesOfFreedom());
    }

    @Test
    void coincidentBeadsGiveTheZeroSubgradientOfTheirBond() {
        HarmonicChain chain = HarmonicChain.of(2, 1, 2.0, 1.0);
        double[] gradient = {7, 7};
        assertEquals(1.0, chain.energyAndGradient(new double[] {0.5, 0.5}, gradient), 0.0);
        assertArrayEquals(new double[2], gradient, 0.0);
    }

    @Test
    void registryRejectsOutOfRangeParametersByName() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> EnergyRegistry.load().create(HarmonicChainProvider.NAME,
                        Map.of("stiffness", 0)));
        assertEquals("stiffness", e.parameter());
        assertThrows(IllegalArgumentException.class, () -> HarmonicChain.of(1, 3, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> HarmonicChain.of(3, 3, 1.0, -1.0));
    }
}
