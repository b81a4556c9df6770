package io.github.targetscore.samplers.metrics;

import java.util.Arrays;

/**
 * E-W2: the 2-Wasserstein distance between two one-dimensional samples, as used on the energies
 * of generated and reference configurations (MATH §9).
 *
 * <p>In one dimension the optimal coupling is the monotone one, so with sorted values and
 * quantile functions F⁻¹, G⁻¹ of the two empirical distributions
 * <pre>
 *   W₂²(u, v) = ∫₀¹ (F⁻¹(t) − G⁻¹(t))² dt,   which for m = n is (1/n) Σ_i (u_(i) − v_(i))².
 * </pre>
 * Some public code logs W₂² under the name "E-W2"; here {@link #distance} is the square-rooted
 * E-W2 (units of energy) and {@link #squaredDistance} its square (energy²), named apart so that
 * a comparison can report both unambiguously. Sizes may differ: the integral is summed exactly
 * over the pieces on which both quantile functions are constant.
 */
public final class EnergyWasserstein {

    private EnergyWasserstein() {
    }

    /**
     * E-W2 = √{@link #squaredDistance}, in units of energy.
     *
     * @param u m ≥ 1 finite values
     * @param v n ≥ 1 finite values
     */
    public static double distance(double[] u, double[] v) {
        return Math.sqrt(squaredDistance(u, v));
    }

    /**
     * E-W2² = ∫₀¹ (F⁻¹(t) − G⁻¹(t))² dt, in units of energy squared.
     *
     * @param u m ≥ 1 finite values
     * @param v n ≥ 1 finite values
     * @throws IllegalArgumentException if a sample is empty or holds a non-finite value (naming
     *     its index)
     */
    public static double squaredDistance(double[] u, double[] v) {
        double[] a = sortedCopy(u, "E-W2 first sample");
        double[] b = sortedCopy(v, "E-W2 second sample");
        long m = a.length;
        long n = b.length;
        // value a_(i) holds t in [i·n, (i+1)·n), b_(j) holds [j·m, (j+1)·m), in units of 1/(mn)
        double sum = 0;
        int i = 0;
        int j = 0;
        long position = 0;
        while (i < m && j < n) {
            long next = Math.min((i + 1) * n, (j + 1) * m);
            double difference = a[i] - b[j];
            sum += (next - position) * difference * difference;
            position = next;
            if (next == (i + 1) * n) {
                i++;
            }
            if (next == (j + 1) * m) {
                j++;
            }
        }
        return sum / ((double) m * n);
    }

    private static double[] sortedCopy(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(what + ": value " + k + " is " + values[k]);
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
