package io.github.targetscore.training.network;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The sinusoidal time embedding of diffusion networks: for t ∈ [0, 1] and k = 0 … m/2 − 1,
 * e(t) = [sin(s t ω_k), cos(s t ω_k)] with ω_k = P^(−k/(m/2)), time scale s = 1000 and maximum
 * period P = 10000 (the convention of the peer benchmark and of iDEM's MLP).
 */
public final class SinusoidalEmbedding {

    /** Time scale s applied before the frequencies. */
    public static final double TIME_SCALE = 1000;
    /** Maximum period P. */
    public static final double MAX_PERIOD = 10000;

    private final int dimension;
    private final INDArray frequencies;

    private SinusoidalEmbedding(int dimension, DataType dataType) {
        this.dimension = dimension;
        int half = dimension / 2;
        double[] w = new double[half];
        for (int k = 0; k < half; k++) {
            w[k] = TIME_SCALE * Math.exp(-Math.log(MAX_PERIOD) * k / half);
        }
        this.frequencies = Nd4j.createFromArray(w).castTo(dataType).reshape(1, half);
    }

    /**
     * @param dimension embedding width m, even and ≥ 2
     * @param dataType the network's floating-point type
     */
    public static SinusoidalEmbedding of(int dimension, DataType dataType) {
        if (dimension < 2 || dimension % 2 != 0) {
            throw new IllegalArgumentException("embedding dimension must be even and >= 2, got "
                    + dimension);
        }
        return new SinusoidalEmbedding(dimension, dataType);
    }

    /** The embedding width m. */
    public int dimension() {
        return dimension;
    }

    /**
     * Writes e(t) for a column of times [B, 1] into {@code out} [B, m] (a view is fine), using
     * {@code phases} [B, m/2] as scratch.
     */
    public void embed(INDArray times, INDArray phases, INDArray out) {
        Nd4j.gemm(times, frequencies, phases, false, false, 1.0, 0.0);
        int half = dimension / 2;
        Nd4j.exec(new Sin(phases, out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, half))));
        Nd4j.exec(new Cos(phases, out.get(NDArrayIndex.all(), NDArrayIndex.interval(half, dimension))));
    }
}
