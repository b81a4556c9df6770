package io.github.targetscore.cli;

import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that work in parallel. */
final class ThreadOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: all ${DEFAULT-VALUE} cores); results do not "
                    + "depend on it")
    private int threads = Runtime.getRuntime().availableProcessors();

    /**
     * The {@code --threads} count.
     *
     * @throws IllegalArgumentException if it is less than 1
     */
    int count() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }

    /**
     * A new pool of {@code --threads} workers; the caller shuts it down.
     *
     * @throws IllegalArgumentException if {@code --threads} is less than 1
     */
    ForkJoinPool newPool() {
        return new ForkJoinPool(count());
    }
}
