package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ParallelEnergies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energy}: evaluates U(x), and optionally ∇U(x), on every configuration of an NPY file,
 * in parallel.
 */
@Command(name = "energy",
        description = "Evaluates an energy U(x), and optionally its gradient, on the "
                + "configurations of an NPY file.")
final class EnergyCommand implements Callable<Integer> {

    /** Below twice this many configurations the evaluation stays on one thread. */
    private static final int ROWS_PER_TASK = 64;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnergyOptions energy;

    @Mixin
    private ThreadOptions threads;

    @Option(names = "--input", required = true, paramLabel = "X.npy",
            description = "configurations, float32 or float64, shape (n, d) or (d)")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "ENERGIES.npy",
            description = "energies U(x), float64, shape (n)")
    private Path output;

    @Option(names = "--gradient", paramLabel = "GRADIENTS.npy",
            description = "also write the gradients ∇U(x), float64, shape (n, tangent dimension)")
    private Path gradient;

    @Override
    public Integer call() throws IOException {
        EnergyOptions.Selection selection = energy.select(EnergyRegistry.load());
        EnergyModel model = selection.model();
        int d = model.dimension();
        NpyArrays.Rows x = NpyArrays.readRows(input, d, selection.name());
        int n = x.rows();
        int t = model.manifold().tangentDimension();
        double[] energies = new double[n];
        double[] gradients = gradient == null ? null : new double[Math.multiplyExact(n, t)];
        ForkJoinPool pool = threads.newPool();
        try {
            ParallelEnergies parallel = ParallelEnergies.of(pool, ROWS_PER_TASK);
            if (gradients == null) {
                parallel.energies(model, x.values(), 0, n, energies);
            } else {
                parallel.energyAndGradient(model, x.values(), 0, n, energies, gradients);
            }
        } finally {
            pool.shutdown();
        }
        NpyArrays.write(output, energies);
        if (gradients != null) {
            NpyArrays.write(gradient, gradients, n, t);
        }
        spec.commandLine().getOut().println(selection.name() + ": " + n
                + (n == 1 ? " energy" : " energies") + " written to " + output
                + (gradients == null ? "" : ", gradients to " + gradient));
        return 0;
    }
}
