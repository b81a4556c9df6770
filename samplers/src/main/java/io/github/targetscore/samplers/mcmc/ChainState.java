package io.github.targetscore.samplers.mcmc;

/**
 * The state of one Markov chain: its position x, log π(x) and the score ∇log π(x), in buffers
 * owned by the chain and overwritten in place by every {@link McmcKernel#step step}.
 *
 * <p>When π is a {@link io.github.targetscore.samplers.posterior.Posterior} p(x|y) the state also
 * keeps the target's score ∇log p_X(x), computed directly by the target rather than recovered
 * as ∇log p(x|y) − α(y − αx)/σ² (a difference of two large terms at low noise). For any other
 * density {@link #targetScore()} is the score itself.
 *
 * <p>The accessors return the live buffers: read them, never write them. A state is created by
 * {@link McmcKernel#init(double[])} and is not thread-safe.
 */
public final class ChainState {

    private final double[] position;
    private final double[] score;
    private final double[] targetScore;
    private double logDensity;
    private boolean scoreCurrent;

    ChainState(int dimension, int tangentDimension, boolean separateTargetScore) {
        this.position = new double[dimension];
        this.score = new double[tangentDimension];
        this.targetScore = separateTargetScore ? new double[tangentDimension] : score;
    }

    /** The position x: {@code manifold().dimension()} coordinates (live buffer, read only). */
    public double[] position() {
        return position;
    }

    /** log π(x) up to the density's constant. */
    public double logDensity() {
        return logDensity;
    }

    /**
     * ∇log π(x) (live buffer, read only). Random-walk Metropolis never needs it and updates it
     * only on request ({@link McmcKernel#updateScore(ChainState)}); the gradient-based kernels
     * keep it current.
     */
    public double[] score() {
        return score;
    }

    /**
     * ∇log p_X(x) when π is a posterior p(x|y), otherwise ∇log π(x) (live buffer, read only);
     * current under the same conditions as {@link #score()}.
     */
    public double[] targetScore() {
        return targetScore;
    }

    /** Whether {@link #score()} and {@link #targetScore()} belong to the current position. */
    public boolean scoreCurrent() {
        return scoreCurrent;
    }

    /** An independent copy of this state. */
    public ChainState copy() {
        ChainState copy = new ChainState(position.length, score.length, targetScore != score);
        copy.copyFrom(this);
        return copy;
    }

    boolean separateTargetScore() {
        return targetScore != score;
    }

    void setLogDensity(double logDensity, boolean scoreCurrent) {
        this.logDensity = logDensity;
        this.scoreCurrent = scoreCurrent;
    }

    void markScoreCurrent() {
        scoreCurrent = true;
    }

    /** Overwrites this state with {@code other}'s (same shape); stale scores are not copied. */
    void copyFrom(ChainState other) {
        System.arraycopy(other.position, 0, position, 0, position.length);
        logDensity = other.logDensity;
        scoreCurrent = other.scoreCurrent;
        if (scoreCurrent) {
            System.arraycopy(other.score, 0, score, 0, score.length);
            if (separateTargetScore()) {
                System.arraycopy(other.targetScore, 0, targetScore, 0, targetScore.length);
            }
        }
    }
}
