package io.github.targetscore.training.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.training.ArrayBridge;
import io.github.targetscore.training.ParameterGradients;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpTest {

    private static final int D = 3;
    private static final int B = 5;

    private static INDArray random(UniformRandomProvider rng, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return Nd4j.createFromArray(v).reshape('c', rows, cols);
    }

    /** ℓ(θ) = Σ c ⊙ F_θ(u, t); its parameter gradient is the backward pass of c. */
    private static double objective(Mlp net, INDArray u, INDArray t, INDArray c) {
        return net.forward(u, t).mul(c).sumNumber().doubleValue();
    }

    /**
     * The float32 SiLU network runs its hidden layers on the heap (fused bias, σ, a and φ'): its
     * output, gradient and tangent match the float64 network's native ops with the same
     * parameters to float precision, also after a tangent pass has moved the layers back.
     */
    @Test
    void float32SiluLayersMatchTheFloat64Network() {
        Mlp single = Mlp.builder(D).width(16).depth(3).embeddingDimension(8).seed(5).build();
        Mlp reference = Mlp.builder(D).width(16).depth(3).embeddingDimension(8)
                .dataType(DataType.DOUBLE).seed(5).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(21L);
        long size = single.parameters().size();
        single.parameters().values().addi(random(rng, 1, (int) size, 0.2).reshape(size)
                .castTo(DataType.FLOAT));
        reference.parameters().values().assign(single.parameters().values()
                .castTo(DataType.DOUBLE));
        int rows = 37;
        INDArray u = random(rng, rows, D, 2);
        INDArray t = random(rng, rows, 1, 0.5).addi(0.5);
        INDArray c = random(rng, rows, D, 1);
        INDArray v = random(rng, rows, D, 1);
        INDArray expected = reference.forward(u, t).dup();
        reference.parameters().zeroGradients();
        reference.backward(c);
        INDArray expectedGradient = reference.parameters().gradients().dup();
        INDArray expectedTangent = reference.forwardWithTangent(u, t, v).dup();
        for (boolean tangentFirst : new boolean[] {false, true}) {
            INDArray output = tangentFirst
                    ? single.forwardWithTangent(u.castTo(DataType.FLOAT), t.castTo(DataType.FLOAT),
                            v.castTo(DataType.FLOAT))
                    : single.forward(u.castTo(DataType.FLOAT), t.castTo(DataType.FLOAT));
            if (tangentFirst) {
                assertClose(expectedTangent, output, "tangent");
                output = single.lastOutput();
            }
            assertClose(expected, output, "output");
            single.parameters().zeroGradients();
            single.backward(c.castTo(DataType.FLOAT));
            assertClose(expectedGradient, single.parameters().gradients(), "gradient");
        }
    }

    /** ‖a − e‖ ≤ 1e−5 ‖e‖: float32 rounding through a few layers, not a different function. */
    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double error = actual.castTo(DataType.DOUBLE).distance2(expected);
        double scale = expected.norm2Number().doubleValue();
        assertTrue(error <= 1e-5 * scale, what + ": error " + error + " against norm " + scale);
        assertTrue(scale > 0.1, what + " is not trivial");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void parameterGradientMatchesCentralDifferences(Activation activation) {
        Mlp net = Mlp.builder(D).width(7).depth(2).embeddingDimension(6).activation(activation)
                .dataType(DataType.DOUBLE).seed(3).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
        INDArray u = random(rng, B, D, 2);
        INDArray t = random(rng, B, 1, 0.5).addi(0.5);
        INDArray c = random(rng, B, D, 1);
        FlatParameters p = net.parameters();
        p.values().addi(random(rng, 1, (int) p.size(), 0.1).reshape(p.size())); // non-zero biases
        p.zeroGradients();
        net.forward(u, t);
        net.backward(c);
        ParameterGradients.assertMatchCentralDifferences(p, p.gradients().toDoubleVector(),
                () -> objective(net, u, t, c), 1, activation.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SILU", "TANH"})
    void tangentIsTheDirectionalDerivative(Activation activation) {
        Mlp net = Mlp.builder(D).width(7).depth(2).embeddingDimension(6).activation(activation)
                .dataType(DataType.DOUBLE).seed(4).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(12L);
        INDArray u = random(rng, B, D, 2);
        INDArray t = random(rng, B, 1, 0.5).addi(0.5);
        INDArray v = random(rng, B, D, 1);
        INDArray jvp = net.forwardWithTangent(u, t, v).dup();
        double h = 1e-6;
        INDArray up = net.forward(u.add(v.mul(h)), t).dup();
        INDArray down = net.forward(u.sub(v.mul(h)), t).dup();
        INDArray numeric = up.sub(down).divi(2 * h);
        assertTrue(numeric.distance2(jvp) < 1e-7 * Math.max(1, numeric.norm2Number().doubleValue()),
                numeric + " vs " + jvp);
    }

    /** q(θ) = Σ c ⊙ F + Σ e ⊙ J_F v: its gradient through the primal and tangent passes. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SILU", "TANH"})
    void tangentBackwardMatchesCentralDifferences(Activation activation) {
        Mlp net = Mlp.builder(D).width(5).depth(2).embeddingDimension(4).activation(activation)
                .dataType(DataType.DOUBLE).seed(6).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(13L);
        INDArray u = random(rng, B, D, 2);
        INDArray t = random(rng, B, 1, 0.5).addi(0.5);
        INDArray v = random(rng, B, D, 1);
        INDArray c = random(rng, B, D, 1);
        INDArray e = random(rng, B, D, 1);
        FlatParameters p = net.parameters();
        p.values().addi(random(rng, 1, (int) p.size(), 0.1).reshape(p.size()));
        p.zeroGradients();
        net.forwardWithTangent(u, t, v);
        net.backwardWithTangent(c, e);
        ParameterGradients.assertMatchCentralDifferences(p, p.gradients().toDoubleVector(),
                () -> tangentObjective(net, u, t, v, c, e), 2, activation.toString());
        net.forward(u, t);
        assertThrows(IllegalStateException.class, () -> net.backwardWithTangent(c, e));
    }

    private static double tangentObjective(Mlp net, INDArray u, INDArray t, INDArray v,
            INDArray c, INDArray e) {
        double tangentPart = net.forwardWithTangent(u, t, v).mul(e).sumNumber().doubleValue();
        return tangentPart + net.lastOutput().mul(c).sumNumber().doubleValue();
    }

    @Test
    void backwardAccumulatesAndZeroGradientsResets() {
        Mlp net = Mlp.builder(D).width(4).depth(1).embeddingDimension(4).dataType(DataType.DOUBLE)
                .seed(1).build();
        INDArray u = Nd4j.rand(DataType.DOUBLE, B, D);
        INDArray t = Nd4j.rand(DataType.DOUBLE, B, 1);
        INDArray c = Nd4j.ones(DataType.DOUBLE, B, D);
        net.forward(u, t);
        net.backward(c);
        double[] once = net.parameters().gradients().toDoubleVector();
        net.backward(c);
        double[] twice = net.parameters().gradients().toDoubleVector();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-12 * Math.max(1, Math.abs(once[i])));
        }
        net.parameters().zeroGradients();
        assertEquals(0, net.parameters().gradients().norm2Number().doubleValue());
    }

    @Test
    void sameSeedSameWeightsAndFloatAgreesWithDouble() {
        Mlp a = Mlp.builder(D).seed(5).build();
        Mlp b = Mlp.builder(D).seed(5).build();
        Mlp c = Mlp.builder(D).seed(6).build();
        assertArrayEquals(a.parameters().values().toFloatVector(),
                b.parameters().values().toFloatVector());
        assertTrue(a.parameters().values().distance2(c.parameters().values()) > 1);
        assertEquals(DataType.FLOAT, a.forward(Nd4j.rand(DataType.FLOAT, B, D),
                Nd4j.rand(DataType.FLOAT, B, 1)).dataType());
        Mlp d = Mlp.builder(D).seed(5).dataType(DataType.DOUBLE).build();
        INDArray u = Nd4j.rand(DataType.DOUBLE, B, D);
        INDArray t = Nd4j.rand(DataType.DOUBLE, B, 1);
        INDArray single = a.forward(u.castTo(DataType.FLOAT), t.castTo(DataType.FLOAT))
                .castTo(DataType.DOUBLE);
        INDArray exact = d.forward(u, t);
        assertTrue(single.distance2(exact) < 1e-4 * Math.max(1, exact.norm2Number().doubleValue()));
    }

    /** The Java form at the times and widths of training (t ∈ [0, 1], m = 128), into offset rows. */
    /**
     * The host-array entry point gives the bits of the matrix one, in float32 and float64, from
     * the first row or a later one.
     */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void heapRowsGiveTheSameOutputsAsMatrices(DataType type) {
        Mlp net = Mlp.builder(D).width(8).depth(2).embeddingDimension(6).dataType(type).seed(3)
                .build();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        double[] inputs = new double[B * D];
        double[] times = new double[B];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = 3 * rng.nextDouble() - 1.5;
        }
        for (int i = 0; i < B; i++) {
            times[i] = rng.nextDouble();
        }
        INDArray fromMatrices = net.forward(ArrayBridge.toMatrix(inputs, 0, B, D, type),
                ArrayBridge.toMatrix(times, 0, B, 1, type)).dup();
        INDArray fromHeap = net.forward(inputs, times, 0, B);
        assertArrayEquals(fromMatrices.data().asDouble(), fromHeap.data().asDouble(), 0);
        INDArray tailFromMatrices = net.forward(ArrayBridge.toMatrix(inputs, 2, B - 2, D, type),
                ArrayBridge.toMatrix(times, 2, B - 2, 1, type)).dup();
        assertArrayEquals(tailFromMatrices.data().asDouble(),
                net.forward(inputs, times, 2, B - 2).data().asDouble(), 0);
        assertThrows(IllegalArgumentException.class, () -> net.forward(inputs, times, 0, B + 1));
        assertThrows(IllegalArgumentException.class, () -> net.forward(inputs, times, 1, B));
    }

    @Test
    void javaEmbeddingMatchesItsFormula() {
        int m = 128;
        int rows = 1001;
        SinusoidalEmbedding e = SinusoidalEmbedding.of(m, DataType.FLOAT);
        double[] times = new double[rows];
        for (int r = 0; r < rows; r++) {
            times[r] = r / (rows - 1.0);
        }
        int stride = m + 3;
        double[] out = new double[rows * stride];
        e.embed(times, rows, out, stride, 2);
        for (int r = 0; r < rows; r++) {
            assertEquals(0, out[r * stride], "column before the embedding");
            for (int k = 0; k < m / 2; k++) {
                double phase = 1000 * times[r] * Math.pow(10000, -k / (m / 2.0));
                assertEquals(Math.sin(phase), out[r * stride + 2 + k], 1e-12);
                assertEquals(Math.cos(phase), out[r * stride + 2 + m / 2 + k], 1e-12);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> e.embed(times, rows, out, m, 2));
    }

    @Test
    void embeddingMatchesItsFormula() {
        SinusoidalEmbedding e = SinusoidalEmbedding.of(6, DataType.DOUBLE);
        INDArray times = Nd4j.createFromArray(0.0, 0.25, 1.0).reshape(3, 1);
        INDArray out = Nd4j.create(DataType.DOUBLE, 3, 6);
        e.embed(times, Nd4j.create(DataType.DOUBLE, 3, 3), out);
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                double phase = 1000 * times.getDouble(r, 0) * Math.pow(10000, -k / 3.0);
                assertEquals(Math.sin(phase), out.getDouble(r, k), 1e-12);
                assertEquals(Math.cos(phase), out.getDouble(r, k + 3), 1e-12);
            }
        }
    }

    @Test
    void rejectsBadShapesAndSettings() {
        Mlp net = Mlp.builder(D).width(4).depth(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Nd4j.create(DataType.FLOAT, B, D + 1),
                        Nd4j.create(DataType.FLOAT, B, 1)));
        assertTrue(e.getMessage().contains("[B, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.forward(
                Nd4j.create(DataType.FLOAT, B, D), Nd4j.create(DataType.FLOAT, B + 1, 1)));
        assertThrows(IllegalStateException.class,
                () -> Mlp.builder(D).build().backward(Nd4j.create(DataType.FLOAT, B, D)));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(D).embeddingDimension(5));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(D).dataType(DataType.INT));
        assertThrows(IllegalArgumentException.class, () -> Activation.byName("gelu"));
    }
}
