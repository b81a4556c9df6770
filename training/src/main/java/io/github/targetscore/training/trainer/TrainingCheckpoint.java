package io.github.targetscore.training.trainer;

import io.github.targetscore.training.network.FlatParameters;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saves and restores everything a {@link Trainer} needs to continue exactly: the network's
 * parameters, Adam's moments, the weight average, the step count and the loss history. The
 * file starts with a format tag and the parameter layout, which a restore checks against the
 * network it restores into (a checkpoint of another architecture is refused, not misread).
 * Writes are atomic ({@link CheckpointFiles}). {@link #write}/{@link #read} put the same state
 * into a larger checkpoint (e.g. an iDEM loop's).
 */
public final class TrainingCheckpoint {

    private static final String FORMAT = "targetscore-training-checkpoint/1";

    private TrainingCheckpoint() {
    }

    /** Writes the trainer's state to {@code file} atomically. */
    public static void save(Trainer trainer, Path file) throws IOException {
        CheckpointFiles.write(file, FORMAT, out -> write(trainer, out));
    }

    /**
     * Restores a trainer (built with the same architecture, source and optimiser settings) to
     * the state saved in {@code file}.
     *
     * @throws IOException if the file cannot be read or is not a checkpoint of this network
     */
    public static void restore(Trainer trainer, Path file) throws IOException {
        CheckpointFiles.read(file, FORMAT, in -> read(trainer, in, file.toString()));
    }

    /** Writes the trainer's state (layout, step, parameters, Adam, average, history). */
    public static void write(Trainer trainer, DataOutputStream out) throws IOException {
        FlatParameters parameters = trainer.model().network().parameters();
        AdamOptimiser optimiser = trainer.optimiser();
        out.writeUTF(parameters.describe());
        out.writeLong(optimiser.step());
        Nd4j.write(parameters.values(), out);
        Nd4j.write(optimiser.state(), out);
        Nd4j.write(optimiser.averagedValues(), out);
        Nd4j.write(Nd4j.createFromArray(trainer.history().losses()), out);
        Nd4j.write(Nd4j.createFromArray(trainer.history().gradientNorms()), out);
    }

    /**
     * Reads a state written by {@link #write} into {@code trainer}.
     *
     * @param source names the checkpoint in error messages
     * @throws IOException if the state belongs to another network or is inconsistent
     */
    public static void read(Trainer trainer, DataInputStream in, String source)
            throws IOException {
        FlatParameters parameters = trainer.model().network().parameters();
        String layout = in.readUTF();
        if (!layout.equals(parameters.describe())) {
            throw new IOException(source + ": checkpoint of another network: saved layout '"
                    + layout + "', this network '" + parameters.describe() + "'");
        }
        long step = in.readLong();
        INDArray values = Nd4j.read(in);
        INDArray state = Nd4j.read(in);
        INDArray average = Nd4j.read(in);
        double[] losses = Nd4j.read(in).toDoubleVector();
        double[] norms = Nd4j.read(in).toDoubleVector();
        if (losses.length != step) {
            throw new IOException(source + ": step " + step + " but " + losses.length
                    + " recorded losses");
        }
        parameters.values().assign(values);
        trainer.optimiser().restore(step, state, average);
        trainer.history().replace(losses, norms);
    }
}
