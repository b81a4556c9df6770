package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.random.RandomStreams;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Seeded Gaussian sample sets and the replicate statistics the metric tests compare with. */
final class TestSamples {

    private TestSamples() {
    }

    /**
     * n rows of independent N(mean_k, std_k²) coordinates, from stream {@code index} of
     * {@code seed}.
     */
    static double[] gaussian(long seed, long index, int n, double[] mean, double[] std) {
        UniformRandomProvider rng = RandomStreams.of(seed).stream(index);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = mean.length;
        double[] xs = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                xs[i * d + k] = mean[k] + std[k] * normal.sample();
            }
        }
        return xs;
    }

    /** n copies of {@code value}. */
    static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    /** The mean of the replicates and its standard error s/√R. */
    record MeanAndError(double mean, double standardError) {

        static MeanAndError of(double[] replicates) {
            int r = replicates.length;
            double mean = 0;
            for (double x : replicates) {
                mean += x / r;
            }
            double squares = 0;
            for (double x : replicates) {
                squares += (x - mean) * (x - mean);
            }
            return new MeanAndError(mean, Math.sqrt(squares / (r - 1) / r));
        }
    }
}
