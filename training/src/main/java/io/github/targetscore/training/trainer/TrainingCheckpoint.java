package io.github.targetscore.training.trainer;

import io.github.targetscore.training.network.FlatParameters;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saves and restores everything a {@link Trainer} needs to continue exactly: the network's
 * parameters, Adam's moments, the weight average, the step count and the loss history. The
 * file starts with a format tag and the parameter layout, which a restore checks against the
 * network it restores into (a checkpoint of another architecture is refused, not misread).
 * Writes go to a temporary file that is then moved into place, so an interrupted save never
 * leaves a truncated checkpoint.
 */
public final class TrainingCheckpoint {

    private static final String FORMAT = "targetscore-training-checkpoint/1";

    private TrainingCheckpoint() {
    }

    /** Writes the trainer's state to {@code file} atomically. */
    public static void save(Trainer trainer, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                FlatParameters parameters = trainer.model().network().parameters();
                AdamOptimiser optimiser = trainer.optimiser();
                out.writeUTF(FORMAT);
                out.writeUTF(parameters.describe());
                out.writeLong(optimiser.step());
                Nd4j.write(parameters.values(), out);
                Nd4j.write(optimiser.state(), out);
                Nd4j.write(optimiser.averagedValues(), out);
                Nd4j.write(Nd4j.createFromArray(trainer.history().losses()), out);
                Nd4j.write(Nd4j.createFromArray(trainer.history().gradientNorms()), out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Restores a trainer (built with the same architecture, source and optimiser settings) to
     * the state saved in {@code file}.
     *
     * @throws IOException if the file cannot be read or is not a checkpoint of this network
     */
    public static void restore(Trainer trainer, Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            String format = in.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IOException(file + ": not a training checkpoint (format '" + format
                        + "', expected '" + FORMAT + "')");
            }
            FlatParameters parameters = trainer.model().network().parameters();
            String layout = in.readUTF();
            if (!layout.equals(parameters.describe())) {
                throw new IOException(file + ": checkpoint of another network: saved layout '"
                        + layout + "', this network '" + parameters.describe() + "'");
            }
            long step = in.readLong();
            INDArray values = Nd4j.read(in);
            INDArray state = Nd4j.read(in);
            INDArray average = Nd4j.read(in);
            double[] losses = Nd4j.read(in).toDoubleVector();
            double[] norms = Nd4j.read(in).toDoubleVector();
            if (losses.length != step) {
                throw new IOException(file + ": step " + step + " but " + losses.length
                        + " recorded losses");
            }
            parameters.values().assign(values);
            trainer.optimiser().restore(step, state, average);
            trainer.history().replace(losses, norms);
        }
    }
}
