package io.github.targetscore.cli;

/**
 * How one run of a sweep ended: its summary, or why it failed.
 *
 * @param run the run
 * @param summary what it reports when it finished, else null
 * @param failure why it failed (one line), else null
 */
record SweepOutcome(SweepRun run, IdemRun.Summary summary, String failure) {

    /** A run that finished. */
    static SweepOutcome finished(SweepRun run, IdemRun.Summary summary) {
        return new SweepOutcome(run, summary, null);
    }

    /** A run that failed. */
    static SweepOutcome failed(SweepRun run, String failure) {
        return new SweepOutcome(run, null, failure);
    }

    /** Whether the run failed. */
    boolean hasFailed() {
        return failure != null;
    }
}
