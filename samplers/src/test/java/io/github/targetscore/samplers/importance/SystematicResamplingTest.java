package io.github.targetscore.samplers.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SystematicResamplingTest {

    private static final double[] WEIGHTS = {0.05, 0.0, 0.31, 0.12, 0.2, 0.02, 0.3, 0.0};

    private static double[] logWeights() {
        double[] log = new double[WEIGHTS.length];
        for (int k = 0; k < log.length; k++) {
            log[k] = Math.log(WEIGHTS[k]) + 3.7;
        }
        return log;
    }

    /**
     * For every u the ancestors are sorted and particle k gets ⌊nW_k⌋ or ⌈nW_k⌉ copies (none
     * for zero weight, even as u → 1); averaged over u the copies are nW_k.
     */
    @Test
    void copiesAreTheFloorOrCeilingOfTheExpectedNumber() {
        int n = WEIGHTS.length;
        double[] log = logWeights();
        int[] ancestors = new int[n];
        int grid = 10000;
        double[] mean = new double[n];
        for (int g = 0; g <= grid; g++) {
            double u = g == grid ? Math.nextDown(1.0) : (g + 0.5) / grid;
            SystematicResampling.ancestors(log, n, u, ancestors);
            int[] copies = new int[n];
            for (int j = 0; j < n; j++) {
                assertTrue(j == 0 || ancestors[j] >= ancestors[j - 1], "sorted at u = " + u);
                copies[ancestors[j]]++;
            }
            for (int k = 0; k < n; k++) {
                double expected = n * WEIGHTS[k];
                assertTrue(copies[k] == Math.floor(expected) || copies[k] == Math.ceil(expected),
                        "particle " + k + " at u = " + u + ": " + copies[k] + " copies");
                if (g < grid) {
                    mean[k] += copies[k] / (double) grid;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            assertEquals(n * WEIGHTS[k], mean[k], 1e-3, "particle " + k);
        }
    }
}
