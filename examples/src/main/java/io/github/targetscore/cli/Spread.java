package io.github.targetscore.cli;

import java.util.Arrays;

/**
 * How n values x_1 … x_n of a random quantity spread, in the values' units: the mean
 * x̄ = Σx_i / n, the standard deviation s = √(Σ(x_i − x̄)² / (n − 1)), the standard error of the
 * mean s / √n (for independent values), the minimum, the 5 %, 50 % and 95 % quantiles
 * ({@link #quantile}) and the maximum. With one value s and s / √n are undefined
 * ({@code null}). Immutable.
 *
 * @param count n ≥ 1
 * @param mean x̄
 * @param standardDeviation s, {@code null} for n = 1
 * @param standardError s / √n, {@code null} for n = 1
 * @param min the smallest value
 * @param quantile05 the 5 % quantile
 * @param median the 50 % quantile
 * @param quantile95 the 95 % quantile
 * @param max the largest value
 */
public record Spread(int count, double mean, Double standardDeviation, Double standardError,
        double min, double quantile05, double median, double quantile95, double max) {

    /**
     * The spread of {@code values} (not changed); mean and variance by Welford's update in index
     * order ({@link SampleSummary#moments}).
     *
     * @param values at least one value, none NaN
     * @param what the values' name in messages
     * @throws IllegalArgumentException naming {@code what} if there is no value or one is NaN
     *     (naming its index)
     */
    public static Spread of(double[] values, String what) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException(what + ": no values");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(what + ": value " + i + " is NaN");
            }
        }
        double[][] moments = SampleSummary.moments(values, n, 1);
        Double sd = n < 2 ? null : Math.sqrt(moments[1][0]);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(n, moments[0][0], sd, sd == null ? null : sd / Math.sqrt(n),
                sorted[0], quantile(sorted, 0.05), quantile(sorted, 0.5),
                quantile(sorted, 0.95), sorted[n - 1]);
    }

    /**
     * The p-quantile of sorted values by linear interpolation between order statistics (type 7,
     * NumPy's default): with h = (n − 1)·p, x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋), 0-based.
     *
     * @param sorted at least one value, in ascending order
     * @param p the probability, in [0, 1]
     */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
