package io.github.targetscore.samplers.mcmc;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * How each chain runs: W warm-up steps, during which the step size adapts by
 * {@link StepSizeAdaptation} toward the algorithm's target acceptance rate (unless adaptation is
 * off), then S kept states, one every T steps (thinning); the step size is frozen after
 * warm-up. A chain therefore takes W + S·T steps. Immutable and thread-safe.
 */
public final class ChainSchedule {

    private final int warmUp;
    private final int samples;
    private final int thinning;
    private final boolean adaptive;

    private ChainSchedule(int warmUp, int samples, int thinning, boolean adaptive) {
        this.warmUp = warmUp;
        this.samples = samples;
        this.thinning = thinning;
        this.adaptive = adaptive;
    }

    /**
     * @param warmUp W ≥ 0 warm-up steps, with step-size adaptation
     * @param samples S ≥ 1 kept states per chain
     * @param thinning T ≥ 1: keep every T-th state
     */
    public static ChainSchedule of(int warmUp, int samples, int thinning) {
        if (warmUp < 0 || samples < 1 || thinning < 1) {
            throw new IllegalArgumentException("a chain needs warm-up >= 0, samples >= 1 and "
                    + "thinning >= 1, got " + warmUp + ", " + samples + ", " + thinning);
        }
        return new ChainSchedule(warmUp, samples, thinning, true);
    }

    /** A copy whose warm-up keeps the given step size (e.g. one adapted by an earlier run). */
    public ChainSchedule withoutAdaptation() {
        return new ChainSchedule(warmUp, samples, thinning, false);
    }

    /** W. */
    public int warmUp() {
        return warmUp;
    }

    /** S. */
    public int samples() {
        return samples;
    }

    /** T. */
    public int thinning() {
        return thinning;
    }

    /** Whether the step size adapts during warm-up. */
    public boolean adaptive() {
        return adaptive;
    }

    /** Receives each kept state. */
    @FunctionalInterface
    interface Keeper {
        /** Called with the chain's state after step W + (index + 1)·T. */
        void keep(int index, ChainState state);
    }

    /**
     * Runs one chain from {@code state} with the kernel's current step size.
     *
     * @return the number of accepted proposals among the S·T steps after warm-up
     */
    long run(McmcKernel kernel, ChainState state, UniformRandomProvider rng,
            double targetAcceptance, Keeper keeper) {
        if (adaptive && warmUp > 0) {
            StepSizeAdaptation adaptation =
                    StepSizeAdaptation.of(targetAcceptance, kernel.stepSize(), warmUp);
            for (int w = 0; w < warmUp; w++) {
                StepInfo info = kernel.step(rng, state);
                kernel.setStepSize(adaptation.update(info.acceptanceProbability()));
            }
            kernel.setStepSize(adaptation.averagedStepSize());
        } else {
            for (int w = 0; w < warmUp; w++) {
                kernel.step(rng, state);
            }
        }
        long accepted = 0;
        for (int s = 0; s < samples; s++) {
            for (int t = 0; t < thinning; t++) {
                if (kernel.step(rng, state).accepted()) {
                    accepted++;
                }
            }
            keeper.keep(s, state);
        }
        return accepted;
    }

    /** S·T, as a double for rates. */
    double samplingSteps() {
        return (double) samples * thinning;
    }

    @Override
    public String toString() {
        return "ChainSchedule[warmUp=" + warmUp + ", samples=" + samples + ", thinning="
                + thinning + (adaptive ? "" : ", no adaptation") + "]";
    }
}
