package io.github.targetscore.training;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between ND4J arrays and Java {@code double[]} in row-major order, for element-wise
 * work that Java's vectorising compiler does faster than a chain of native ND4J ops (which run
 * scalar, one JNI call and one pass each) and for the boundary of {@link ArrayBridge}. A
 * contiguous float32 or float64 array moves in one bulk transfer of its native buffer (through a
 * float32 staging array that this object owns, so an instance is not thread-safe); any other
 * array goes through ND4J's own conversion. (ND4J's {@code Nd4j.create(float[], …)} copies
 * element by element through {@code DataBuffer.put(long, float)}: at a batch of 512 × 165 it cost
 * more than the network's sigmoid.)
 */
public final class HostCopy {

    private float[] stage = new float[0];

    /** Copies {@code source} (n elements, row-major) into {@code destination[0 .. n)}. */
    public void read(INDArray source, double[] destination) {
        read(source, destination, 0);
    }

    /**
     * Copies {@code source} (n elements, row-major) into
     * {@code destination[offset .. offset + n)}.
     */
    public void read(INDArray source, double[] destination, int offset) {
        int n = length(source, destination, offset);
        if (contiguous(source, DataType.DOUBLE)) {
            java.nio.DoubleBuffer buffer = source.data().asNioDouble();
            buffer.get(buffer.position(), destination, offset, n);
        } else if (contiguous(source, DataType.FLOAT)) {
            float[] s = stage(n);
            java.nio.FloatBuffer buffer = source.data().asNioFloat();
            buffer.get(buffer.position(), s, 0, n);
            for (int i = 0; i < n; i++) {
                destination[offset + i] = s[i];
            }
        } else {
            double[] values = source.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            System.arraycopy(values, 0, destination, offset, n);
        }
    }

    /**
     * Overwrites {@code destination} (n elements, row-major) with {@code source[0 .. n)}, each
     * rounded to the array's type.
     */
    public void write(double[] source, INDArray destination) {
        write(source, 0, destination);
    }

    /**
     * Overwrites {@code destination} (n elements, row-major) with
     * {@code source[offset .. offset + n)}, each rounded to the array's type.
     */
    public void write(double[] source, int offset, INDArray destination) {
        int n = length(destination, source, offset);
        if (contiguous(destination, DataType.DOUBLE)) {
            java.nio.DoubleBuffer buffer = destination.data().asNioDouble();
            buffer.put(buffer.position(), source, offset, n);
        } else if (contiguous(destination, DataType.FLOAT)) {
            float[] s = stage(n);
            for (int i = 0; i < n; i++) {
                s[i] = (float) source[offset + i];
            }
            java.nio.FloatBuffer buffer = destination.data().asNioFloat();
            buffer.put(buffer.position(), s, 0, n);
        } else {
            destination.assign(Nd4j.createFromArray(
                    java.util.Arrays.copyOfRange(source, offset, offset + n))
                    .reshape('c', destination.shape()).castTo(destination.dataType()));
        }
    }

    /**
     * Copies a contiguous float32 array (n elements, row-major; a view is fine) into
     * {@code destination[0 .. n)}: one bulk transfer, no staging, so it is static.
     *
     * @throws IllegalArgumentException if the array is not contiguous float32 or the
     *     destination is too short
     */
    public static void readFloats(INDArray source, float[] destination) {
        int n = floatLength(source, destination);
        java.nio.FloatBuffer buffer = source.data().asNioFloat();
        buffer.get(buffer.position(), destination, 0, n);
    }

    /**
     * Overwrites a contiguous float32 array (n elements, row-major; a view is fine) with
     * {@code source[0 .. n)}.
     *
     * @throws IllegalArgumentException if the array is not contiguous float32 or the source is
     *     too short
     */
    public static void writeFloats(float[] source, INDArray destination) {
        int n = floatLength(destination, source);
        java.nio.FloatBuffer buffer = destination.data().asNioFloat();
        buffer.put(buffer.position(), source, 0, n);
    }

    private static int floatLength(INDArray array, float[] host) {
        if (!contiguous(array, DataType.FLOAT)) {
            throw new IllegalArgumentException("a bulk float copy needs a contiguous float32"
                    + " array, got " + array.dataType() + " " + array.ordering() + "-ordered with"
                    + " element stride " + array.elementWiseStride());
        }
        int n = Math.toIntExact(array.length());
        if (host.length < n) {
            throw new IllegalArgumentException("a host array for " + n + " elements holds only "
                    + host.length);
        }
        return n;
    }

    private static boolean contiguous(INDArray array, DataType type) {
        return array.dataType() == type && (array.ordering() == 'c' || array.isVectorOrScalar())
                && (array.length() == 1 || array.elementWiseStride() == 1);
    }

    private static int length(INDArray array, double[] host, int offset) {
        int n = Math.toIntExact(array.length());
        if (offset < 0 || host.length - offset < n) {
            throw new IllegalArgumentException("a host array for " + n + " elements at offset "
                    + offset + " holds only " + host.length);
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
