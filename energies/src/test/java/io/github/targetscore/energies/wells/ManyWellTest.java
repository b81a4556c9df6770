package io.github.targetscore.energies.wells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.FixedModelContractTest;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/** Contract, partition function and exact sampler of {@link ManyWell} (many-well-32). */
class ManyWellTest extends FixedModelContractTest {

    private static final ManyWell MODEL = ManyWell.of(32);

    ManyWellTest() {
        super(MODEL, UNIFORM, "many-well-32", Map.of());
    }

    @Test
    void energyIsTheSumOfDoubleWells() {
        UniformRandomProvider rng = RandomStreams.of(31).stream(0);
        double[] x = new double[32];
        UNIFORM.fill(rng, x);
        DoubleWell factor = DoubleWell.of(2);
        double expected = 0;
        for (int i = 0; i < 16; i++) {
            expected += factor.energy(new double[] {x[2 * i], x[2 * i + 1]});
        }
        assertEquals(expected, MODEL.energy(x), 1e-12 * Math.abs(expected));
        assertEquals(16, MODEL.wells());
    }

    @Test
    void partitionFunctionIsTheReferenceValue() {
        double logZ = MODEL.logPartitionFunction().getAsDouble();
        assertEquals(164.6957, logZ, 5e-5, "MATH §8, given to 4 decimals");
        assertEquals(16 * Math.log(11784.50927 * Math.sqrt(2 * Math.PI)), logZ, 16 * 5e-6 / 11784.5);
    }

    @Test
    void rejectionSamplerAcceptsAtTheRateZOverM() {
        QuarticWell well = MODEL.well();
        int proposals = 200_000;
        UniformRandomProvider rng = RandomStreams.of(32).stream(0);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int accepted = 0;
        for (int i = 0; i < proposals; i++) {
            if (rng.nextDouble() < Math.exp(well.logAcceptance(well.propose(rng, gaussian)))) {
                accepted++;
            }
        }
        double p = well.acceptanceRate();
        assertTrue(p > 0.5, "acceptance rate " + p);
        assertEquals(p, (double) accepted / proposals, 5 * Math.sqrt(p * (1 - p) / proposals));
    }

    @Test
    void exactSamplesHaveTheMomentsOfEveryFactor() {
        double[] samples = Quadrature.exactSamples(MODEL, 33, 20_000);
        double[] quartic = Quadrature.moments(MODEL.well());
        double[] gaussian = {Math.sqrt(2 * Math.PI), 0, 1, 3};
        for (int k = 0; k < 32; k += 2) {
            Quadrature.assertMoments(samples, 32, k, quartic, 5, "coordinate " + k);
            Quadrature.assertMoments(samples, 32, k + 1, gaussian, 5, "coordinate " + (k + 1));
        }
    }

    @Test
    void badDimensionsAreRejected() {
        for (int dimension : new int[] {0, 3, 31}) {
            assertInvalidParameter("many-well", "dimension", Map.of("dimension", dimension));
        }
        assertThrows(IllegalArgumentException.class, () -> ManyWell.of(5));
    }
}
