package io.github.targetscore.training.network;

import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.training.HostCopy;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A multilayer perceptron score network with a sinusoidal time embedding:
 * h₀ = [u, e(t)], h_{l+1} = φ(h_l W_l + b_l) for the {@code depth} hidden layers of width
 * {@code width}, F = h_depth W_out + b_out. Inputs u have d_in components and outputs F d_out
 * (equal by default; on SO(3)^n the 9n matrix entries in, the 3n body-frame score components
 * out).
 *
 * <p>Forward and backward passes are written with explicit ND4J matrix products into arrays
 * allocated once per batch size; the gradient of each layer is the textbook
 * ∂ℓ/∂W_l = h_lᵀ G_l, ∂ℓ/∂b_l = Σ_rows G_l, G_{l−1} = (G_l W_lᵀ) ⊙ φ'(z_{l−1}). This costs a
 * third of a SameDiff graph execution of the same network at batch 512 (the graph executor's
 * per-op bookkeeping dominates small networks). The input rows [u, e(t)] are assembled in Java
 * and copied out in one transfer, with the embedding's vectorised Java form (ND4J's sin and cos
 * ops run scalar: they cost a tenth of a 128-wide training step). A float32 SiLU network keeps
 * its hidden layers' element-wise work on the heap: each product z W comes over in one transfer,
 * bias, σ, a (and at the backward step φ' and the bias gradient) are single vectorised Java
 * passes, and only a (and G_l) go back for the next product, where ND4J took four native passes
 * each way. Weights are initialised Glorot-normal from a seed, biases at zero.
 */
public final class Mlp implements TangentNetwork {

    private final int inputDimension;
    private final int outputDimension;
    private final int width;
    private final int depth;
    private final Activation activation;
    private final SinusoidalEmbedding embedding;
    private final FlatParameters parameters;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;

    private final HostCopy host = new HostCopy();

    private int batch = -1;
    // Java copies of the inputs, the times and h_0 = [u, e(t)]: h_0 is assembled in Java and
    // copied out in one transfer (the embedding is vectorised there)
    private double[] hostInputs;
    private double[] hostTimes;
    private double[] hostFirstLayer;
    private INDArray onesRow; // [1, B]: bias gradients as one product
    private INDArray[] activations; // h_0 … h_depth, then the output
    private INDArray[] preActivations;
    private INDArray[] auxiliary;
    private INDArray[] layerGradients;
    private INDArray[] derivatives;
    // the fused float32 SiLU path (see hostLayers): per hidden layer z (with bias) and σ(z) on
    // the heap, a staging row block and the bias values and gradients
    private final boolean hostLayers;
    private boolean hostLayersCurrent;
    private float[][] hostPreActivations;
    private float[][] hostSigmoids;
    private float[] hostStage;
    private float[] hostBias;
    private float[] hostBiasGradient;
    private INDArray biasGradientStage;
    // forward-mode tangents, allocated on first use: ḣ_l (ḣ_0 = v), ż_l, φ''(z_l), J_F v,
    // and the tangent adjoints of the backward pass
    private int tangentBatch = -1;
    private boolean tangentsCurrent;
    private INDArray[] tangentActivations;
    private INDArray[] tangentPreActivations;
    private INDArray[] secondDerivatives;
    private INDArray[] tangentLayerGradients;
    private INDArray[] curvatureTerms;

    private Mlp(Builder b) {
        this(b.inputDimension, b.outputDimension, b.width, b.depth, b.activation,
                SinusoidalEmbedding.of(b.embeddingDimension, b.dataType), null, b.dataType);
        UniformRandomProvider rng = RandomStreams.of(b.seed).stream(0);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int l = 0; l <= depth; l++) {
            GlorotNormal.fill(weights[l], inputWidth(l), outputWidth(l), 1, gaussian);
        }
    }

    /**
     * The architecture with zero parameters of their own, or, given {@code sharedValues}, with
     * those values and gradients of its own (a replica).
     */
    private Mlp(int inputDimension, int outputDimension, int width, int depth,
            Activation activation, SinusoidalEmbedding embedding, FlatParameters sharedValues,
            DataType dataType) {
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.width = width;
        this.depth = depth;
        this.activation = activation;
        this.embedding = embedding;
        if (sharedValues == null) {
            FlatParameters.Layout layout = FlatParameters.layout(dataType);
            for (int l = 0; l <= depth; l++) {
                layout.matrix("w" + l, inputWidth(l), outputWidth(l))
                        .matrix("b" + l, 1, outputWidth(l));
            }
            this.parameters = layout.allocate();
        } else {
            this.parameters = sharedValues.sharingValues();
        }
        this.weights = new INDArray[depth + 1];
        this.biases = new INDArray[depth + 1];
        this.weightGradients = new INDArray[depth + 1];
        this.biasGradients = new INDArray[depth + 1];
        for (int l = 0; l <= depth; l++) {
            weights[l] = parameters.value("w" + l);
            biases[l] = parameters.value("b" + l);
            weightGradients[l] = parameters.gradient("w" + l);
            biasGradients[l] = parameters.gradient("b" + l);
        }
        this.hostLayers = activation == Activation.SILU && dataType == DataType.FLOAT;
    }

    /**
     * A network with the same architecture that shares this one's parameter values (updates to
     * them are seen by both) and accumulates gradients in a vector of its own, with its own
     * activations: {@link DataParallelNetwork} runs replicas on parts of a batch side by side.
     */
    Mlp replica() {
        return new Mlp(inputDimension, outputDimension, width, depth, activation, embedding,
                parameters, parameters.dataType());
    }

    /**
     * Starts a builder for a network R^d → R^d (see {@link Builder#inputDimension} and {@link
     * Builder#outputDimension} for others).
     */
    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    private int inputWidth(int layer) {
        return layer == 0 ? inputDimension + embedding.dimension() : width;
    }

    private int outputWidth(int layer) {
        return layer == depth ? outputDimension : width;
    }

    @Override
    public int inputDimension() {
        return inputDimension;
    }

    @Override
    public int outputDimension() {
        return outputDimension;
    }

    @Override
    public FlatParameters parameters() {
        return parameters;
    }

    /** Hidden width. */
    public int width() {
        return width;
    }

    /** Number of hidden layers. */
    public int depth() {
        return depth;
    }

    @Override
    public INDArray forward(INDArray inputs, INDArray times) {
        int rows = NetworkChecks.batch(inputs, times, inputDimension, parameters.dataType(), "");
        allocate(rows);
        host.read(inputs, hostInputs);
        host.read(times, hostTimes);
        return forwardFromHost(hostInputs, 0, rows);
    }

    /**
     * As {@link #forward(INDArray, INDArray)}, with the first layer [u, e(t)] assembled straight
     * from the Java rows: the inputs are rounded to the parameters' type once, as a conversion
     * to an array of that type would, and so are the times before their embedding, so both entry
     * points give the same bits.
     */
    @Override
    public INDArray forward(double[] inputs, double[] times, int start, int rows) {
        NetworkChecks.rows(inputs, times, inputDimension, start, rows);
        allocate(rows);
        boolean single = parameters.dataType() == DataType.FLOAT;
        for (int i = 0; i < rows; i++) {
            double t = times[start + i];
            hostTimes[i] = single ? (float) t : t;
        }
        return forwardFromHost(inputs, start, rows);
    }

    /** The forward pass from input rows {@code start ..} on the heap and {@code hostTimes}. */
    private INDArray forwardFromHost(double[] inputs, int start, int rows) {
        tangentsCurrent = false;
        int stride = inputWidth(0);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(inputs, (start + i) * inputDimension, hostFirstLayer, i * stride,
                    inputDimension);
        }
        embedding.embed(hostTimes, rows, hostFirstLayer, stride, inputDimension);
        host.write(hostFirstLayer, activations[0]);
        for (int l = 0; l <= depth; l++) {
            INDArray z = l == depth ? activations[depth + 1] : preActivations[l];
            Nd4j.gemm(activations[l], weights[l], z, false, false, 1.0, 0.0);
            if (l < depth && hostLayers) {
                hostSilu(l, z);
            } else {
                z.addiRowVector(biases[l]);
                if (l < depth) {
                    activation.forward(z, activations[l + 1], auxiliary[l]);
                }
            }
        }
        hostLayersCurrent = hostLayers;
        return activations[depth + 1];
    }

    /**
     * The fused float32 SiLU layer: z W (no bias yet) comes to the heap in one transfer, where
     * the bias, σ and a are one vectorised pass ({@link SiluKernel}); a goes back for the next
     * product, z and σ stay on the heap for the backward pass. This replaces four native passes
     * (bias, σ, a, and at the backward step four more for φ' and the bias gradient's product),
     * each a JNI call of several microseconds on 64k elements.
     */
    private void hostSilu(int l, INDArray z) {
        float[] zs = hostPreActivations[l];
        HostCopy.readFloats(z, zs);
        HostCopy.readFloats(biases[l], hostBias);
        SiluKernel.forward(zs, hostBias, batch, width, hostSigmoids[l], hostStage);
        HostCopy.writeFloats(hostStage, activations[l + 1]);
    }

    /**
     * The native arrays of the hidden layers (z with bias, σ) from their heap copies, for the
     * tangent passes, which read them.
     */
    private void materialiseHostLayers() {
        if (!hostLayersCurrent) {
            return;
        }
        for (int l = 0; l < depth; l++) {
            HostCopy.writeFloats(hostPreActivations[l], preActivations[l]);
            HostCopy.writeFloats(hostSigmoids[l], auxiliary[l]);
        }
        hostLayersCurrent = false;
    }

    @Override
    public void backward(INDArray outputGradient) {
        if (batch < 0 || !outputGradient.equalShapes(activations[depth + 1])) {
            throw new IllegalStateException("backward needs a gradient of the last forward's shape "
                    + (batch < 0 ? "(no forward yet)" : "[" + batch + ", " + outputDimension + "]"));
        }
        boolean fused = hostLayersCurrent;
        INDArray g = outputGradient;
        for (int l = depth; l >= 0; l--) {
            Nd4j.gemm(activations[l], g, weightGradients[l], true, false, 1.0, 1.0);
            if (l == depth || !fused) {
                Nd4j.gemm(onesRow, g, biasGradients[l], false, false, 1.0, 1.0); // Σ_rows g
            }
            if (l > 0) {
                INDArray next = layerGradients[l - 1];
                Nd4j.gemm(g, weights[l], next, false, true, 1.0, 0.0);
                if (fused) {
                    hostSiluBackward(l - 1, next);
                } else {
                    activation.derivative(preActivations[l - 1], activations[l],
                            auxiliary[l - 1], derivatives[l - 1]);
                    next.muli(derivatives[l - 1]);
                }
                g = next;
            }
        }
    }

    /** G ← G ⊙ φ'(z) of hidden layer k on the heap, adding Σ_rows G to its bias gradient. */
    private void hostSiluBackward(int k, INDArray g) {
        HostCopy.readFloats(g, hostStage);
        java.util.Arrays.fill(hostBiasGradient, 0f);
        SiluKernel.backward(hostStage, hostPreActivations[k], hostSigmoids[k], batch, width,
                hostBiasGradient);
        HostCopy.writeFloats(hostStage, g);
        HostCopy.writeFloats(hostBiasGradient, biasGradientStage);
        biasGradients[k].addi(biasGradientStage);
    }

    @Override
    public INDArray lastOutput() {
        if (batch < 0) {
            throw new IllegalStateException("no forward pass yet");
        }
        return activations[depth + 1];
    }

    /**
     * Forward mode: ż_l = ḣ_l W_l, ḣ_{l+1} = φ'(z_l) ⊙ ż_l from ḣ_0 = [v, 0] (the embedding does
     * not depend on u), and J_F v = ḣ_depth W_out.
     */
    @Override
    public INDArray forwardWithTangent(INDArray inputs, INDArray times, INDArray tangents) {
        forward(inputs, times);
        materialiseHostLayers();
        if (!tangents.equalShapes(inputs)) {
            throw new IllegalArgumentException("tangents must have the inputs' shape "
                    + java.util.Arrays.toString(inputs.shape()) + ", got "
                    + java.util.Arrays.toString(tangents.shape()));
        }
        NetworkChecks.dataType("tangents", tangents, parameters.dataType());
        allocateTangents(batch);
        tangentActivations[0].assign(tangents);
        for (int l = 0; l <= depth; l++) {
            INDArray w = l == 0 ? inputRows(weights[0]) : weights[l];
            INDArray zDot = l == depth ? tangentActivations[depth + 1] : tangentPreActivations[l];
            Nd4j.gemm(tangentActivations[l], w, zDot, false, false, 1.0, 0.0);
            if (l < depth) {
                activation.derivative(preActivations[l], activations[l + 1], auxiliary[l],
                        derivatives[l]);
                activation.secondDerivative(preActivations[l], activations[l + 1], auxiliary[l],
                        secondDerivatives[l]);
                tangentActivations[l + 1].assign(zDot).muli(derivatives[l]);
            }
        }
        tangentsCurrent = true;
        return tangentActivations[depth + 1];
    }

    /**
     * Reverse mode through the primal and tangent passes: with adjoints (ḡ, ġ) of (z, ż),
     * W̄ += hᵀḡ + ḣᵀġ, b̄ += Σ ḡ, and below a hidden layer ḡ ← (ḡWᵀ) ⊙ φ' + (ġWᵀ) ⊙ ż ⊙ φ'',
     * ġ ← (ġWᵀ) ⊙ φ'.
     */
    @Override
    public void backwardWithTangent(INDArray outputGradient, INDArray tangentGradient) {
        if (!tangentsCurrent || !outputGradient.equalShapes(activations[depth + 1])
                || !tangentGradient.equalShapes(activations[depth + 1])) {
            throw new IllegalStateException("backwardWithTangent needs gradients of the last"
                    + " forwardWithTangent's shape");
        }
        INDArray g = outputGradient;
        INDArray gDot = tangentGradient;
        for (int l = depth; l >= 0; l--) {
            Nd4j.gemm(activations[l], g, weightGradients[l], true, false, 1.0, 1.0);
            INDArray tangentWeightGradient = l == 0 ? inputRows(weightGradients[0])
                    : weightGradients[l];
            Nd4j.gemm(tangentActivations[l], gDot, tangentWeightGradient, true, false, 1.0, 1.0);
            Nd4j.gemm(onesRow, g, biasGradients[l], false, false, 1.0, 1.0); // Σ_rows g
            if (l > 0) {
                int k = l - 1;
                INDArray next = layerGradients[k];
                INDArray nextDot = tangentLayerGradients[k];
                Nd4j.gemm(g, weights[l], next, false, true, 1.0, 0.0);
                Nd4j.gemm(gDot, weights[l], nextDot, false, true, 1.0, 0.0);
                curvatureTerms[k].assign(nextDot).muli(tangentPreActivations[k])
                        .muli(secondDerivatives[k]);
                next.muli(derivatives[k]).addi(curvatureTerms[k]);
                nextDot.muli(derivatives[k]);
                g = next;
                gDot = nextDot;
            }
        }
    }

    /** The first d_in rows of the first layer's matrix: the part that multiplies u. */
    private INDArray inputRows(INDArray firstLayer) {
        return firstLayer.get(NDArrayIndex.interval(0, inputDimension), NDArrayIndex.all());
    }

    private void allocateTangents(int rows) {
        if (rows == tangentBatch) {
            return;
        }
        DataType type = parameters.dataType();
        tangentActivations = new INDArray[depth + 2];
        tangentPreActivations = new INDArray[depth];
        secondDerivatives = new INDArray[depth];
        tangentLayerGradients = new INDArray[depth];
        curvatureTerms = new INDArray[depth];
        tangentActivations[0] = Nd4j.create(type, rows, inputDimension);
        for (int l = 0; l < depth; l++) {
            tangentPreActivations[l] = Nd4j.create(type, rows, width);
            tangentActivations[l + 1] = Nd4j.create(type, rows, width);
            secondDerivatives[l] = Nd4j.create(type, rows, width);
            tangentLayerGradients[l] = Nd4j.create(type, rows, width);
            curvatureTerms[l] = Nd4j.create(type, rows, width);
        }
        tangentActivations[depth + 1] = Nd4j.create(type, rows, outputDimension);
        tangentBatch = rows;
    }

    private void allocate(int rows) {
        if (rows == batch) {
            return;
        }
        DataType type = parameters.dataType();
        hostInputs = new double[Math.multiplyExact(rows, inputDimension)];
        hostTimes = new double[rows];
        hostFirstLayer = new double[Math.multiplyExact(rows, inputWidth(0))];
        onesRow = Nd4j.ones(type, 1, rows);
        activations = new INDArray[depth + 2];
        preActivations = new INDArray[depth];
        auxiliary = new INDArray[depth];
        layerGradients = new INDArray[depth];
        derivatives = new INDArray[depth];
        activations[0] = Nd4j.create(type, rows, inputWidth(0));
        for (int l = 0; l < depth; l++) {
            preActivations[l] = Nd4j.create(type, rows, width);
            activations[l + 1] = Nd4j.create(type, rows, width);
            auxiliary[l] = Nd4j.create(type, rows, width);
            layerGradients[l] = Nd4j.create(type, rows, width);
            derivatives[l] = Nd4j.create(type, rows, width);
        }
        activations[depth + 1] = Nd4j.create(type, rows, outputDimension);
        if (hostLayers) {
            int n = Math.multiplyExact(rows, width);
            hostPreActivations = new float[depth][n];
            hostSigmoids = new float[depth][n];
            hostStage = new float[n];
            hostBias = new float[width];
            hostBiasGradient = new float[width];
            biasGradientStage = Nd4j.create(type, 1, width);
        }
        batch = rows;
        tangentBatch = -1;
    }

    /**
     * Configures an {@link Mlp}; defaults: input and output dimension equal (the builder's
     * argument), width 128, depth 3, SiLU, embedding 128, float32.
     */
    public static final class Builder extends NetworkBuilder<Builder> {
        private int inputDimension;
        private int outputDimension;
        private int depth = 3;
        private Activation activation = Activation.SILU;

        private Builder(int dimension) {
            this.inputDimension = NetworkChecks.atLeastOne("dimension", dimension);
            this.outputDimension = dimension;
        }

        /** Components d_in ≥ 1 of an input row (a point's coordinates). */
        public Builder inputDimension(int dimension) {
            this.inputDimension = NetworkChecks.atLeastOne("input dimension", dimension);
            return this;
        }

        /** Components d_out ≥ 1 of an output row (a score's tangent components). */
        public Builder outputDimension(int dimension) {
            this.outputDimension = NetworkChecks.atLeastOne("output dimension", dimension);
            return this;
        }

        /** Number of hidden layers, ≥ 1. */
        public Builder depth(int depth) {
            this.depth = NetworkChecks.atLeastOne("depth", depth);
            return this;
        }

        /** Hidden activation. */
        public Builder activation(Activation activation) {
            this.activation = java.util.Objects.requireNonNull(activation, "activation");
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /** The network. */
        public Mlp build() {
            return new Mlp(this);
        }
    }
}
