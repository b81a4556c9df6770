package io.github.targetscore.training.idem;

import io.github.targetscore.training.trainer.CheckpointFiles;
import io.github.targetscore.training.trainer.TrainingCheckpoint;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and restores an {@link IteratedDenoising} loop between epochs: the trainer's state
 * ({@link TrainingCheckpoint}: network, Adam, weight average, loss history), the replay buffer
 * and the epoch records. Random streams need no state: every draw derives from the master seed
 * and the epoch or step index. Written atomically ({@link CheckpointFiles}), so a run killed at
 * any moment resumes from its last completed checkpoint and ends as an uninterrupted run would.
 */
public final class IdemCheckpoint {

    private static final String FORMAT = "targetscore-idem-checkpoint/2";

    private IdemCheckpoint() {
    }

    /** Writes the loop's state to {@code file} atomically. */
    public static void save(IteratedDenoising loop, Path file) throws IOException {
        CheckpointFiles.write(file, FORMAT, out -> {
            TrainingCheckpoint.write(loop.trainer(), out);
            loop.buffer().write(out);
            writeRecords(loop.records(), out);
        });
    }

    /**
     * Restores a loop built with the same settings to the state saved in {@code file}.
     *
     * @throws IOException if the file cannot be read or belongs to a loop of another shape
     */
    public static void restore(IteratedDenoising loop, Path file) throws IOException {
        CheckpointFiles.read(file, FORMAT, in -> {
            TrainingCheckpoint.read(loop.trainer(), in, file.toString());
            loop.buffer().restore(in);
            loop.restoreRecords(readRecords(in, file));
        });
    }

    private static void writeRecords(List<EpochRecord> records, DataOutputStream out)
            throws IOException {
        out.writeInt(records.size());
        for (EpochRecord r : records) {
            out.writeInt(r.epoch());
            out.writeLong(r.step());
            out.writeDouble(r.meanLoss());
            out.writeDouble(r.meanEffectiveSampleSize());
            out.writeLong(r.evaluations());
            out.writeLong(r.modelEvaluations());
            out.writeDouble(r.clippedFraction());
            out.writeInt(r.bufferSize());
            out.writeDouble(r.seconds());
        }
    }

    private static List<EpochRecord> readRecords(DataInputStream in, Path file)
            throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException(file + ": negative epoch count " + count);
        }
        List<EpochRecord> records = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            EpochRecord r = new EpochRecord(in.readInt(), in.readLong(), in.readDouble(),
                    in.readDouble(), in.readLong(), in.readLong(), in.readDouble(), in.readInt(),
                    in.readDouble());
            if (r.epoch() != e) {
                throw new IOException(file + ": epoch record " + e + " is numbered " + r.epoch());
            }
            records.add(r);
        }
        return records;
    }
}
