package io.github.targetscore.training.network;

import io.github.targetscore.core.random.RandomStreams;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An E(n)-equivariant graph network (EGNN, Satorras et al. 2021) as a score network for n
 * particles in D dimensions, in the form iDEM uses for DW-4 (3 layers, width 128) and LJ-13/55
 * (5 layers, width 128). Input rows u ∈ R^{nD} are particle-major (x_1, …, x_n), coordinates
 * in the energy's length unit; t is the diffusion time.
 *
 * <p>Node features start as the same time embedding for every particle,
 * h_i⁰ = e(t) W_e + b_e with e the {@link SinusoidalEmbedding}. Layer l = 0 … L−1 (fully
 * connected graph, j ≠ i):
 *
 * <pre>
 *   m_ij = φ_e([h_i, h_j, ‖x_i − x_j‖²]),     φ_e(z) = SiLU(SiLU(z A₁ + a₁) A₂ + a₂)
 *   x_i ← x_i + (1/(n−1)) Σ_{j≠i} (x_i − x_j) φ_x(m_ij),   φ_x(m) = c·tanh(ψ(m)/c),
 *                                                          ψ(m) = SiLU(m C₁ + c₁) C₂
 *   h_i ← h_i + φ_h([h_i, Σ_{j≠i} m_ij]),     φ_h(z) = SiLU(z B₁ + b₁) B₂ + b₂
 * </pre>
 *
 * and the output is F = x^L − x⁰ = Σ_l Δx^l with the mean over particles removed. The node
 * update of the last layer cannot reach F and is left out (it would only add parameters with
 * zero gradient). F is invariant under translations of the input, equivariant under rotations,
 * reflections and permutations of the particles, and mean-free, so it lies in the tangent space
 * of the centre-of-mass-free particle space (MATH §1).
 *
 * <p><b>Coordinate range c.</b> With c = ∞ (the default, iDEM's {@code tanh=False}) φ_x = ψ.
 * A finite c bounds each layer's displacement of particle i by c times its mean distance to the
 * others, which keeps early training steps from flinging particles apart; since
 * c·tanh(ψ/c) = ψ + O(ψ³/c²) it changes nothing near the small initial ψ. Bounding limits how
 * large an output a few layers can produce, so leave it off for plain (unpreconditioned) scores
 * at low noise, whose magnitude grows like 1/σ².
 *
 * <p><b>Implementation.</b> The network is one SameDiff graph built once: placeholders u, t and
 * ∂ℓ/∂F, output F, and the scalar Σ (∂ℓ/∂F ⊙ F) whose gradient with respect to all parameters
 * is {@link #backward}. The graph's variables hold views of one {@link FlatParameters} vector
 * (single-thread array holders keep the views instead of copying them), so the optimiser,
 * weight average and checkpoints act on the graph directly. Edges are the n(n−1) ordered pairs
 * j ≠ i (no self-loops to mask out). The first layer of φ_e is split as
 * h_i A₁ᵢ + h_j A₁ⱼ + ‖x_i − x_j‖² a_d: the two node products cost B·n·H² each instead of the
 * B·n(n−1)·(2H+1)·H of multiplying the concatenated edge input. A backward pass re-runs the forward
 * inside SameDiff's gradient graph (its executor keeps no activations between calls), so a
 * training step costs two forwards and one backward.
 *
 * <p>Weights are Glorot-normal from the seed, biases zero; the last layer C₂ of ψ has gain
 * 10⁻³ (as in the EGNN reference code), so an untrained network outputs F ≈ 0.
 */
public final class Egnn implements ScoreNetwork {

    private static final String INPUTS = "u";
    private static final String TIMES = "t";
    private static final String OUTPUT_GRADIENT = "dF";
    private static final String OUTPUT = "F";
    private static final String OBJECTIVE = "objective";
    /** Gain of ψ's output layer: small, so that the untrained network starts near F = 0. */
    private static final double COORDINATE_OUTPUT_GAIN = 1e-3;
    /** Serialises the stdout redirection around SameDiff's gradient-function construction. */
    private static final Object STDOUT_LOCK = new Object();

    private final int particles;
    private final int spatialDimension;
    private final int width;
    private final int layers;
    private final double coordinateRange;
    private final FlatParameters parameters;
    private final SameDiff graph;
    private final List<String> names;
    private final List<INDArray> gradientViews;
    private final Map<String, INDArray> feed = new HashMap<>();
    private INDArray output;

    private Egnn(Builder b) {
        this.particles = b.particles;
        this.spatialDimension = b.spatialDimension;
        this.width = b.width;
        this.layers = b.layers;
        this.coordinateRange = b.coordinateRange;
        SinusoidalEmbedding embedding = SinusoidalEmbedding.of(b.embeddingDimension, b.dataType);
        this.parameters = layout(b.dataType, embedding.dimension()).allocate();
        this.names = parameters.names();
        this.gradientViews = new ArrayList<>();
        for (String name : names) {
            gradientViews.add(parameters.gradient(name));
        }
        initialise(b.seed, embedding.dimension());
        this.graph = buildGraph(embedding);
    }

    /** Starts a builder for {@code particles} particles in {@code spatialDimension} dimensions. */
    public static Builder builder(int particles, int spatialDimension) {
        return new Builder(particles, spatialDimension);
    }

    private FlatParameters.Layout layout(DataType type, int embeddingWidth) {
        FlatParameters.Layout layout = FlatParameters.layout(type)
                .matrix("embed.w", embeddingWidth, width).matrix("embed.b", 1, width);
        for (int l = 0; l < layers; l++) {
            String p = "l" + l + ".";
            layout.matrix(p + "edge.wi", width, width).matrix(p + "edge.wj", width, width)
                    .matrix(p + "edge.wd", 1, width).matrix(p + "edge.b1", 1, width)
                    .matrix(p + "edge.w2", width, width).matrix(p + "edge.b2", 1, width)
                    .matrix(p + "coord.w1", width, width).matrix(p + "coord.b1", 1, width)
                    .matrix(p + "coord.w2", width, 1);
            if (feedsNextLayer(l)) {
                layout.matrix(p + "node.wh", width, width).matrix(p + "node.wm", width, width)
                        .matrix(p + "node.b1", 1, width).matrix(p + "node.w2", width, width)
                        .matrix(p + "node.b2", 1, width);
            }
        }
        return layout;
    }

    /**
     * Whether layer l's updated x and h are inputs of a next layer; the last layer's are not,
     * so it has no node update (its h could not reach F).
     */
    private boolean feedsNextLayer(int layer) {
        return layer < layers - 1;
    }

    private void initialise(long seed, int embeddingWidth) {
        ZigguratSampler.NormalizedGaussian gaussian =
                ZigguratSampler.NormalizedGaussian.of(RandomStreams.of(seed).stream(0));
        GlorotNormal.fill(parameters.value("embed.w"), embeddingWidth, width, 1, gaussian);
        for (int l = 0; l < layers; l++) {
            String p = "l" + l + ".";
            for (String edgeInput : new String[] {"edge.wi", "edge.wj", "edge.wd"}) {
                GlorotNormal.fill(parameters.value(p + edgeInput), 2L * width + 1, width, 1,
                        gaussian);
            }
            GlorotNormal.fill(parameters.value(p + "edge.w2"), width, width, 1, gaussian);
            GlorotNormal.fill(parameters.value(p + "coord.w1"), width, width, 1, gaussian);
            GlorotNormal.fill(parameters.value(p + "coord.w2"), width, 1, COORDINATE_OUTPUT_GAIN,
                    gaussian);
            if (feedsNextLayer(l)) {
                GlorotNormal.fill(parameters.value(p + "node.wh"), 2L * width, width, 1, gaussian);
                GlorotNormal.fill(parameters.value(p + "node.wm"), 2L * width, width, 1, gaussian);
                GlorotNormal.fill(parameters.value(p + "node.w2"), width, width, 1, gaussian);
            }
        }
    }

    private SameDiff buildGraph(SinusoidalEmbedding embedding) {
        DataType type = parameters.dataType();
        int n = particles;
        int d = spatialDimension;
        SameDiff sd = SameDiff.create();
        sd.setArrayHolders(new SingleThreadArrayHolder(), new SingleThreadArrayHolder(), false);
        Map<String, SDVariable> p = new HashMap<>();
        for (String name : names) {
            p.put(name, sd.var(name, parameters.value(name)));
        }
        SDVariable u = sd.placeHolder(INPUTS, type, -1, (long) n * d);
        SDVariable t = sd.placeHolder(TIMES, type, -1, 1);
        SDVariable phases = t.mmul(sd.constant(embedding.frequencies()));
        SDVariable e = sd.concat(1, sd.math.sin(phases), sd.math.cos(phases));
        SDVariable h0 = e.mmul(p.get("embed.w")).add(p.get("embed.b")); // [B, H]
        // particle-major tensors [n, B, ·], so that an edge tensor [n, n−1, B, ·] flattens to
        // rows (i, j ≠ i, b) and sums over j are sums over axis 1
        State state = new State(u.reshape(-1, n, d).permute(1, 0, 2),
                sd.constant(Nd4j.ones(type, n, 1)).mmul(h0.reshape(1, -1)).reshape(n, -1, width),
                null);
        SDVariable selection = sd.constant(neighbourSelection(type));
        for (int l = 0; l < layers; l++) {
            state = layer(sd, p, "l" + l + ".", selection, state, feedsNextLayer(l));
        }
        SDVariable f = state.displacement.sub(state.displacement.mean(true, 0))
                .permute(1, 0, 2).reshape(-1, (long) n * d);
        f.rename(OUTPUT);
        SDVariable dF = sd.placeHolder(OUTPUT_GRADIENT, type, -1, (long) n * d);
        f.mul(dF).sum().rename(OBJECTIVE);
        sd.setLossVariables(OBJECTIVE);
        createGradientFunction(sd);
        return sd;
    }

    /** Positions x [n, B, D], node features h [n, B, H] and Σ of the layers' shifts so far. */
    private record State(SDVariable x, SDVariable node, SDVariable displacement) {
    }

    /** One EGNN layer (class comment), with parameters named {@code prefix + "edge.wi"} etc. */
    private State layer(SameDiff sd, Map<String, SDVariable> p, String prefix,
            SDVariable selection, State in, boolean feedsNext) {
        int n = particles;
        int h = width;
        // edges (i, j ≠ i) as [n, n−1, B, ·]; flattened, E = n·(n−1)·B rows
        SDVariable diff = sd.expandDims(in.x, 1).sub(neighbours(selection, in.x, n,
                spatialDimension)); // x_i − x_j
        SDVariable distance2 = diff.mul(diff).sum(true, 3).reshape(-1, 1); // [E, 1]
        SDVariable nodes = in.node.reshape(-1, h); // [n·B, H]
        SDVariable fromI = nodes.mmul(p.get(prefix + "edge.wi")).reshape(n, 1, -1, h);
        SDVariable fromJ = neighbours(selection,
                nodes.mmul(p.get(prefix + "edge.wj")).reshape(n, -1, h), n, h);
        SDVariable z = fromI.add(fromJ).reshape(-1, h)
                .add(distance2.mmul(p.get(prefix + "edge.wd"))).add(p.get(prefix + "edge.b1"));
        SDVariable messages = silu(sd, silu(sd, z).mmul(p.get(prefix + "edge.w2"))
                .add(p.get(prefix + "edge.b2"))); // m_ij, [E, H]
        SDVariable psi = silu(sd, messages.mmul(p.get(prefix + "coord.w1"))
                .add(p.get(prefix + "coord.b1"))).mmul(p.get(prefix + "coord.w2")); // [E, 1]
        SDVariable phi = Double.isInfinite(coordinateRange) ? psi
                : sd.math.tanh(psi.div(coordinateRange)).mul(coordinateRange);
        SDVariable shift = diff.mul(phi.reshape(n, n - 1, -1, 1)).sum(1).div(n - 1); // [n,B,D]
        SDVariable displacement = in.displacement == null ? shift : in.displacement.add(shift);
        if (!feedsNext) {
            return new State(null, null, displacement);
        }
        SDVariable aggregate = messages.reshape(n, n - 1, -1, h).sum(1).reshape(-1, h);
        SDVariable hidden = silu(sd, nodes.mmul(p.get(prefix + "node.wh"))
                .add(aggregate.mmul(p.get(prefix + "node.wm"))).add(p.get(prefix + "node.b1")));
        SDVariable node = in.node.add(hidden.mmul(p.get(prefix + "node.w2"))
                .add(p.get(prefix + "node.b2")).reshape(n, -1, h));
        return new State(in.x.add(shift), node, displacement);
    }

    /**
     * The constant 0/1 matrix S ∈ R^{n(n−1) × n} whose row (i, k) picks the k-th particle
     * j ≠ i: S applied to a per-particle tensor lists each particle's neighbours. (A gather
     * would do the same, but SameDiff 1.0.0-M2.1 cannot differentiate two gathers in one
     * graph; the product costs n²(n−1)·B·C, small beside the edge MLPs' n(n−1)·B·H².)
     */
    private INDArray neighbourSelection(DataType type) {
        int n = particles;
        INDArray select = Nd4j.zeros(type, (long) n * (n - 1), n);
        for (int i = 0, row = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    select.putScalar(row++, j, 1);
                }
            }
        }
        return select;
    }

    /** The rows j ≠ i of a particle-major [n, B, C] tensor for each i: [n, n−1, B, C]. */
    private static SDVariable neighbours(SDVariable selection, SDVariable perParticle, int n,
            int channels) {
        return selection.mmul(perParticle.reshape(n, -1)).reshape(n, n - 1, -1, channels);
    }

    /**
     * SiLU(z) = z σ(z), built from sigmoid and product: the derivative of ND4J's own swish op
     * (1.0.0-M2.1) overflows to NaN for z ≳ 44 in float and z ≳ 355 in double, which the
     * summed messages of LJ-13 reach at initialisation; σ's derivative σ(1 − σ) does not.
     */
    private static SDVariable silu(SameDiff sd, SDVariable z) {
        return sd.nn.sigmoid(z).mul(z);
    }

    /**
     * Builds the gradient graph once. SameDiff announces every differentiated op with
     * {@code System.out.println}; stdout is redirected meanwhile (JAVA-NOTES), under a lock so
     * that concurrent constructions cannot restore each other's stream. Output printed by other
     * threads during those milliseconds is lost.
     */
    private static void createGradientFunction(SameDiff sd) {
        synchronized (STDOUT_LOCK) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(original);
            }
        }
    }

    @Override
    public int dimension() {
        return particles * spatialDimension;
    }

    @Override
    public FlatParameters parameters() {
        return parameters;
    }

    /** Number of particles n. */
    public int particles() {
        return particles;
    }

    /** Spatial dimension D. */
    public int spatialDimension() {
        return spatialDimension;
    }

    /** Width H of node features and messages. */
    public int width() {
        return width;
    }

    /** Number of EGNN layers L. */
    public int layers() {
        return layers;
    }

    /** The coordinate range c of φ_x (+∞: unbounded). */
    public double coordinateRange() {
        return coordinateRange;
    }

    @Override
    public INDArray forward(INDArray inputs, INDArray times) {
        checkBatch(inputs, times);
        feed.clear();
        feed.put(INPUTS, inputs);
        feed.put(TIMES, times);
        output = graph.outputSingle(feed, OUTPUT);
        return output;
    }

    @Override
    public void backward(INDArray outputGradient) {
        if (output == null || !outputGradient.equalShapes(output)) {
            throw new IllegalStateException("backward needs a gradient of the last forward's shape "
                    + (output == null ? "(no forward yet)"
                            : Arrays.toString(output.shape())) + ", got "
                    + Arrays.toString(outputGradient.shape()));
        }
        checkType("output gradient", outputGradient);
        feed.put(OUTPUT_GRADIENT, outputGradient);
        Map<String, INDArray> gradients = graph.calculateGradients(feed, names);
        for (int i = 0; i < names.size(); i++) {
            gradientViews.get(i).addi(gradients.get(names.get(i)));
        }
    }

    private void checkBatch(INDArray inputs, INDArray times) {
        int width = dimension();
        if (inputs.rank() != 2 || inputs.columns() != width || inputs.rows() < 1) {
            throw new IllegalArgumentException("inputs must have shape [B, " + width + "] ("
                    + particles + " particles × " + spatialDimension + " coordinates, "
                    + "particle-major), got " + Arrays.toString(inputs.shape()));
        }
        if (times.rank() != 2 || times.columns() != 1 || times.rows() != inputs.rows()) {
            throw new IllegalArgumentException("times must have shape [" + inputs.rows()
                    + ", 1], got " + Arrays.toString(times.shape()));
        }
        checkType("inputs", inputs);
        checkType("times", times);
    }

    private void checkType(String what, INDArray array) {
        if (array.dataType() != parameters.dataType()) {
            throw new IllegalArgumentException(what + " must be " + parameters.dataType()
                    + " like the parameters, got " + array.dataType());
        }
    }

    /**
     * Configures an {@link Egnn}; defaults: width 128, 3 layers (iDEM's DW-4 network; LJ-13 and
     * LJ-55 use 5), unbounded φ_x, time embedding 128, float32.
     */
    public static final class Builder {
        private final int particles;
        private final int spatialDimension;
        private int width = 128;
        private int layers = 3;
        private double coordinateRange = Double.POSITIVE_INFINITY;
        private int embeddingDimension = 128;
        private DataType dataType = DataType.FLOAT;
        private long seed;

        private Builder(int particles, int spatialDimension) {
            if (particles < 2) {
                throw new IllegalArgumentException("an EGNN needs at least 2 particles, got "
                        + particles);
            }
            if (spatialDimension < 1) {
                throw new IllegalArgumentException("spatial dimension must be >= 1, got "
                        + spatialDimension);
            }
            Math.multiplyExact(particles, spatialDimension);
            this.particles = particles;
            this.spatialDimension = spatialDimension;
        }

        /** Width H of node features and messages, ≥ 1. */
        public Builder width(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            this.width = width;
            return this;
        }

        /** Number of EGNN layers L, ≥ 1. */
        public Builder layers(int layers) {
            if (layers < 1) {
                throw new IllegalArgumentException("layers must be >= 1, got " + layers);
            }
            this.layers = layers;
            return this;
        }

        /**
         * Bounds φ_x to (−c, c) through c·tanh(ψ/c); c &gt; 0, +∞ (the default) for none. See
         * the class documentation for when to use it.
         */
        public Builder coordinateRange(double range) {
            if (!(range > 0)) {
                throw new IllegalArgumentException("coordinate range must be > 0 (+∞ for none), "
                        + "got " + range);
            }
            this.coordinateRange = range;
            return this;
        }

        /** Width of the sinusoidal time embedding (even). */
        public Builder embeddingDimension(int embeddingDimension) {
            SinusoidalEmbedding.of(embeddingDimension, DataType.FLOAT);
            this.embeddingDimension = embeddingDimension;
            return this;
        }

        /** FLOAT (default, fast) or DOUBLE (for gradient checks). */
        public Builder dataType(DataType dataType) {
            FlatParameters.layout(Objects.requireNonNull(dataType, "dataType"));
            this.dataType = dataType;
            return this;
        }

        /** Seed of the weight initialisation. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The network (builds its SameDiff graph and gradient function). */
        public Egnn build() {
            return new Egnn(this);
        }
    }
}
