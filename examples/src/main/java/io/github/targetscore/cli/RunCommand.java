package io.github.targetscore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code run}: an iDEM sampling run (MATH §4) from a JSON {@link RunConfig}: samples a
 * Boltzmann density from its energy alone, checkpointing after every
 * {@code checkpointEvery} epochs; {@code --resume} continues a killed run exactly.
 */
@Command(name = "run",
        description = {"Sample a Boltzmann density from its energy alone by iterated denoising "
                + "energy matching with Monte Carlo score targets (TSI, DSI, κ, κ̄), from a JSON "
                + "config.",
            "Writes OUT/samples.npy, OUT/energies.npy, OUT/epochs.csv, OUT/metrics.json and "
                + "figures; checkpoints in OUT/checkpoints (--resume)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "JSON config")
    private Path configFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run folder")
    private Path out;

    @Mixin
    private ThreadOptions threads;

    @Option(names = "--resume", description = "continue from OUT/checkpoints/loop.ckpt (written "
            + "every checkpointEvery epochs); the result equals an uninterrupted run's")
    private boolean resume;

    @Mixin
    private NetworkThreadOptions networkThreads;

    /** Reads a run config; its name defaults to the file's name without extension. */
    static RunConfig readConfig(Path file) throws IOException {
        RunConfig config = ConfigFiles.read(file, RunConfig.class);
        if (config.name() != null) {
            return config;
        }
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        return config.named(stem);
    }

    @Override
    public Integer call() throws IOException {
        RunConfig config = readConfig(configFile);
        networkThreads.configure();
        PrintWriter printer = spec.commandLine().getOut();
        ForkJoinPool pool = threads.newPool();
        try {
            IdemRun.of(config, out).run(resume, pool, printer);
        } finally {
            pool.shutdown();
        }
        return 0;
    }
}
