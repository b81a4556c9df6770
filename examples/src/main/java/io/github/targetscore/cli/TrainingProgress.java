package io.github.targetscore.cli;

import java.io.PrintWriter;

/** The training study's progress line, at most every ten seconds between evaluations. */
final class TrainingProgress {

    private static final long INTERVAL_NANOS = 10_000_000_000L;
    private final long start;
    private long last;

    TrainingProgress(long start) {
        this.start = start;
        this.last = start;
    }

    void report(String loss, long step, long steps, double value, PrintWriter printer) {
        long now = System.nanoTime();
        if (now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        double elapsed = (now - start) * 1e-9;
        printer.printf("train %-9s step %6d/%d  loss %.4g  %.0f s, about %.0f s of training"
                + " left%n", loss, step, steps, value, elapsed, elapsed * (steps - step) / step);
        printer.flush();
    }
}
