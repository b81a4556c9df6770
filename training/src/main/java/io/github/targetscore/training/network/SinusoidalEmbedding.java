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
 * period P = 10000 (the convention of the peer benchmark and of iDEM's MLP). It writes into
 * ND4J arrays with native ops, or into Java arrays with vectorised loops (the MLP's input rows).
 */
public final class SinusoidalEmbedding {

    /** Time scale s applied before the frequencies. */
    public static final double TIME_SCALE = 1000;
    /** Maximum period P. */
    public static final double MAX_PERIOD = 10000;

    private static final double TWO_PI_LOW = 2.4492935982947064e-16; // 2π − (double) 2π
    /** Phases reduced per block of rows: long loops for the JIT, scratch in the L1 cache. */
    private static final int BLOCK_PHASES = 2048;

    private final int dimension;
    private final INDArray frequencies;
    private final double[] scaledFrequencies; // s ω_k

    private SinusoidalEmbedding(int dimension, DataType dataType) {
        this.dimension = dimension;
        int half = dimension / 2;
        double[] w = new double[half];
        for (int k = 0; k < half; k++) {
            w[k] = TIME_SCALE * Math.exp(-Math.log(MAX_PERIOD) * k / half);
        }
        this.frequencies = Nd4j.createFromArray(w).castTo(dataType).reshape(1, half);
        this.scaledFrequencies = w;
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

    /**
     * Writes e(t_i) for the first {@code rows} times into rows of a Java row-major array: row i's
     * m values at {@code out[i·stride + offset …]} (so a caller can place them beside other
     * columns). Computed in double precision with loops the JIT vectorises, unlike the scalar
     * sinf/cosf of ND4J's ops (over blocks of rows, so each loop runs over thousands of
     * phases rather than m/2): the phase φ = s t ω_k is reduced to h = (φ − 2πn)/2 ∈ [−π/2, π/2]
     * (n the nearest integer to φ/2π), sin h and cos h are Taylor polynomials of degree 21 and
     * 22 (remainder below 3e−16 there), and sin φ = 2 sin h cos h, cos φ = 1 − 2 sin²h; the
     * absolute error is below 1e−13 for the phases of t ∈ [0, 1].
     */
    public void embed(double[] times, int rows, double[] out, int stride, int offset) {
        int half = dimension / 2;
        if (times.length < rows || stride < offset + dimension
                || out.length < (long) (rows - 1) * stride + offset + dimension) {
            throw new IllegalArgumentException("embedding of " + rows + " rows of width "
                    + dimension + " at offset " + offset + " and stride " + stride + " does not"
                    + " fit " + times.length + " times and " + out.length + " outputs");
        }
        int block = Math.max(1, Math.min(rows, BLOCK_PHASES / half));
        double[] h = new double[block * half];
        double[] sines = new double[block * half];
        double[] cosines = new double[block * half];
        for (int first = 0; first < rows; first += block) {
            int count = Math.min(block, rows - first);
            int n = count * half;
            for (int i = 0; i < count; i++) {
                double t = times[first + i];
                for (int k = 0; k < half; k++) {
                    h[i * half + k] = t * scaledFrequencies[k];
                }
            }
            for (int j = 0; j < n; j++) {
                h[j] = halfReduced(h[j]);
            }
            for (int j = 0; j < n; j++) {
                sines[j] = sinTaylor(h[j]);
            }
            for (int j = 0; j < n; j++) {
                cosines[j] = cosTaylor(h[j]);
            }
            for (int i = 0; i < count; i++) {
                int row = (first + i) * stride + offset;
                int b = i * half;
                for (int k = 0; k < half; k++) {
                    out[row + k] = 2 * sines[b + k] * cosines[b + k];
                }
                for (int k = 0; k < half; k++) {
                    out[row + half + k] = 1 - 2 * sines[b + k] * sines[b + k];
                }
            }
        }
    }

    /** (φ − 2πn)/2 with n = rint(φ/2π), 2π in two parts (Cody–Waite). */
    private static double halfReduced(double phase) {
        double n = Math.rint(phase * (0.5 / Math.PI));
        return 0.5 * ((phase - n * (2 * Math.PI)) - n * TWO_PI_LOW);
    }

    /** sin h = h Σ_j (−h²)^j/(2j + 1)!, j ≤ 10, in nested form. */
    private static double sinTaylor(double h) {
        double q = h * h;
        return h * (1 - q * (1.0 / 6) * (1 - q * (1.0 / 20) * (1 - q * (1.0 / 42)
                * (1 - q * (1.0 / 72) * (1 - q * (1.0 / 110) * (1 - q * (1.0 / 156)
                * (1 - q * (1.0 / 210) * (1 - q * (1.0 / 272) * (1 - q * (1.0 / 342)
                * (1 - q * (1.0 / 420)))))))))));
    }

    /** cos h = Σ_j (−h²)^j/(2j)!, j ≤ 11, in nested form. */
    private static double cosTaylor(double h) {
        double q = h * h;
        return 1 - q * (1.0 / 2) * (1 - q * (1.0 / 12) * (1 - q * (1.0 / 30) * (1 - q * (1.0 / 56)
                * (1 - q * (1.0 / 90) * (1 - q * (1.0 / 132) * (1 - q * (1.0 / 182)
                * (1 - q * (1.0 / 240) * (1 - q * (1.0 / 306) * (1 - q * (1.0 / 380)
                * (1 - q * (1.0 / 462)))))))))));
    }
}
