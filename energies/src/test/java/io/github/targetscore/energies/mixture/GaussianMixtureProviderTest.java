package io.github.targetscore.energies.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.UnknownEnergyException;
import io.github.targetscore.core.parameters.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presets and parameter validation of {@link GaussianMixtureProvider}. */
class GaussianMixtureProviderTest {

    private static final EnergyRegistry REGISTRY = EnergyRegistry.load();
    private static final double[][] MEANS = {{0, 0}, {1, 1}};

    @ParameterizedTest
    @ValueSource(strings = {"unit-gaussian", "easy-mixture", "hard-mixture-same-variance",
        "hard-mixture-different-variance"})
    void paperTargetsAreOneDimensionalWithTotalVarianceOne(String preset) {
        GaussianMixture mixture = (GaussianMixture) REGISTRY.create(preset, Map.of());
        assertEquals(1, mixture.dimension());
        assertEquals(0.0, mixture.mean()[0], 0.0);
        assertEquals(1.0, mixture.variance()[0], 2e-16);
        assertTrue(REGISTRY.presets().get(preset).description().contains("total variance 1"));
    }

    @Test
    void paperTargetsHaveTheDocumentedComponents() {
        GaussianMixture easy = (GaussianMixture) REGISTRY.create("easy-mixture", Map.of());
        assertArrayEquals(new double[][] {{-0.5}, {0.5}}, easy.means());
        assertArrayEquals(new double[][] {{0.75}, {0.75}}, easy.variances());
        GaussianMixture different = (GaussianMixture) REGISTRY.create(
                "hard-mixture-different-variance", Map.of());
        assertArrayEquals(new double[][] {{0.0025}, {0.0225}}, different.variances());
        assertEquals(0.0125, different.modeVariance(), 1e-17);
        GaussianMixture same = (GaussianMixture) REGISTRY.create("hard-mixture-same-variance",
                Map.of());
        assertEquals(0.01, same.modeVariance(), 1e-17);
        assertEquals(Math.sqrt(0.99), same.means()[1][0], 0.0);
    }

    @Test
    void gmm40HasFortyEqualWeightComponentsFromTheReferenceMeans() {
        GaussianMixture gmm = (GaussianMixture) REGISTRY.create("gmm40", Map.of());
        assertEquals(2, gmm.dimension());
        assertEquals(40, gmm.components());
        for (double w : gmm.weights()) {
            assertEquals(1.0 / 40, w, 1e-17);
        }
        double softplus = Math.log(1 + Math.E);
        assertEquals(1.3132616875182228, softplus, 1e-15);
        for (double[] row : gmm.variances()) {
            assertArrayEquals(new double[] {softplus * softplus, softplus * softplus}, row, 1e-15);
        }
        double[][] means = gmm.means();
        assertArrayEquals(new double[] {-0.2994728, 21.4577446}, means[0], 0.0);
        assertArrayEquals(new double[] {-32.9218063, -29.4375610}, means[1], 0.0);
        for (double[] mean : means) {
            assertTrue(Math.abs(mean[0]) <= 40 && Math.abs(mean[1]) <= 40);
        }
    }

    @Test
    void meansAloneGiveEqualWeightsAndUnitVariance() {
        GaussianMixture m = (GaussianMixture) REGISTRY.create("gaussian-mixture",
                Map.of("means", MEANS));
        assertArrayEquals(new double[] {0.5, 0.5}, m.weights(), 0.0);
        assertArrayEquals(new double[][] {{1, 1}, {1, 1}}, m.variances());
    }

    private static void assertInvalid(String parameter, Map<String, ?> parameters) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> REGISTRY.create("gaussian-mixture", parameters));
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
    }

    @Test
    void badParametersNameTheParameter() {
        assertInvalid("colour", Map.of("means", MEANS, "colour", 1));
        assertInvalid("means", Map.of());
        assertInvalid("means", Map.of("means", List.of()));
        assertInvalid("means", Map.of("means", List.of(List.of(0, 0), List.of(1))));
        assertInvalid("weights", Map.of("means", MEANS, "weights", List.of(1, 2, 3)));
        assertInvalid("weights", Map.of("means", MEANS, "weights", List.of(1, -2)));
        assertInvalid("weights", Map.of("means", MEANS, "weights", List.of(0, 0)));
        assertInvalid("variances", Map.of("means", MEANS, "variances", List.of(List.of(1, 1))));
        assertInvalid("variances", Map.of("means", MEANS,
                "variances", List.of(List.of(1), List.of(1))));
        assertInvalid("variances", Map.of("means", MEANS,
                "variances", List.of(List.of(1, 1), List.of(1, -1))));
        assertInvalid("variance", Map.of("means", MEANS, "variance", -1));
        assertInvalid("variance", Map.of("means", MEANS, "variance", 0));
    }

    @Test
    void unknownEnergyNamesAreRejected() {
        assertThrows(UnknownEnergyException.class, () -> REGISTRY.create("gmm41", Map.of()));
    }
}
