package io.github.targetscore.cli;

import java.nio.file.FileSystemException;
import org.openlca.npy.NpyFormatException;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line {@code targetscore: <reason>} on standard error and an exit code:
 * {@link ExitCode#USAGE} (2) for bad input, {@link ExitCode#SOFTWARE} (1) for anything else.
 *
 * <p>Bad input is a command-line syntax error, an {@link IllegalArgumentException} (unknown
 * energy, invalid parameter, wrong dimension, NaN coordinate, ...), a malformed NPY file or a
 * file-system error about a path the user gave (missing file or directory, no permission).
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        command.getErr().println(prefix(command) + ex.getMessage() + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
        command.getErr().println(prefix(command) + reason(ex));
        command.getErr().flush();
        return isBadInput(unwrap(ex)) ? ExitCode.USAGE : ExitCode.SOFTWARE;
    }

    /**
     * What went wrong, in one line: the message of bad input, else the original exception's
     * class and message.
     */
    static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null || !isBadInput(cause) ? cause.toString()
                : cause.getMessage();
    }

    private static String prefix(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommandName() + ": ";
    }

    private static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof NpyFormatException
                || t instanceof FileSystemException;
    }

    /**
     * The original exception: a {@link java.util.concurrent.ForkJoinPool} rethrows a worker's
     * exception as a new exception of the same class caused by the original one.
     */
    private static Throwable unwrap(Throwable t) {
        Throwable original = t;
        while (original.getCause() != null
                && original.getCause().getClass() == original.getClass()) {
            original = original.getCause();
        }
        return original;
    }
}
