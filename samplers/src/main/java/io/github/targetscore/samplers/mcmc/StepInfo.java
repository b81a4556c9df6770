package io.github.targetscore.samplers.mcmc;

/**
 * What one Metropolis–Hastings step did: whether the proposal was accepted, its acceptance
 * probability min(1, r) and the step size used. Owned by a {@link McmcKernel} and overwritten by
 * each of its steps, so that stepping allocates nothing; copy the values out to keep them.
 */
public final class StepInfo {

    private boolean accepted;
    private double acceptanceProbability;
    private double stepSize;

    StepInfo() {
    }

    void record(boolean accepted, double acceptanceProbability, double stepSize) {
        this.accepted = accepted;
        this.acceptanceProbability = acceptanceProbability;
        this.stepSize = stepSize;
    }

    /** Whether the chain moved to the proposal. */
    public boolean accepted() {
        return accepted;
    }

    /** min(1, r), r the Metropolis–Hastings ratio; 0 for a proposal of zero density. */
    public double acceptanceProbability() {
        return acceptanceProbability;
    }

    /** The step size h (ε for HMC) the step used. */
    public double stepSize() {
        return stepSize;
    }

    @Override
    public String toString() {
        return "StepInfo[accepted=" + accepted + ", acceptanceProbability=" + acceptanceProbability
                + ", stepSize=" + stepSize + "]";
    }
}
