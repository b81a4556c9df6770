package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.NpyFloatArray;
import org.openlca.npy.NpyFormatException;
import org.openlca.npy.NpyIntArray;

/** Reading and writing NPY files: data types, shapes, memory orders and errors. */
class NpyArraysTest {

    @TempDir
    Path dir;

    @Test
    void readsFloat32RowOrderAsDoubles() throws IOException {
        Path file = dir.resolve("x.npy");
        Npy.write(file.toFile(), NpyFloatArray.rowOrderOf(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        NpyArrays.Rows rows = NpyArrays.read(file);
        assertEquals(2, rows.rows());
        assertEquals(3, rows.columns());
        assertEquals("(2, 3)", rows.shapeText());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, rows.values(), 0.0);
    }

    @Test
    void convertsColumnOrderToRowOrder() throws IOException {
        Path file = dir.resolve("fortran.npy");
        // column-major storage of [[1, 2, 3], [4, 5, 6]]
        Npy.write(file.toFile(),
                NpyDoubleArray.columnOrderOf(new double[] {1, 4, 2, 5, 3, 6}, 2, 3));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, NpyArrays.read(file).values(), 0.0);
    }

    @Test
    void readsAVectorAsOneRow() throws IOException {
        Path file = dir.resolve("v.npy");
        Npy.write(file.toFile(), NpyDoubleArray.vectorOf(new double[] {7, 8}));
        NpyArrays.Rows rows = NpyArrays.read(file);
        assertEquals(1, rows.rows());
        assertEquals(2, rows.columns());
        assertEquals("(2,)", rows.shapeText());
    }

    @Test
    void writesFloat64RowOrderThatReadsBack() throws IOException {
        Path file = dir.resolve("out.npy");
        double[] values = {0.1, -2, 3e-300, 4};
        NpyArrays.write(file, values, 2, 2);
        NpyArray<?> array = Npy.read(file.toFile());
        assertTrue(array.isDoubleArray());
        assertFalse(array.hasColumnOrder());
        assertArrayEquals(new int[] {2, 2}, array.shape());
        assertArrayEquals(values, array.asDoubleArray().data(), 0.0);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void rejectsThreeDimensionalArraysWithTheShape() throws IOException {
        Path file = dir.resolve("cube.npy");
        Npy.write(file.toFile(), new NpyDoubleArray(new int[] {2, 2, 2}, new double[8], false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArrays.read(file));
        assertTrue(e.getMessage().contains("cube.npy") && e.getMessage().contains("(2, 2, 2)"),
                e.getMessage());
    }

    @Test
    void rejectsIntegerArrays() throws IOException {
        Path file = dir.resolve("ints.npy");
        Npy.write(file.toFile(), NpyIntArray.vectorOf(new int[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArrays.read(file));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void namesTheFileOfMissingOrMalformedInput() throws IOException {
        assertThrows(NoSuchFileException.class, () -> NpyArrays.read(dir.resolve("none.npy")));
        Path file = Files.writeString(dir.resolve("text.npy"), "not numpy");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyArrays.read(file));
        assertTrue(e.getMessage().contains("text.npy"), e.getMessage());
    }
}
