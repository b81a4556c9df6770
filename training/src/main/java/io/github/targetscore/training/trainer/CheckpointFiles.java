package io.github.targetscore.training.trainer;

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

/**
 * Checkpoint files: written to a temporary file beside the target and then moved into place,
 * so a run killed while saving leaves the previous checkpoint intact, never a truncated one;
 * each starts with a format tag that a read checks.
 */
public final class CheckpointFiles {

    /** Writes a checkpoint's body. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the state to {@code out}. */
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a checkpoint's body. */
    @FunctionalInterface
    public interface Reader {
        /** Reads the state from {@code in}. */
        void read(DataInputStream in) throws IOException;
    }

    private CheckpointFiles() {
    }

    /** Writes the format tag and the body to {@code file} atomically. */
    public static void write(Path file, String format, Writer body) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                out.writeUTF(format);
                body.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Checks the format tag of {@code file} and reads its body.
     *
     * @throws IOException if the file cannot be read or carries another format
     */
    public static void read(Path file, String format, Reader body) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            String saved;
            try {
                saved = in.readUTF();
            } catch (IOException e) {
                throw new IOException(file + ": not a checkpoint (no format tag: " + e + ")", e);
            }
            if (!format.equals(saved)) {
                throw new IOException(file + ": not a checkpoint of this kind (format '" + saved
                        + "', expected '" + format + "')");
            }
            body.read(in);
        }
    }
}
