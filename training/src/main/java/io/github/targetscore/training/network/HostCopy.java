package io.github.targetscore.training.network;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between ND4J arrays and Java {@code double[]} in row-major order, for element-wise
 * work that Java's vectorising compiler does faster than a chain of native ND4J ops (which run
 * scalar, one JNI call and one pass each). A contiguous float32 or float64 array moves in one
 * bulk transfer of its native buffer (through a float32 staging array that this object owns, so
 * an instance is not thread-safe); any other array goes through ND4J's own conversion.
 */
final class HostCopy {

    private float[] stage = new float[0];

    /** Copies {@code source} (n elements, row-major) into {@code destination[0 .. n)}. */
    void read(INDArray source, double[] destination) {
        int n = length(source, destination);
        if (contiguous(source, DataType.DOUBLE)) {
            java.nio.DoubleBuffer buffer = source.data().asNioDouble();
            buffer.get(buffer.position(), destination, 0, n);
        } else if (contiguous(source, DataType.FLOAT)) {
            float[] s = stage(n);
            java.nio.FloatBuffer buffer = source.data().asNioFloat();
            buffer.get(buffer.position(), s, 0, n);
            for (int i = 0; i < n; i++) {
                destination[i] = s[i];
            }
        } else {
            double[] values = source.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            System.arraycopy(values, 0, destination, 0, n);
        }
    }

    /**
     * Overwrites {@code destination} (n elements, row-major) with {@code source[0 .. n)}, each
     * rounded to the array's type.
     */
    void write(double[] source, INDArray destination) {
        int n = length(destination, source);
        if (contiguous(destination, DataType.DOUBLE)) {
            java.nio.DoubleBuffer buffer = destination.data().asNioDouble();
            buffer.put(buffer.position(), source, 0, n);
        } else if (contiguous(destination, DataType.FLOAT)) {
            float[] s = stage(n);
            for (int i = 0; i < n; i++) {
                s[i] = (float) source[i];
            }
            java.nio.FloatBuffer buffer = destination.data().asNioFloat();
            buffer.put(buffer.position(), s, 0, n);
        } else {
            destination.assign(Nd4j.createFromArray(java.util.Arrays.copyOf(source, n))
                    .reshape('c', destination.shape()).castTo(destination.dataType()));
        }
    }

    private static boolean contiguous(INDArray array, DataType type) {
        return array.dataType() == type && array.ordering() == 'c'
                && (array.length() == 1 || array.elementWiseStride() == 1);
    }

    private static int length(INDArray array, double[] host) {
        int n = Math.toIntExact(array.length());
        if (host.length < n) {
            throw new IllegalArgumentException("a host array for " + n + " elements holds only "
                    + host.length);
        }
        return n;
    }

    private float[] stage(int n) {
        if (stage.length < n) {
            stage = new float[n];
        }
        return stage;
    }
}
