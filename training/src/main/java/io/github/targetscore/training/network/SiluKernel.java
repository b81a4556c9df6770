package io.github.targetscore.training.network;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SiLU a = z σ(z) and σ(z) of a float32 array, computed in Java in chunks that the JIT
 * vectorises. ND4J's sigmoid evaluates exp one element at a time (2.2 ns an element here, as long
 * as the 512 × 128 matrix product it follows); this kernel takes a tenth of that and writes a and
 * σ in the same pass.
 *
 * <p>σ(z) = ½ + ½ tanh(z/2), with tanh(x) ≈ x P(x²)/Q(x²) for |x| ≤ c = 7.905 and ±tanh(c)
 * beyond: an odd rational approximation of degree 13/6, fitted near-minimax on [0, c] by
 * {@code tools/fit-tanh-rational.py}, which prints these coefficients (error
 * 1.4e−9 in exact arithmetic; 3.3e−7 in float32 arithmetic, about 3 units in the last place of
 * values near 1). So σ is within 1.7e−7 of the exact sigmoid and a, rounded, within
 * |z| · 2.4e−7: the accuracy of float32 SiLU, not of float64 (float64 arrays keep ND4J's exact
 * ops).
 *
 * <p>Stateless; each thread stages its chunks in buffers of its own (3 × {@value #CHUNK} floats).
 */
final class SiluKernel {

    /** Elements per staged chunk: three chunks fit in the L1 cache. */
    private static final int CHUNK = 2048;

    /** tanh's argument beyond which the approximation is held at its value there. */
    private static final float CLAMP = 7.90531110763549805f;

    // x P(x²) / Q(x²), coefficients of x^(2k+1) and x^(2k)
    private static final float P0 = 0.9999999925125256f;
    private static final float P1 = 0.13124274481564976f;
    private static final float P2 = 0.003149335468644326f;
    private static final float P3 = 1.1643964282666379e-05f;
    private static final float P4 = -2.2334930635880956e-08f;
    private static final float P5 = 6.38563225375309e-11f;
    private static final float P6 = -1.1652707668675378e-13f;
    private static final float Q1 = 0.4645760436506833f;
    private static final float Q2 = 0.024674729605176204f;
    private static final float Q3 = 0.00026130323999895984f;

    private static final ThreadLocal<float[][]> STAGE =
            ThreadLocal.withInitial(() -> new float[3][CHUNK]);

    private SiluKernel() {
    }

    /**
     * Whether {@link #apply} takes these arrays: float32, row-major, contiguous and not views
     * (their buffers start at element 0), all of one length.
     */
    static boolean accepts(INDArray z, INDArray a, INDArray sigma) {
        return plain(z) && plain(a) && plain(sigma) && a.length() == z.length()
                && sigma.length() == z.length();
    }

    private static boolean plain(INDArray array) {
        return array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
                && (array.length() == 1 || array.elementWiseStride() == 1);
    }

    /** Writes σ(z) into {@code sigma} and z σ(z) into {@code a} (see {@link #accepts}). */
    static void apply(INDArray z, INDArray a, INDArray sigma) {
        float[][] stage = STAGE.get();
        float[] zs = stage[0];
        float[] as = stage[1];
        float[] ss = stage[2];
        FloatBuffer zb = z.data().asNioFloat();
        FloatBuffer ab = a.data().asNioFloat();
        FloatBuffer sb = sigma.data().asNioFloat();
        int n = Math.toIntExact(z.length());
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            zb.get(zb.position() + from, zs, 0, len);
            silu(zs, as, ss, len);
            ab.put(ab.position() + from, as, 0, len);
            sb.put(sb.position() + from, ss, 0, len);
        }
    }

    /**
     * A dense layer's SiLU on the heap: z ← z + b (b broadcast over the rows), s = σ(z),
     * a = z s, for {@code rows} rows of {@code width}.
     */
    static void forward(float[] z, float[] bias, int rows, int width, float[] s, float[] a) {
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            for (int j = 0; j < width; j++) {
                z[row + j] += bias[j];
            }
        }
        silu(z, a, s, rows * width);
    }

    /**
     * The same layer's backward step on the heap: g ← g ⊙ φ'(z) with φ'(z) = s(1 + z(1 − s)),
     * and the bias gradient b̄_j += Σ_rows g_j of the result.
     */
    static void backward(float[] g, float[] z, float[] s, int rows, int width,
            float[] biasGradient) {
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            for (int j = 0; j < width; j++) {
                float sj = s[row + j];
                float gj = g[row + j] * (sj * (1 + z[row + j] * (1 - sj)));
                g[row + j] = gj;
                biasGradient[j] += gj;
            }
        }
    }

    /** a[i] = z[i] σ(z[i]), s[i] = σ(z[i]) for i < n: one loop the JIT vectorises. */
    static void silu(float[] z, float[] a, float[] s, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            float x = Math.max(-CLAMP, Math.min(CLAMP, 0.5f * zi));
            float x2 = x * x;
            float p = (((((P6 * x2 + P5) * x2 + P4) * x2 + P3) * x2 + P2) * x2 + P1) * x2 + P0;
            float q = ((Q3 * x2 + Q2) * x2 + Q1) * x2 + 1f;
            float sigma = 0.5f + 0.5f * (x * p / q);
            s[i] = sigma;
            a[i] = zi * sigma;
        }
    }
}
