package io.github.targetscore.samplers.mcmc;

/**
 * The effective sample size of C Markov chains of N draws each, per coordinate, by the
 * multi-chain estimator of Vehtari, Gelman, Simpson, Carpenter &amp; Bürkner (2021) without rank
 * normalisation, as in Stan:
 * <ol>
 * <li>each chain is split into halves, giving M = 2C sequences of n = ⌊N/2⌋ draws (the middle
 *   draw of an odd N is dropped), so that a trend within a chain counts as between-sequence
 *   variance;</li>
 * <li>W = mean over sequences of their sample variances s_m², B/n = the sample variance of the
 *   sequence means, var⁺ = (n − 1)/n · W + B/n;</li>
 * <li>autocorrelations ρ̂_t = 1 − (W − γ̄_t)/var⁺, γ̄_t the mean over sequences of the
 *   autocovariance at lag t (denominator n), ρ̂_0 = 1;</li>
 * <li>Geyer's initial monotone sequence: pair sums P_k = ρ̂_{2k} + ρ̂_{2k+1} are summed while
 *   positive, each capped by the previous, τ̂ = −1 + 2 Σ_k P_k ≥ 1/log₁₀(Mn);</li>
 * <li>ESS = M n / τ̂ (at most Mn·log₁₀(Mn): antithetic chains, such as HMC on a Gaussian, may
 *   exceed Mn).</li>
 * </ol>
 * Samples are stored chain-major: draw k of chain c in row c·N + k, coordinate i of row r at
 * {@code r·dimension + i}. The cost is O(C·N·d·τ̂).
 */
public final class EffectiveSampleSize {

    private EffectiveSampleSize() {
    }

    /**
     * The smallest per-coordinate ESS (the conservative summary of a vector sample), ignoring
     * coordinates that do not vary.
     *
     * @return the ESS, NaN if no coordinate varies or N &lt; 4
     */
    public static double minimum(double[] samples, int chains, int draws, int dimension) {
        checkShape(samples, chains, draws, dimension);
        double[] means = new double[2 * chains];
        double min = Double.NaN;
        for (int i = 0; i < dimension; i++) {
            double ess = compute(samples, chains, draws, dimension, i, means);
            if (!Double.isNaN(ess) && (Double.isNaN(min) || ess < min)) {
                min = ess;
            }
        }
        return min;
    }

    /**
     * The ESS of coordinate {@code coordinate}.
     *
     * @return the ESS, NaN if the coordinate does not vary or N &lt; 4
     */
    public static double ofCoordinate(double[] samples, int chains, int draws, int dimension,
            int coordinate) {
        checkShape(samples, chains, draws, dimension);
        if (coordinate < 0 || coordinate >= dimension) {
            throw new IllegalArgumentException("coordinate " + coordinate + " is not in [0, "
                    + dimension + ")");
        }
        return compute(samples, chains, draws, dimension, coordinate, new double[2 * chains]);
    }

    private static double compute(double[] samples, int chains, int draws, int dimension,
            int coordinate, double[] means) {
        int n = draws / 2;
        int sequences = 2 * chains;
        if (n < 2) {
            return Double.NaN;
        }
        double withinVariance = 0;
        double grandMean = 0;
        for (int m = 0; m < sequences; m++) {
            int first = first(m, draws, n);
            double mean = 0;
            for (int k = 0; k < n; k++) {
                mean += samples[(first + k) * dimension + coordinate];
            }
            mean /= n;
            double squares = 0;
            for (int k = 0; k < n; k++) {
                double r = samples[(first + k) * dimension + coordinate] - mean;
                squares += r * r;
            }
            means[m] = mean;
            grandMean += mean;
            withinVariance += squares / (n - 1);
        }
        withinVariance /= sequences;
        grandMean /= sequences;
        double betweenVariance = 0;
        for (int m = 0; m < sequences; m++) {
            double r = means[m] - grandMean;
            betweenVariance += r * r;
        }
        betweenVariance /= sequences - 1;
        double varPlus = (n - 1.0) / n * withinVariance + betweenVariance;
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (int lag = 0; lag + 1 < n; lag += 2) {
            double pair = (lag == 0 ? 1 : autocorrelation(samples, draws, dimension, coordinate,
                    means, n, lag, withinVariance, varPlus))
                    + autocorrelation(samples, draws, dimension, coordinate, means, n, lag + 1,
                    withinVariance, varPlus);
            if (!(pair > 0)) {
                break;
            }
            previous = Math.min(previous, pair);
            sum += previous;
        }
        double total = (double) sequences * n;
        double tau = Math.max(-1 + 2 * sum, 1 / Math.log10(total));
        return total / tau;
    }

    /** ρ̂_t = 1 − (W − γ̄_t)/var⁺. */
    private static double autocorrelation(double[] samples, int draws, int dimension,
            int coordinate, double[] means, int n, int lag, double withinVariance,
            double varPlus) {
        double autocovariance = 0;
        for (int m = 0; m < means.length; m++) {
            int first = first(m, draws, n);
            double mean = means[m];
            double s = 0;
            for (int k = 0; k + lag < n; k++) {
                s += (samples[(first + k) * dimension + coordinate] - mean)
                        * (samples[(first + k + lag) * dimension + coordinate] - mean);
            }
            autocovariance += s / n;
        }
        autocovariance /= means.length;
        return 1 - (withinVariance - autocovariance) / varPlus;
    }

    /** Row of the first draw of sequence m: the first or the last n draws of chain m/2. */
    private static int first(int m, int draws, int n) {
        return (m >> 1) * draws + ((m & 1) == 0 ? 0 : draws - n);
    }

    private static void checkShape(double[] samples, int chains, int draws, int dimension) {
        if (chains < 1 || draws < 1 || dimension < 1
                || samples.length < (long) chains * draws * dimension) {
            throw new IllegalArgumentException("expected at least " + chains + " chains × "
                    + draws + " draws × " + dimension + " coordinates (positive), got an array of "
                    + samples.length);
        }
    }
}
