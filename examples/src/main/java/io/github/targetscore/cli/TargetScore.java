package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The {@code targetscore} command line: lists the registered energies, evaluates energies and
 * gradients on NPY files and draws exact samples.
 *
 * <pre>
 * targetscore list-energies
 * targetscore energy --energy lj13 --input x.npy --output u.npy --gradient g.npy
 * targetscore sample --energy gmm40 --samples 5000 --seed 1 --out out/gmm40
 * </pre>
 *
 * <p>Exit codes: 0 on success, 2 for bad input (unknown energy or option, invalid parameter,
 * malformed or missing file, wrong dimension, NaN coordinates), 1 for any other failure; in
 * both error cases one line {@code targetscore: <reason>} goes to standard error. Energy plug-ins
 * are found on the class path (see {@link EnergyRegistry}).
 */
@Command(name = "targetscore", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = "Energies, gradients and samples of Boltzmann densities "
                + "p(x) ∝ exp(−βU(x)).",
        subcommands = {ListEnergiesCommand.class, EnergyCommand.class, SampleCommand.class,
            VarianceCommand.class, EstimateCommand.class, TrainCommand.class, RunCommand.class,
            WeightingStudyCommand.class, IsmStudyCommand.class, MemorisationCommand.class,
            ModesCommand.class, FloorsCommand.class,
            McmcCommand.class, SweepCommand.class, HelpCommand.class})
public final class TargetScore {

    /** The root command; use {@link #commandLine()} to run it. */
    public TargetScore() {
        // picocli fills the subcommands
    }

    /**
     * The command line with targetscore's error handling: run it with
     * {@link CommandLine#execute(String...)}, which returns the exit code.
     */
    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new TargetScore())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
