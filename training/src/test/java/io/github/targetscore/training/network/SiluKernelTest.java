package io.github.targetscore.training.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SiluKernelTest {

    /** The documented accuracy of σ: 1.7e−7 absolute, on a grid across and beyond the clamp. */
    @Test
    void sigmoidIsWithinItsStatedErrorOfTheExactOne() {
        int n = 2_000_001; // z from −40 to 40 in steps of 4e−5, not a multiple of the chunk
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (-40 + 80.0 * i / (n - 1));
        }
        float[] a = new float[n];
        float[] s = new float[n];
        SiluKernel.silu(z, a, s, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = 1 / (1 + Math.exp(-(double) z[i]));
            worst = Math.max(worst, Math.abs(s[i] - exact));
            assertEquals(z[i] * exact, a[i], Math.abs(z[i]) * 2.4e-7 + 1e-7, "a at z = " + z[i]);
        }
        assertTrue(worst <= 1.7e-7, "worst |σ − σ_exact| " + worst);
        assertTrue(worst > 1e-8, "a float32 kernel is not exact: " + worst);
    }

    @Test
    void arraysAreFilledAcrossChunkBoundaries() {
        int n = 5000; // two full chunks and a part
        INDArray z = Nd4j.rand(DataType.FLOAT, 10, n / 10).subi(0.5).muli(20);
        INDArray a = Nd4j.create(DataType.FLOAT, 10, n / 10);
        INDArray s = Nd4j.create(DataType.FLOAT, 10, n / 10);
        assertTrue(SiluKernel.accepts(z, a, s));
        SiluKernel.apply(z, a, s);
        float[] zs = z.data().asFloat();
        float[] expectedA = new float[n];
        float[] expectedS = new float[n];
        SiluKernel.silu(zs, expectedA, expectedS, n);
        assertArrayEquals(expectedA, a.data().asFloat());
        assertArrayEquals(expectedS, s.data().asFloat());
    }

    /** Views and float64 go through ND4J's ops; the activation gives the same function. */
    @Test
    void otherArraysTakeNd4jsExactOps() {
        INDArray big = Nd4j.rand(DataType.FLOAT, 8, 6).subi(0.5).muli(10);
        INDArray view = big.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all());
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 6);
        INDArray s = Nd4j.create(DataType.FLOAT, 4, 6);
        assertFalse(SiluKernel.accepts(view, a, s));
        assertFalse(SiluKernel.accepts(view.castTo(DataType.DOUBLE), a, s));
        Activation.SILU.forward(view, a, s);
        INDArray copy = view.dup();
        INDArray a2 = Nd4j.create(DataType.FLOAT, 4, 6);
        INDArray s2 = Nd4j.create(DataType.FLOAT, 4, 6);
        assertTrue(SiluKernel.accepts(copy, a2, s2));
        Activation.SILU.forward(copy, a2, s2);
        assertArrayEquals(a.data().asFloat(), a2.data().asFloat(), 3e-6f);
        assertArrayEquals(s.data().asFloat(), s2.data().asFloat(), 2e-7f);
    }
}
