package io.github.targetscore.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostCopyTest {

    /** Whole arrays and contiguous views (rows of a matrix, a slice of a flat vector). */
    @Test
    void floatCopiesReadAndWriteWholeArraysAndViews() {
        INDArray matrix = Nd4j.arange(0, 24).castTo(DataType.FLOAT).reshape(6, 4);
        INDArray rows = matrix.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
        INDArray flat = Nd4j.arange(0, 24).castTo(DataType.FLOAT);
        INDArray slice = flat.get(NDArrayIndex.interval(5, 9));
        for (INDArray a : new INDArray[] {matrix, rows, slice}) {
            float[] host = new float[(int) a.length() + 3];
            HostCopy.readFloats(a, host);
            assertArrayEquals(a.dup().data().asFloat(),
                    java.util.Arrays.copyOf(host, (int) a.length()));
        }
        HostCopy.writeFloats(new float[] {-1, -2, -3, -4}, slice);
        assertArrayEquals(new float[] {4, -1, -2, -3, -4, 9},
                flat.get(NDArrayIndex.interval(4, 10)).dup().data().asFloat());
        HostCopy.writeFloats(new float[] {-5, -6, -7, -8, -9, -10, -11, -12}, rows);
        assertArrayEquals(new float[] {4, 5, 6, 7, -5, -6, -7, -8, -9, -10, -11, -12, 16},
                java.util.Arrays.copyOfRange(matrix.dup().data().asFloat(), 4, 17));
    }

    @Test
    void floatCopiesRefuseOtherArrays() {
        INDArray matrix = Nd4j.create(DataType.FLOAT, 3, 4);
        assertThrows(IllegalArgumentException.class,
                () -> HostCopy.readFloats(matrix.transpose(), new float[12]));
        assertThrows(IllegalArgumentException.class,
                () -> HostCopy.readFloats(matrix.castTo(DataType.DOUBLE), new float[12]));
        assertThrows(IllegalArgumentException.class,
                () -> HostCopy.readFloats(matrix, new float[11]));
        assertThrows(IllegalArgumentException.class,
                () -> HostCopy.writeFloats(new float[11], matrix));
    }
}
