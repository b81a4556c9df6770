package io.github.targetscore.cli;

import io.github.targetscore.samplers.mcmc.MultiChainRunner;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code mcmc} command's progress line on standard error: finished chains, elapsed time and
 * the time left at the rate so far, at most every ten seconds. Thread-safe: the chains' workers
 * call it.
 */
final class ChainProgress implements MultiChainRunner.Progress {

    private static final long INTERVAL_NANOS = 10_000_000_000L;
    private final int chains;
    private final PrintWriter printer;
    private final long start = System.nanoTime();
    private final AtomicInteger finished = new AtomicInteger();
    private long last = start;

    ChainProgress(int chains, PrintWriter printer) {
        this.chains = chains;
        this.printer = printer;
    }

    @Override
    public void finished(int chain) {
        int done = finished.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (now - last < INTERVAL_NANOS) {
                return;
            }
            last = now;
            double elapsed = (now - start) * 1e-9;
            printer.printf("mcmc: %d/%d chains finished, %.0f s, about %.0f s left%n", done,
                    chains, elapsed, elapsed * (chains - done) / done);
            printer.flush();
        }
    }
}
