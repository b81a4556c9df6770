package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.Arrays;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;

/** The shared reference data ({@code ../shared/reference-data}) the floor tests read. */
final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * The rows of a reference file, row-major, after checking its shape.
     *
     * @param name file name in {@code reference-data}, such as {@code val_split_DW4.npy}
     * @param rows expected number of rows
     * @param columns expected values per row
     */
    static double[] read(String name, int rows, int columns) {
        String shared = System.getProperty("targetscore.shared");
        if (shared == null || shared.isEmpty()) {
            fail("system property targetscore.shared is not set: run the tests through Maven "
                    + "(Surefire sets it to <checkout>/../shared) or pass -Dtargetscore.shared=…");
        }
        File file = new File(shared, "reference-data/" + name);
        if (!file.isFile()) {
            fail("reference data file " + file.getAbsolutePath() + " is missing");
        }
        NpyArray<?> array = Npy.read(file);
        assertTrue(Arrays.equals(array.shape(), new int[] {rows, columns})
                && !array.hasColumnOrder(), file + ": expected a row-major (" + rows + ", "
                        + columns + ") array, got " + Arrays.toString(array.shape()));
        return array.asDoubleArray().data();
    }
}
