package io.github.targetscore.energies.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact sampler of {@link GaussianMixture} reproduces each coordinate's mean and variance
 * within 5 standard errors (fixed seeds): SE of the mean √(σ²/N), of the variance
 * √((m₄ − σ⁴)/N) with m₄ the central fourth moment Σ_i π_i (δ⁴ + 6δ²σ_i² + 3σ_i⁴), δ = μ_i − m.
 */
class GaussianMixtureSamplerTest {

    private static final int SAMPLES = 200_000;
    private static final double Z = 5;

    static Stream<Arguments> targets() {
        EnergyRegistry registry = EnergyRegistry.load();
        return Stream.concat(
                Stream.of("unit-gaussian", "easy-mixture", "hard-mixture-same-variance",
                        "hard-mixture-different-variance", "gmm40")
                        .map(name -> Arguments.of(name, registry.create(name, Map.of()))),
                Stream.of(Arguments.of("unequal weights, diagonal", GaussianMixture.of(
                        new double[] {5, 3, 2}, new double[][] {{-1, 0.5}, {1.5, -1}, {0, 2}},
                        new double[][] {{0.5, 1.2}, {0.3, 0.3}, {2.0, 0.7}}))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void samplesHaveTheExactMeanAndVariance(String name, GaussianMixture mixture) {
        int d = mixture.dimension();
        ExactSampler sampler = mixture.exactSampler().orElseThrow();
        UniformRandomProvider rng = RandomStreams.of(20240607L).stream(name.hashCode());
        double[] samples = new double[SAMPLES * d];
        for (int n = 0; n < SAMPLES; n++) {
            sampler.sample(rng, samples, n * d);
        }
        double[] mean = mixture.mean();
        double[] variance = mixture.variance();
        double[] weights = mixture.weights();
        double[][] means = mixture.means();
        double[][] variances = mixture.variances();
        for (int k = 0; k < d; k++) {
            double fourth = 0;
            for (int i = 0; i < weights.length; i++) {
                double delta = means[i][k] - mean[k];
                double v = variances[i][k];
                fourth += weights[i] * (Math.pow(delta, 4) + 6 * delta * delta * v + 3 * v * v);
            }
            double sum = 0;
            for (int n = 0; n < SAMPLES; n++) {
                sum += samples[n * d + k];
            }
            double sampleMean = sum / SAMPLES;
            double squares = 0;
            for (int n = 0; n < SAMPLES; n++) {
                double delta = samples[n * d + k] - sampleMean;
                squares += delta * delta;
            }
            double sampleVariance = squares / (SAMPLES - 1);
            assertEquals(mean[k], sampleMean, Z * Math.sqrt(variance[k] / SAMPLES),
                    name + ": mean of coordinate " + k);
            assertEquals(variance[k], sampleVariance,
                    Z * Math.sqrt((fourth - variance[k] * variance[k]) / SAMPLES),
                    name + ": variance of coordinate " + k);
        }
    }
}
