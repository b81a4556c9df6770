package io.github.targetscore.samplers.importance;

/**
 * Sums of unnormalised importance weights held as logarithms, computed without overflow and
 * without allocation: log-sum-exp, Kish's effective sample size and the conditional effective
 * sample size of a tempering increment.
 */
final class LogWeights {

    private LogWeights() {
    }

    /**
     * log Σ_k exp(base_k + factor · increment_k) over k &lt; n; a term with base_k = −∞, or with
     * increment_k = −∞ and factor &gt; 0, contributes 0 (factor = 0 ignores the increments).
     *
     * @return the log-sum, −∞ if every term is 0
     */
    static double logSumExp(double[] base, double[] increment, double factor, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, term(base, increment, factor, k));
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.exp(term(base, increment, factor, k) - max);
        }
        return max + Math.log(sum);
    }

    /** log Σ_k exp(logWeights_k) over k &lt; n. */
    static double logSumExp(double[] logWeights, int n) {
        return logSumExp(logWeights, logWeights, 0, n);
    }

    private static double term(double[] base, double[] increment, double factor, int k) {
        return factor == 0 ? base[k] : base[k] + factor * increment[k];
    }

    /**
     * Kish's effective sample size (Σ_k w_k)² / Σ_k w_k² of the weights w_k = exp(logWeights_k),
     * in [1, n].
     *
     * @throws IllegalStateException if every weight is 0 or one is NaN
     */
    static double kishEss(double[] logWeights, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, logWeights[k]);
        }
        if (!(max > Double.NEGATIVE_INFINITY)) {
            throw new IllegalStateException("all " + n + " importance weights are zero or NaN");
        }
        // one exponential per weight: w_k = exp(log w_k − max) ∈ [0, 1], Σw ≥ 1
        double sum = 0;
        double sumSquares = 0;
        for (int k = 0; k < n; k++) {
            double w = Math.exp(logWeights[k] - max);
            sum += w;
            sumSquares += w * w;
        }
        return sum * sum / sumSquares;
    }

    /**
     * The conditional effective sample size (Zhou, Johansen and Aston 2016) of reweighting the
     * normalised weights W_k ∝ exp(logWeights_k) by u_k = exp(δ · increment_k):
     * n (Σ_k W_k u_k)² / Σ_k W_k u_k², in [1, n] (n when every u_k is equal).
     *
     * @param delta δ &gt; 0
     */
    static double conditionalEss(double[] logWeights, double[] increment, double delta, int n) {
        double log = logSumExp(logWeights, n);
        return n * Math.exp(2 * logSumExp(logWeights, increment, delta, n) - log
                - logSumExp(logWeights, increment, 2 * delta, n));
    }
}
