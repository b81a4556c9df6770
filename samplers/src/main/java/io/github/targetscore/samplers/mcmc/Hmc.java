package io.github.targetscore.samplers.mcmc;

import io.github.targetscore.core.LogDensity;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Hamiltonian Monte Carlo with an identity mass matrix: draws a momentum p ~ N(0, I) projected
 * onto the sampled subspace, integrates Hamilton's equations for H(x, p) = −log π(x) + |p|²/2
 * with L leapfrog steps of size ε,
 * <pre>
 *   p ← p + (ε/2) P∇log π(x),   x ← x ⊕ ε p,   p ← p + (ε/2) P∇log π(x),
 * </pre>
 * and accepts the end point with probability min(1, exp(H(x, p) − H(x', p'))). The leapfrog map
 * is volume-preserving and reversible on flat spaces only. L gradient evaluations per step; the
 * trajectory stops early, and is rejected, where π vanishes.
 *
 * <p>Optional jitter (Neal 2011, §5.4.2.2) draws, independently of the state, each step's
 * leapfrog size ε_t = ε(1 + j(2u − 1)), u ~ U(0, 1), j ∈ [0, 1), and/or its number of leapfrog
 * steps L_t uniformly in {1, …, L}: every (ε_t, L_t) kernel leaves π invariant, so their
 * mixture does too, and trajectories no longer share one period (which can make fixed-L HMC
 * nearly reducible on near-Gaussian targets). {@link StepInfo#stepSize()} reports the nominal ε.
 */
public final class Hmc extends McmcKernel {

    /** A common target acceptance rate for HMC (Beskos et al. 2013 give 0.651 as optimal). */
    public static final double TARGET_ACCEPTANCE = 0.65;

    private final int leapfrogSteps;
    private final double stepSizeJitter;
    private final boolean randomPathLength;
    private final double[] momentum;

    private Hmc(LogDensity density, double stepSize, int leapfrogSteps, double stepSizeJitter,
            boolean randomPathLength) {
        super(density, stepSize);
        this.leapfrogSteps = leapfrogSteps;
        this.stepSizeJitter = stepSizeJitter;
        this.randomPathLength = randomPathLength;
        this.momentum = new double[tangentDimension()];
    }

    /**
     * @param density π
     * @param stepSize ε &gt; 0, the leapfrog step
     * @param leapfrogSteps L ≥ 1 leapfrog steps per proposal
     * @return a kernel for one chain
     */
    public static Hmc of(LogDensity density, double stepSize, int leapfrogSteps) {
        return of(density, stepSize, leapfrogSteps, 0, false);
    }

    /**
     * @param density π
     * @param stepSize ε &gt; 0, the nominal leapfrog step
     * @param leapfrogSteps L ≥ 1, the (largest) number of leapfrog steps per proposal
     * @param stepSizeJitter j ∈ [0, 1): each proposal uses ε(1 + j(2u − 1)); 0 for none
     * @param randomPathLength whether each proposal uses L_t ~ U{1, …, L} steps instead of L
     * @return a kernel for one chain
     */
    public static Hmc of(LogDensity density, double stepSize, int leapfrogSteps,
            double stepSizeJitter, boolean randomPathLength) {
        return new Hmc(density, stepSize, checkLeapfrogSteps(leapfrogSteps),
                checkStepSizeJitter(stepSizeJitter), randomPathLength);
    }

    static double checkStepSizeJitter(double stepSizeJitter) {
        if (!(stepSizeJitter >= 0 && stepSizeJitter < 1)) {
            throw new IllegalArgumentException("HMC step-size jitter must be in [0, 1), got "
                    + stepSizeJitter);
        }
        return stepSizeJitter;
    }

    static int checkLeapfrogSteps(int leapfrogSteps) {
        if (leapfrogSteps < 1) {
            throw new IllegalArgumentException("HMC needs at least 1 leapfrog step, got "
                    + leapfrogSteps);
        }
        return leapfrogSteps;
    }

    /**
     * A starting leapfrog step for a Gaussian of standard deviation {@code scale} in n
     * dimensions, from the n^(−1/4) scaling of the optimal step: ε = ℓ n^(−1/4).
     */
    public static double stepSizeForScale(double scale, int degreesOfFreedom) {
        return scale / Math.sqrt(Math.sqrt(degreesOfFreedom));
    }

    /** L, the (largest) number of leapfrog steps per proposal. */
    public int leapfrogSteps() {
        return leapfrogSteps;
    }

    /** j, the relative jitter of the leapfrog step (0 for none). */
    public double stepSizeJitter() {
        return stepSizeJitter;
    }

    /** Whether each proposal draws its number of leapfrog steps uniformly in {1, …, L}. */
    public boolean randomPathLength() {
        return randomPathLength;
    }

    @Override
    boolean usesScore() {
        return true;
    }

    @Override
    double propose(UniformRandomProvider rng, ChainState current, ChainState proposal) {
        double epsilon = stepSizeJitter == 0 ? stepSize()
                : stepSize() * (1 + stepSizeJitter * (2 * rng.nextDouble() - 1));
        int steps = randomPathLength ? 1 + rng.nextInt(leapfrogSteps) : leapfrogSteps;
        double kinetic = gaussian(rng, momentum) / 2;
        proposal.copyFrom(current);
        for (int l = 0; l < steps; l++) {
            kick(proposal, epsilon / 2);
            move(proposal, momentum, epsilon, proposal);
            if (evaluateWithScore(proposal) == Double.NEGATIVE_INFINITY) {
                return Double.NEGATIVE_INFINITY;
            }
            kick(proposal, epsilon / 2);
        }
        return proposal.logDensity() - squaredNorm(momentum) / 2
                - current.logDensity() + kinetic;
    }

    /** p ← p + c·P∇log π(x), p staying in the sampled subspace. */
    private void kick(ChainState state, double c) {
        double[] score = state.score();
        for (int i = 0; i < momentum.length; i++) {
            momentum[i] += c * score[i];
        }
        project(momentum);
    }
}
