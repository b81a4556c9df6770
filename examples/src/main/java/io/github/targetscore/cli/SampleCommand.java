package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.ExactSampling;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sample}: independent exact samples of exp(−U(x)) / Z from a target that has an exact
 * sampler, with their energies and a summary. Sample i comes from random stream i of
 * {@code --seed}, so the files do not depend on {@code --threads}.
 */
@Command(name = "sample",
        description = {"Draws exact samples of exp(−U(x))/Z (β = 1) from a target with an exact "
                + "sampler (Gaussian mixtures, double-well, many-well).",
            "Writes OUT/samples.npy (n × d), OUT/energies.npy (n) and OUT/summary.json."})
final class SampleCommand implements Callable<Integer> {

    /** Below twice this many samples their energies are evaluated on one thread. */
    private static final int ROWS_PER_TASK = 256;

    /** Coordinates whose moments are printed; all are in summary.json. */
    private static final int PRINTED_COORDINATES = 6;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnergyOptions energy;

    @Mixin
    private ThreadOptions threads;

    @Option(names = "--samples", required = true, paramLabel = "N",
            description = "number of samples, >= 2")
    private int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "master seed (default: ${DEFAULT-VALUE}); recorded in summary.json")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory, created if missing; its files are replaced")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be >= 2, got " + samples);
        }
        EnergyOptions.Selection selection = energy.select(EnergyRegistry.load());
        EnergyModel model = selection.model();
        if (model.exactSampler().isEmpty()) {
            throw new IllegalArgumentException("energy '" + selection.name()
                    + "' has no exact sampler; sample supports targets that have one "
                    + "(Gaussian mixtures, double-well, many-well)");
        }
        int d = model.dimension();
        long start = System.nanoTime();
        double[] xs;
        double[] energies = new double[samples];
        ForkJoinPool pool = threads.newPool();
        try {
            xs = ExactSampling.of(model).draw(samples, RandomStreams.of(seed), pool);
            ParallelEnergies.of(pool, ROWS_PER_TASK).energies(model, xs, 0, samples, energies);
        } finally {
            pool.shutdown();
        }
        double[][] moments = SampleSummary.moments(xs, samples, d);
        double[][] energyMoments = SampleSummary.moments(energies, samples, 1);
        OptionalDouble logZ = model.logPartitionFunction();
        SampleSummary summary = new SampleSummary(selection.name(),
                selection.parameters().asMap(), seed, samples, d, moments[0], moments[1],
                energyMoments[0][0], Math.sqrt(energyMoments[1][0] / samples),
                logZ.isPresent() ? logZ.getAsDouble() : null, (System.nanoTime() - start) * 1e-9,
                ManifestVersion.version());
        Files.createDirectories(out);
        NpyArrays.write(out.resolve("samples.npy"), xs, samples, d);
        NpyArrays.write(out.resolve("energies.npy"), energies);
        Json.write(out.resolve("summary.json"), summary);
        print(spec.commandLine().getOut(), summary);
        return 0;
    }

    private void print(PrintWriter printer, SampleSummary summary) {
        printer.printf("%s: %d exact samples, dimension %d, seed %d (%.2f s)%n",
                summary.energy(), summary.samples(), summary.dimension(), summary.seed(),
                summary.wallTimeSeconds());
        printer.printf("mean energy %.6g ± %.2g (standard error)%s%n", summary.meanEnergy(),
                summary.meanEnergyStandardError(),
                summary.logZ() == null ? "" : String.format(", log Z = %.6g", summary.logZ()));
        printer.printf("%10s %14s %14s%n", "coordinate", "mean", "variance");
        int shown = Math.min(summary.dimension(), PRINTED_COORDINATES);
        for (int j = 0; j < shown; j++) {
            printer.printf("%10d %14.6g %14.6g%n", j, summary.mean()[j], summary.variance()[j]);
        }
        if (shown < summary.dimension()) {
            printer.printf("%10s (%d more in summary.json)%n", "…", summary.dimension() - shown);
        }
        printer.println("written: " + out.resolve("samples.npy") + ", energies.npy, summary.json");
        printer.flush();
    }
}
