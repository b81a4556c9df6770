package io.github.targetscore.cli;

import io.github.targetscore.training.Nd4jRuntime;
import picocli.CommandLine.Option;

/** The {@code --network-threads} option of the commands that train a network. */
final class NetworkThreadOptions {

    @Option(names = "--network-threads", defaultValue = "1", paramLabel = "N",
            description = "ND4J's OpenMP and BLAS threads for the network (default "
                    + "${DEFAULT-VALUE}: fastest for small networks on few cores; other counts "
                    + "may change results in the last bits)")
    private int networkThreads;

    /**
     * Sets ND4J's OpenMP and BLAS thread counts to {@code --network-threads}. The OpenMP count
     * is the calling thread's own (other threads keep theirs), so every thread that drives a
     * network calls this first.
     *
     * @throws IllegalArgumentException if {@code --network-threads} is less than 1
     */
    void configure() {
        Nd4jRuntime.configureThreads(networkThreads, networkThreads);
    }
}
