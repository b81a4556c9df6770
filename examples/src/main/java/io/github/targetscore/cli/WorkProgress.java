package io.github.targetscore.cli;

import io.github.targetscore.samplers.mcmc.MultiChainRunner;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A command's progress line on standard error for work made of equal units (the chains of
 * {@code mcmc}, the splits of {@code floors}): finished units, elapsed time and the time left at
 * the rate so far, at most every ten seconds, e.g.
 * {@code mcmc: 120/2000 chains finished, 10 s, about 157 s left}. Thread-safe: the workers call
 * it.
 */
final class WorkProgress implements MultiChainRunner.Progress {

    private static final long INTERVAL_NANOS = 10_000_000_000L;
    private final String command;
    private final int total;
    private final String units;
    private final PrintWriter printer;
    private final long start = System.nanoTime();
    private final AtomicInteger finished = new AtomicInteger();
    private long last = start;

    /**
     * @param command the command's name, which starts the line
     * @param total the number of units
     * @param units what a unit is, plural ("chains")
     * @param printer where the lines go
     */
    WorkProgress(String command, int total, String units, PrintWriter printer) {
        this.command = command;
        this.total = total;
        this.units = units;
        this.printer = printer;
    }

    /** Counts one more finished unit (any unit, in any order). */
    @Override
    public void finished(int unit) {
        int done = finished.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (now - last < INTERVAL_NANOS) {
                return;
            }
            last = now;
            double elapsed = (now - start) * 1e-9;
            printer.printf("%s: %d/%d %s finished, %.0f s, about %.0f s left%n", command, done,
                    total, units, elapsed, elapsed * (total - done) / done);
            printer.flush();
        }
    }
}
