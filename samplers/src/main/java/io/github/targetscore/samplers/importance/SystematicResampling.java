package io.github.targetscore.samplers.importance;

/**
 * Systematic resampling (Carpenter, Clifford and Fearnhead 1999; Douc and Cappé 2005): one
 * uniform u ∈ [0, 1) places n evenly spaced points (u + j)/n on the cumulative normalised
 * weights, and particle k is copied once per point that falls in its interval, so its number of
 * copies is ⌊n W_k⌋ or ⌈n W_k⌉. Unbiased, and of lower variance than multinomial resampling.
 */
final class SystematicResampling {

    private SystematicResampling() {
    }

    /**
     * Writes the ancestors, in increasing order, of n resampled particles.
     *
     * @param logWeights unnormalised log-weights of particles 0 .. n − 1, not all −∞
     * @param n number of particles
     * @param uniform u ∈ [0, 1)
     * @param ancestors output: ancestors[j] is the particle copied into slot j
     */
    static void ancestors(double[] logWeights, int n, double uniform, int[] ancestors) {
        double log = LogWeights.logSumExp(logWeights, n);
        int last = n - 1;
        while (logWeights[last] == Double.NEGATIVE_INFINITY) {
            last--;
        }
        double cumulative = Math.exp(logWeights[0] - log);
        int k = 0;
        for (int j = 0; j < n; j++) {
            double point = (uniform + j) / n;
            // the last particle of positive weight absorbs the rounding of the sum below 1
            while (point >= cumulative && k < last) {
                k++;
                cumulative += Math.exp(logWeights[k] - log);
            }
            ancestors[j] = k;
        }
    }
}
