package io.github.targetscore.samplers.metrics;

/**
 * Estimates of the squared maximum mean discrepancy between two samples x (m points) and y
 * (n points) under the RBF kernel k(a, b) = exp(−|a − b|² / (2h²)) of bandwidth h, from the same
 * kernel sums (see {@link MaximumMeanDiscrepancy}). Dimensionless: k takes values in (0, 1].
 *
 * @param bandwidth h, in the units of the coordinates
 * @param unbiasedSquared the U-statistic of MMD², (1/(m(m−1))) Σ_{i≠j} k(x_i, x_j)
 *     + (1/(n(n−1))) Σ_{i≠j} k(y_i, y_j) − (2/(mn)) Σ_{i,j} k(x_i, y_j): unbiased, and negative
 *     when the samples are closer than two independent draws usually are
 * @param biasedSquared the V-statistic of MMD², the same sums with the diagonal i = j included
 *     and divided by m², n²: MMD² of the two empirical distributions, ≥ 0 up to rounding, biased
 *     upward by (1 − E k(x, x'))/m + (1 − E k(y, y'))/n
 */
public record MmdEstimate(double bandwidth, double unbiasedSquared, double biasedSquared) {

    /** √max(0, V): the MMD of the two empirical distributions, dimensionless. */
    public double biased() {
        return Math.sqrt(Math.max(0, biasedSquared));
    }
}
