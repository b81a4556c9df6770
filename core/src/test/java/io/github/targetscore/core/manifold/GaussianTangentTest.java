package io.github.targetscore.core.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaussianTangentTest {

    /**
     * The Helmert draws have the covariance of projected normals, P = I − 11ᵀ/n per spatial
     * component and 0 across components: every entry of the sample covariance within 5 of its
     * standard errors (Var of a product of two jointly Gaussian entries is P_ab² + P_aa P_bb);
     * each draw is mean-free to rounding and uses exactly (n − 1)·D normals.
     */
    @ParameterizedTest
    @CsvSource({"2, 3", "4, 2", "13, 3"})
    void helmertDrawsHaveTheProjectedCovariance(int n, int dimensions) {
        ParticleSpace space = ParticleSpace.of(n, dimensions, true);
        int d = n * dimensions;
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(9L);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] draws = new int[1];
        NormalizedGaussianSampler counting = () -> {
            draws[0]++;
            return gaussian.sample();
        };
        int samples = 20000;
        double[] v = new double[d];
        double[][] second = new double[d][d];
        for (int s = 0; s < samples; s++) {
            space.gaussianTangent(counting, v, 0);
            for (int k = 0; k < dimensions; k++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += v[i * dimensions + k];
                }
                assertEquals(0, mean, 1e-12);
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    second[a][b] += v[a] * v[b] / samples;
                }
            }
        }
        assertEquals(samples * (n - 1) * dimensions, draws[0]);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                boolean sameComponent = a % dimensions == b % dimensions;
                double p = sameComponent ? (a == b ? 1 : 0) - 1.0 / n : 0;
                double pAa = 1 - 1.0 / n;
                double se = Math.sqrt((p * p + pAa * pAa) / samples);
                assertEquals(p, second[a][b], 5 * se, "covariance " + a + ", " + b);
            }
        }
    }
}
