package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyModel;
import java.io.IOException;
import java.nio.file.Path;

/** Reference configurations of a target from an NPY file, canonicalised (centred). */
final class ReferenceSamples {

    private ReferenceSamples() {
    }

    /**
     * Reads at least {@code minimumRows} configurations of {@code model} from {@code file} and
     * canonicalises each (e.g. removes a particle system's centre of mass).
     *
     * @param energy the energy's name, for messages
     * @param field the config field that named the file, for messages
     * @throws IllegalArgumentException naming the field if the file has too few rows, or the
     *     file if its shape or values are wrong
     */
    static double[] load(Path file, EnergyModel model, String energy, int minimumRows,
            String field) throws IOException {
        int d = model.manifold().dimension();
        NpyArrays.Rows rows = NpyArrays.readRows(file, d, energy);
        if (rows.rows() < minimumRows) {
            throw new IllegalArgumentException(field + ": " + file + " has " + rows.rows()
                    + " rows, need at least " + minimumRows);
        }
        double[] reference = rows.values().clone();
        for (int i = 0; i < rows.rows(); i++) {
            model.manifold().canonicalise(reference, i * d);
        }
        return reference;
    }
}
