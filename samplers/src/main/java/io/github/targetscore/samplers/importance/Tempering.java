package io.github.targetscore.samplers.importance;

import java.util.Arrays;

/**
 * The inverse temperatures 0 = λ_0 &lt; λ_1 &lt; … &lt; λ_m = 1 of a tempered sequence
 * π_λ ∝ q(x) p_X(x)^λ: either fixed in advance, or chosen adaptively so that each reweighting by
 * p_X(x)^{λ' − λ} keeps a set fraction of the conditional effective sample size (Zhou, Johansen
 * and Aston 2016), found by bisection on λ'. Immutable.
 */
final class Tempering {

    /** Bisection halvings: the step is found to 2^−60 of the remaining interval. */
    private static final int BISECTION_STEPS = 60;

    private final double[] temperatures;
    private final double conditionalEssFraction;

    private Tempering(double[] temperatures, double conditionalEssFraction) {
        this.temperatures = temperatures;
        this.conditionalEssFraction = conditionalEssFraction;
    }

    /**
     * @param conditionalEssFraction the conditional ESS each step keeps, as a fraction of the
     *     particle count, in (0, 1)
     */
    static Tempering adaptive(double conditionalEssFraction) {
        if (!(conditionalEssFraction > 0 && conditionalEssFraction < 1)) {
            throw new IllegalArgumentException("the conditional ESS fraction must be in (0, 1),"
                    + " got " + conditionalEssFraction);
        }
        return new Tempering(null, conditionalEssFraction);
    }

    /** @param temperatures λ_1 &lt; … &lt; λ_m = 1, all in (0, 1] (copied) */
    static Tempering fixed(double[] temperatures) {
        double previous = 0;
        for (int j = 0; j < temperatures.length; j++) {
            if (!(temperatures[j] > previous && temperatures[j] <= 1)) {
                throw new IllegalArgumentException("temperatures must increase strictly in (0, 1],"
                        + " got λ[" + j + "] = " + temperatures[j] + " after " + previous);
            }
            previous = temperatures[j];
        }
        if (previous != 1) {
            throw new IllegalArgumentException("the last temperature must be 1, got " + previous);
        }
        return new Tempering(temperatures.clone(), Double.NaN);
    }

    /**
     * The next inverse temperature after λ &lt; 1.
     *
     * @param lambda the current λ
     * @param logTarget log p_X(x_k) of the particles
     * @param logWeights their current log-weights
     * @param n number of particles
     * @return λ' ∈ (λ, 1]
     */
    double next(double lambda, double[] logTarget, double[] logWeights, int n) {
        if (temperatures != null) {
            int j = 0;
            while (temperatures[j] <= lambda) {
                j++;
            }
            return temperatures[j];
        }
        double wanted = conditionalEssFraction * n;
        double high = 1 - lambda;
        if (LogWeights.conditionalEss(logWeights, logTarget, high, n) >= wanted) {
            return 1;
        }
        double low = 0;
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double middle = 0.5 * (low + high);
            if (LogWeights.conditionalEss(logWeights, logTarget, middle, n) >= wanted) {
                low = middle;
            } else {
                high = middle;
            }
        }
        // low = 0 only when no step keeps the wanted ESS (particles of zero density): take the
        // smallest step tried, after which resampling drops them; always move by one ulp at least
        return Math.max(lambda + (low > 0 ? low : high), Math.nextUp(lambda));
    }

    @Override
    public String toString() {
        return temperatures == null ? "adaptive(cess=" + conditionalEssFraction + ")"
                : "fixed" + Arrays.toString(temperatures);
    }
}
