package io.github.targetscore.samplers.diffusion;

/**
 * Told after every step of a {@link ReverseDiffusion} run, on the thread that called
 * {@code sample}: progress reporting for long runs. Must not touch the run's arrays.
 */
@FunctionalInterface
public interface StepListener {

    /**
     * @param completed steps done so far, 1 .. total
     * @param total the grid's number of steps N
     * @param time the time t_completed the samples have reached
     */
    void stepCompleted(int completed, int total, double time);

    /** A listener that does nothing. */
    static StepListener none() {
        return (completed, total, time) -> { };
    }
}
