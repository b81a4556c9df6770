package io.github.targetscore.training.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EgnnTest {

    private static final int N = 4;
    private static final int D = 3;
    private static final int B = 3;

    /** A small double-precision network; parameters jittered so every weight matters. */
    private static Egnn network(double coordinateRange, long seed) {
        Egnn net = Egnn.builder(N, D).width(5).layers(3).embeddingDimension(4)
                .coordinateRange(coordinateRange).dataType(DataType.DOUBLE).seed(seed).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed + 100);
        net.parameters().values().addi(uniform(rng, 1, (int) net.parameters().size(), 0.3)
                .reshape(net.parameters().size()));
        return net;
    }

    private static INDArray uniform(UniformRandomProvider rng, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return Nd4j.createFromArray(v).reshape('c', rows, cols);
    }

    private static INDArray times(int rows) {
        return Nd4j.linspace(DataType.DOUBLE, 0.1, 0.4, rows).reshape(rows, 1);
    }

    /** ℓ(θ) = Σ c ⊙ F_θ(u, t); its parameter gradient is the backward pass of c. */
    private static double objective(Egnn net, INDArray u, INDArray t, INDArray c) {
        return net.forward(u, t).mul(c).sumNumber().doubleValue();
    }

    /**
     * For every parameter tensor, the directional derivative of ℓ along a random direction v
     * supported on that tensor: ⟨∇ℓ, v⟩ against (ℓ(θ + hv) − ℓ(θ − hv))/(2h). A wrong gradient
     * entry of any tensor changes ⟨∇ℓ, v⟩ for almost every v, so one direction per tensor
     * checks all entries at a fraction of the cost of one difference per entry.
     */
    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, 0.7})
    void parameterGradientMatchesCentralDifferences(double coordinateRange) {
        Egnn net = network(coordinateRange, 3);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
        INDArray u = uniform(rng, B, N * D, 1.5);
        INDArray t = times(B);
        INDArray c = uniform(rng, B, N * D, 1);
        FlatParameters p = net.parameters();
        p.zeroGradients();
        net.forward(u, t);
        net.backward(c);
        double h = 1e-6;
        for (String name : p.names()) {
            INDArray value = p.value(name);
            INDArray direction = uniform(rng, (int) value.rows(), (int) value.columns(), 1);
            double analytic = p.gradient(name).mul(direction).sumNumber().doubleValue();
            INDArray saved = value.dup();
            value.addi(direction.mul(h));
            double up = objective(net, u, t, c);
            value.assign(saved).subi(direction.mul(h));
            double down = objective(net, u, t, c);
            value.assign(saved);
            double numeric = (up - down) / (2 * h);
            // truncation O(h²|ℓ'''|) and rounding O(ε|ℓ|/h) are both ≲ 1e-9 here
            assertEquals(numeric, analytic, 1e-7 * Math.max(1, Math.abs(numeric)), name);
            assertTrue(p.gradient(name).amaxNumber().doubleValue() > 1e-6,
                    name + ": gradient is not trivial");
        }
    }

    @Test
    void backwardAccumulatesAndNeedsAForward() {
        Egnn net = network(Double.POSITIVE_INFINITY, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.backward(Nd4j.ones(DataType.DOUBLE, B, N * D)));
        assertTrue(e.getMessage().contains("no forward yet"), e.getMessage());
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(2L);
        INDArray c = uniform(rng, B, N * D, 1);
        net.forward(uniform(rng, B, N * D, 1), times(B));
        net.backward(c);
        double[] once = net.parameters().gradients().toDoubleVector();
        net.backward(c);
        double[] twice = net.parameters().gradients().toDoubleVector();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-12 * Math.max(1, Math.abs(once[i])));
        }
        assertThrows(IllegalStateException.class,
                () -> net.backward(Nd4j.ones(DataType.DOUBLE, B + 1, N * D)));
    }

    /**
     * Particles tens of units apart make pre-activations of several hundred, where the
     * derivative of ND4J's swish op overflows to NaN in float; the network's SiLU must not.
     */
    @Test
    void gradientStaysFiniteForLargePreActivations() {
        Egnn net = Egnn.builder(N, D).width(8).layers(2).embeddingDimension(4).seed(4).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(4L);
        INDArray u = uniform(rng, B, N * D, 30).castTo(DataType.FLOAT);
        INDArray f = net.forward(u, times(B).castTo(DataType.FLOAT));
        assertTrue(Double.isFinite(f.norm2Number().doubleValue()), "output " + f);
        net.backward(uniform(rng, B, N * D, 1).castTo(DataType.FLOAT));
        double norm = net.parameters().gradients().norm2Number().doubleValue();
        assertTrue(Double.isFinite(norm) && norm > 0, "gradient norm " + norm);
    }

    /**
     * The shrunk coordinate differences keep the output of a default-width network finite and
     * below the input's scale for particles a thousand units apart (a wide prior or a coarse
     * reverse-diffusion step); unshrunk, it overflowed float32 there.
     */
    @Test
    void farApartParticlesGiveBoundedOutputs() {
        Egnn net = Egnn.builder(4, 2).width(128).layers(3).seed(1).build();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
        INDArray u = uniform(rng, B, 8, 1000).castTo(DataType.FLOAT);
        INDArray f = net.forward(u, times(B).castTo(DataType.FLOAT));
        double largest = f.amaxNumber().doubleValue();
        assertTrue(Double.isFinite(largest) && largest < 1000, "largest output " + largest);
    }

    /** A random orthogonal D×D matrix with determinant −1: a rotation composed with a reflection. */
    private static double[][] improperRotation(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] q = new double[D][D];
        for (int k = 0; k < D; k++) { // Gram–Schmidt on Gaussian columns
            for (int i = 0; i < D; i++) {
                q[i][k] = g.sample();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < D; i++) {
                    dot += q[i][k] * q[i][j];
                }
                for (int i = 0; i < D; i++) {
                    q[i][k] -= dot * q[i][j];
                }
            }
            double norm = 0;
            for (int i = 0; i < D; i++) {
                norm += q[i][k] * q[i][k];
            }
            for (int i = 0; i < D; i++) {
                q[i][k] /= Math.sqrt(norm);
            }
        }
        double det = q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1])
                - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0])
                + q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
        if (det > 0) {
            for (int i = 0; i < D; i++) {
                q[i][0] = -q[i][0];
            }
        }
        return q;
    }

    /**
     * Row r, particle i of the result is Q x_{π(i)} + a for row r, particle π(i) of
     * {@code rows} (π = identity when {@code permutation} is null).
     */
    private static INDArray transform(INDArray rows, double[][] q, double[] shift,
            int[] permutation) {
        INDArray out = Nd4j.create(DataType.DOUBLE, rows.rows(), N * D);
        for (int r = 0; r < rows.rows(); r++) {
            for (int i = 0; i < N; i++) {
                int source = permutation == null ? i : permutation[i];
                for (int a = 0; a < D; a++) {
                    double v = shift[a];
                    for (int b = 0; b < D; b++) {
                        v += q[a][b] * rows.getDouble(r, source * D + b);
                    }
                    out.putScalar(r, i * D + a, v);
                }
            }
        }
        return out;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance,
            String what) {
        double error = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(error <= tolerance, what + ": max deviation " + error);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, 0.7})
    void outputIsEquivariantAndMeanFree(double coordinateRange) {
        Egnn net = network(coordinateRange, 7);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
        INDArray u = uniform(rng, B, N * D, 2);
        INDArray t = times(B);
        INDArray f = net.forward(u, t).dup();
        assertTrue(f.amaxNumber().doubleValue() > 0.1, "output is not trivial: " + f);
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] none = new double[D];
        double[][] q = improperRotation(rng);
        double[] shift = {3.0, -1.5, 0.25};
        int[] permutation = PermutationSampler.natural(N);
        PermutationSampler.shuffle(rng, permutation);

        assertClose(transform(f, q, none, null),
                net.forward(transform(u, q, none, null), t), 1e-10, "rotation-reflection");
        assertClose(f, net.forward(transform(u, identity, shift, null), t), 1e-10,
                "translation");
        assertClose(transform(f, identity, none, permutation),
                net.forward(transform(u, identity, none, permutation), t), 1e-10, "permutation");
        assertClose(transform(f, q, none, permutation),
                net.forward(transform(u, q, shift, permutation), t), 1e-10, "all three");
        INDArray centre = f.reshape(B, N, D).mean(1);
        assertTrue(centre.amaxNumber().doubleValue() <= 1e-12, "centre of mass " + centre);
    }

    @Test
    void layersReadTheFlatParameters() {
        Egnn a = network(Double.POSITIVE_INFINITY, 1);
        Egnn b = network(Double.POSITIVE_INFINITY, 2);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(9L);
        INDArray u = uniform(rng, B, N * D, 1);
        INDArray t = times(B);
        INDArray fa = a.forward(u, t).dup();
        INDArray before = b.forward(u, t).dup();
        assertTrue(fa.distance2(before) > 1e-3, "different weights, different outputs");
        b.parameters().values().assign(a.parameters().values());
        assertArrayEquals(fa.ravel().toDoubleVector(), b.forward(u, t).ravel().toDoubleVector(), 0);
        b.parameters().values().muli(1.01);
        assertTrue(fa.distance2(b.forward(u, t)) > 1e-6, "a scaled parameter vector is seen");
    }

    /** Each row is its own particle system: its output does not depend on the batch around it. */
    @Test
    void rowsAreIndependentOfTheirBatch() {
        Egnn net = network(Double.POSITIVE_INFINITY, 8);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(12L);
        INDArray u = uniform(rng, 5, N * D, 1);
        INDArray t = times(5);
        INDArray all = net.forward(u, t).dup();
        for (int r = 0; r < 5; r++) {
            INDArray single = net.forward(u.getRow(r, true).dup(), t.getRow(r, true).dup());
            assertClose(all.getRow(r, true), single, 1e-14, "row " + r);
        }
    }

    @Test
    void sameSeedSameWeightsAndSmallInitialOutput() {
        Egnn a = Egnn.builder(N, D).width(8).seed(5).build();
        Egnn b = Egnn.builder(N, D).width(8).seed(5).build();
        Egnn c = Egnn.builder(N, D).width(8).seed(6).build();
        assertArrayEquals(a.parameters().values().toFloatVector(),
                b.parameters().values().toFloatVector());
        assertTrue(a.parameters().values().distance2(c.parameters().values()) > 1);
        INDArray u = Nd4j.rand(DataType.FLOAT, B, N * D);
        INDArray f = a.forward(u, Nd4j.rand(DataType.FLOAT, B, 1));
        assertEquals(DataType.FLOAT, f.dataType());
        // ψ's output layer has gain 1e-3: the untrained network barely moves the particles
        double ratio = f.norm2Number().doubleValue() / u.norm2Number().doubleValue();
        assertTrue(ratio < 0.05, "untrained |F|/|u| = " + ratio);
    }

    @Test
    void rejectsBadShapesTypesAndSettings() {
        Egnn net = Egnn.builder(N, D).width(4).layers(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Nd4j.create(DataType.FLOAT, B, N * D + 1),
                        Nd4j.create(DataType.FLOAT, B, 1)));
        assertTrue(e.getMessage().contains("[B, 12]") && e.getMessage().contains("4 particles"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(
                Nd4j.create(DataType.FLOAT, B, N * D), Nd4j.create(DataType.FLOAT, B + 1, 1)));
        assertTrue(e.getMessage().contains("times must have shape [3, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(
                Nd4j.create(DataType.DOUBLE, B, N * D), Nd4j.create(DataType.DOUBLE, B, 1)));
        assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Egnn.builder(1, 3));
        assertThrows(IllegalArgumentException.class, () -> Egnn.builder(4, 0));
        assertThrows(IllegalArgumentException.class, () -> Egnn.builder(N, D).width(0));
        assertThrows(IllegalArgumentException.class, () -> Egnn.builder(N, D).layers(0));
        assertThrows(IllegalArgumentException.class, () -> Egnn.builder(N, D).coordinateRange(0));
        assertThrows(IllegalArgumentException.class,
                () -> Egnn.builder(N, D).coordinateRange(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Egnn.builder(N, D).embeddingDimension(3));
    }
}
