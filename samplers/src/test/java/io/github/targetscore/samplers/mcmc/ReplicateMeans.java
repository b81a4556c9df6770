package io.github.targetscore.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Honest Monte Carlo tolerances for MCMC tests: a statistic is averaged within each of R
 * independent replicates (chains with their own streams and starts, or independent sampler
 * calls), so the R replicate averages are independent and their spread gives the standard error
 * of the grand mean, SE = sd/√R, whatever the autocorrelation within a replicate. Checks allow
 * 5 SE; with R ≥ 64 the estimated SE is good to about 10 %.
 */
final class ReplicateMeans {

    /** The tolerance in standard errors. */
    static final double STANDARD_ERRORS = 5;

    private ReplicateMeans() {
    }

    /** A scalar function of one state, read from row {@code offset} of a flat array. */
    @FunctionalInterface
    interface Statistic {
        double of(double[] rows, int offset);
    }

    /** Per-chain averages of {@code f} over the kept states of each chain of {@code run}. */
    static double[] perChain(MultiChainResult run, Statistic f) {
        return perGroup(run.samples(), run.chains(), run.samplesPerChain(), run.dimension(), f);
    }

    /** Averages of {@code f} over each of {@code groups} consecutive blocks of rows. */
    static double[] perGroup(double[] rows, int groups, int perGroup, int dimension, Statistic f) {
        double[] averages = new double[groups];
        for (int g = 0; g < groups; g++) {
            double s = 0;
            for (int k = 0; k < perGroup; k++) {
                s += f.of(rows, (g * perGroup + k) * dimension);
            }
            averages[g] = s / perGroup;
        }
        return averages;
    }

    /** Asserts that the mean of the replicate averages is within 5 SE of {@code expected}. */
    static void assertMean(String what, double expected, double[] replicates) {
        int r = replicates.length;
        double mean = 0;
        for (double v : replicates) {
            mean += v;
        }
        mean /= r;
        double squares = 0;
        for (double v : replicates) {
            squares += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(squares / (r - 1) / r);
        assertTrue(se > 0, what + ": replicates do not vary");
        double z = (mean - expected) / se;
        assertTrue(Math.abs(z) <= STANDARD_ERRORS, String.format(
                "%s: %.6f vs exact %.6f, SE %.2e over %d replicates (%.1f SE)", what, mean,
                expected, se, r, z));
    }
}
