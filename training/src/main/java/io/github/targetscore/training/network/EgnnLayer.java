package io.github.targetscore.training.network;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One layer of {@link Egnn} with its forward pass and hand-written backward pass, on
 * particle-major matrices: per-particle rows (i, b) of [n·B, C], per-pair rows (i, k, b) of
 * [E, C] with E = n(n−1)·B (see {@link ParticlePairs}). Forward (SiLU activations):
 *
 * <pre>
 *   Δx_ij = x_i − x_j,  d_ij = ‖Δx_ij‖²
 *   z = R(h A_i) + S(h A_j) + d a_d + a_1,  m = SiLU(SiLU(z) A_2 + a_2)
 *   ψ = SiLU(m C_1 + c_1) C_2,  φ = c·tanh(ψ/c) (φ = ψ for c = ∞)
 *   shift_i = (1/(n−1)) Σ_j Δx_ij φ_ij
 *   x' = x + shift,  h' = h + SiLU(h B_h + (Σ_j m_ij) B_m + b_1) B_2 + b_2
 * </pre>
 *
 * The backward pass applies the chain rule to these lines in reverse, adding parameter
 * gradients into the network's flat gradient vector. Activations of the last forward are kept
 * in arrays allocated once per batch size. Not thread-safe.
 */
final class EgnnLayer {

    private final ParticlePairs pairs;
    private final int particles;
    private final int dimension;
    private final int width;
    private final double range;
    private final boolean updatesNodes;
    private final INDArray onesColumn;
    // parameters (views of the flat vector) and their gradients (views of the flat gradient)
    private final INDArray wSelf;
    private final INDArray wNeighbour;
    private final INDArray wDistance;
    private final INDArray bEdge1;
    private final INDArray wEdge2;
    private final INDArray bEdge2;
    private final INDArray wCoord1;
    private final INDArray bCoord1;
    private final INDArray wCoord2;
    private final INDArray gSelf;
    private final INDArray gNeighbour;
    private final INDArray gDistance;
    private final INDArray gEdgeBias1;
    private final INDArray gEdge2;
    private final INDArray gEdgeBias2;
    private final INDArray gCoord1;
    private final INDArray gCoordBias1;
    private final INDArray gCoord2;
    private final INDArray wNodeH;
    private final INDArray wNodeM;
    private final INDArray bNode1;
    private final INDArray wNode2;
    private final INDArray bNode2;
    private final INDArray gNodeH;
    private final INDArray gNodeM;
    private final INDArray gNodeBias1;
    private final INDArray gNode2;
    private final INDArray gNodeBias2;

    private int batch = -1;
    // activations of the last forward
    private INDArray diff;      // [E, D] x_i − x_j
    private INDArray distance;  // [E, 1] ‖x_i − x_j‖²
    private INDArray shrink;    // [E, 1] q = 1/(‖x_i − x_j‖ + 1)
    private INDArray radius;    // [E, 1] ‖x_i − x_j‖
    private INDArray unit;      // [E, D] (x_i − x_j) q
    private INDArray projection; // [E, 1] backward scratch
    private INDArray z1;        // [E, H] pre-activation of φ_e's first layer
    private INDArray a1;
    private INDArray s1;        // σ(z1)
    private INDArray z2;
    private INDArray messages;  // m = SiLU(z2)
    private INDArray s2;
    private INDArray z3;        // pre-activation of ψ's hidden layer
    private INDArray a3;
    private INDArray s3;
    private INDArray psi;       // [E, 1]
    private INDArray phi;       // [E, 1] φ_x; for finite c, tanh(ψ/c) lives in bounded
    private INDArray bounded;
    private INDArray aggregate; // [n·B, H] Σ_j m_ij
    private INDArray zNode;
    private INDArray aNode;
    private INDArray sNode;

    /**
     * @param prefix parameter-name prefix of this layer, e.g. {@code "l0."}
     * @param updatesNodes whether the layer computes x' and h' (all but the last layer)
     */
    EgnnLayer(FlatParameters p, String prefix, ParticlePairs pairs, int particles,
            int dimension, int width, double range, boolean updatesNodes) {
        this.pairs = pairs;
        this.particles = particles;
        this.dimension = dimension;
        this.width = width;
        this.range = range;
        this.updatesNodes = updatesNodes;
        this.onesColumn = Nd4j.ones(p.dataType(), dimension, 1);
        wSelf = p.value(prefix + "edge.wi");
        wNeighbour = p.value(prefix + "edge.wj");
        wDistance = p.value(prefix + "edge.wd");
        bEdge1 = p.value(prefix + "edge.b1");
        wEdge2 = p.value(prefix + "edge.w2");
        bEdge2 = p.value(prefix + "edge.b2");
        wCoord1 = p.value(prefix + "coord.w1");
        bCoord1 = p.value(prefix + "coord.b1");
        wCoord2 = p.value(prefix + "coord.w2");
        gSelf = p.gradient(prefix + "edge.wi");
        gNeighbour = p.gradient(prefix + "edge.wj");
        gDistance = p.gradient(prefix + "edge.wd");
        gEdgeBias1 = p.gradient(prefix + "edge.b1");
        gEdge2 = p.gradient(prefix + "edge.w2");
        gEdgeBias2 = p.gradient(prefix + "edge.b2");
        gCoord1 = p.gradient(prefix + "coord.w1");
        gCoordBias1 = p.gradient(prefix + "coord.b1");
        gCoord2 = p.gradient(prefix + "coord.w2");
        wNodeH = updatesNodes ? p.value(prefix + "node.wh") : null;
        wNodeM = updatesNodes ? p.value(prefix + "node.wm") : null;
        bNode1 = updatesNodes ? p.value(prefix + "node.b1") : null;
        wNode2 = updatesNodes ? p.value(prefix + "node.w2") : null;
        bNode2 = updatesNodes ? p.value(prefix + "node.b2") : null;
        gNodeH = updatesNodes ? p.gradient(prefix + "node.wh") : null;
        gNodeM = updatesNodes ? p.gradient(prefix + "node.wm") : null;
        gNodeBias1 = updatesNodes ? p.gradient(prefix + "node.b1") : null;
        gNode2 = updatesNodes ? p.gradient(prefix + "node.w2") : null;
        gNodeBias2 = updatesNodes ? p.gradient(prefix + "node.b2") : null;
    }

    /** Declares this layer's parameter tensors (names as in the class comment of Egnn). */
    static void declare(FlatParameters.Layout layout, String prefix, int width,
            boolean updatesNodes) {
        layout.matrix(prefix + "edge.wi", width, width).matrix(prefix + "edge.wj", width, width)
                .matrix(prefix + "edge.wd", 1, width).matrix(prefix + "edge.b1", 1, width)
                .matrix(prefix + "edge.w2", width, width).matrix(prefix + "edge.b2", 1, width)
                .matrix(prefix + "coord.w1", width, width).matrix(prefix + "coord.b1", 1, width)
                .matrix(prefix + "coord.w2", width, 1);
        if (updatesNodes) {
            layout.matrix(prefix + "node.wh", width, width).matrix(prefix + "node.wm", width, width)
                    .matrix(prefix + "node.b1", 1, width).matrix(prefix + "node.w2", width, width)
                    .matrix(prefix + "node.b2", 1, width);
        }
    }

    /** (Re)allocates the activation arrays for batches of {@code rows}. */
    void allocate(int rows, DataType type) {
        if (rows == batch) {
            return;
        }
        long edges = (long) pairs.count() * rows;
        diff = Nd4j.create(type, edges, dimension);
        distance = Nd4j.create(type, edges, 1);
        shrink = Nd4j.create(type, edges, 1);
        radius = Nd4j.create(type, edges, 1);
        unit = Nd4j.create(type, edges, dimension);
        projection = Nd4j.create(type, edges, 1);
        z1 = Nd4j.create(type, edges, width);
        a1 = Nd4j.create(type, edges, width);
        s1 = Nd4j.create(type, edges, width);
        z2 = Nd4j.create(type, edges, width);
        messages = Nd4j.create(type, edges, width);
        s2 = Nd4j.create(type, edges, width);
        z3 = Nd4j.create(type, edges, width);
        a3 = Nd4j.create(type, edges, width);
        s3 = Nd4j.create(type, edges, width);
        psi = Nd4j.create(type, edges, 1);
        phi = Nd4j.create(type, edges, 1);
        bounded = Double.isInfinite(range) ? null : Nd4j.create(type, edges, 1);
        if (updatesNodes) {
            long nodes = (long) particles * rows;
            aggregate = Nd4j.create(type, nodes, width);
            zNode = Nd4j.create(type, nodes, width);
            aNode = Nd4j.create(type, nodes, width);
            sNode = Nd4j.create(type, nodes, width);
        }
        batch = rows;
    }

    /**
     * Runs the layer on positions {@code x} [n·B, D] and features {@code h} [n·B, H], adding
     * its shift to {@code displacement} (or writing it when {@code first}); when the layer
     * updates nodes, writes x' and h' into {@code xNext}, {@code hNext}.
     */
    void forward(INDArray x, INDArray h, INDArray displacement, boolean first, INDArray xNext,
            INDArray hNext, Workspace w) {
        pairs.differences(x, diff);
        Nd4j.gemm(w.edgeVectors.assign(diff).muli(diff), onesColumn, distance, false, false,
                1.0, 0.0);
        Nd4j.exec(new Sqrt(distance, radius));
        shrink.assign(radius).addi(1).rdivi(1);
        unit.assign(diff).muliColumnVector(shrink);
        Nd4j.gemm(h, wSelf, w.nodes1, false, false, 1.0, 0.0);
        Nd4j.gemm(h, wNeighbour, w.nodes2, false, false, 1.0, 0.0);
        pairs.copySelf(w.nodes1, z1, 0);
        pairs.copyNeighbour(w.nodes2, z1, 1);
        Nd4j.gemm(distance, wDistance, z1, false, false, 1.0, 1.0);
        z1.addiRowVector(bEdge1);
        Activation.SILU.forward(z1, a1, s1);
        Nd4j.gemm(a1, wEdge2, z2, false, false, 1.0, 0.0);
        z2.addiRowVector(bEdge2);
        Activation.SILU.forward(z2, messages, s2);
        Nd4j.gemm(messages, wCoord1, z3, false, false, 1.0, 0.0);
        z3.addiRowVector(bCoord1);
        Activation.SILU.forward(z3, a3, s3);
        Nd4j.gemm(a3, wCoord2, psi, false, false, 1.0, 0.0);
        if (bounded == null) {
            phi.assign(psi);
        } else {
            bounded.assign(psi).divi(range);
            Nd4j.exec(new Tanh(bounded, bounded));
            phi.assign(bounded).muli(range);
        }
        w.edgeVectors.assign(unit).muliColumnVector(phi);
        pairs.sumOverNeighbours(w.edgeVectors, displacement, 1.0 / (particles - 1),
                first ? 0 : 1);
        if (!updatesNodes) {
            return;
        }
        // x' = x + shift: the shift is what was just added to the displacement
        pairs.sumOverNeighbours(w.edgeVectors, xNext, 1.0 / (particles - 1), 0);
        xNext.addi(x);
        pairs.sumOverNeighbours(messages, aggregate, 1, 0);
        Nd4j.gemm(h, wNodeH, zNode, false, false, 1.0, 0.0);
        Nd4j.gemm(aggregate, wNodeM, zNode, false, false, 1.0, 1.0);
        zNode.addiRowVector(bNode1);
        Activation.SILU.forward(zNode, aNode, sNode);
        Nd4j.gemm(aNode, wNode2, hNext, false, false, 1.0, 0.0);
        hNext.addiRowVector(bNode2).addi(h);
    }

    /**
     * Back-propagates through the last forward. On entry {@code gradX} and {@code gradH} hold
     * ∂ℓ/∂x' and ∂ℓ/∂h' (zero for the last layer) and {@code gradDisplacement} ∂ℓ/∂(Σ shifts);
     * on exit they hold ∂ℓ/∂x and ∂ℓ/∂h. Parameter gradients are added.
     *
     * @param x the positions this layer's forward read
     * @param h the features this layer's forward read
     */
    void backward(INDArray x, INDArray h, INDArray gradDisplacement, INDArray gradX,
            INDArray gradH, Workspace w) {
        // shift = (1/(n−1)) Rᵀ(Δx ⊙ φ), and it feeds both the output and x'
        w.nodeVectors.assign(gradDisplacement).addi(gradX);
        pairs.copySelf(w.nodeVectors, w.edgeVectors, 0);
        w.edgeVectors.muli(1.0 / (particles - 1)); // ∂ℓ/∂(u ⊙ φ)
        Nd4j.gemm(w.edgeVectors2.assign(w.edgeVectors).muli(unit), onesColumn, w.column, false,
                false, 1.0, 0.0); // ∂ℓ/∂φ
        w.edgeVectors.muliColumnVector(phi); // ∂ℓ/∂u
        // u = Δx q, q = 1/(r + 1): ∂ℓ/∂Δx = q ∂ℓ/∂u − (q²/r)(Δx·∂ℓ/∂u) Δx (→ 0 as r → 0)
        Nd4j.gemm(w.edgeVectors2.assign(w.edgeVectors).muli(diff), onesColumn, projection,
                false, false, 1.0, 0.0);
        projection.muli(shrink).muli(shrink).divi(radius.add(Float.MIN_NORMAL));
        w.edgeVectors.muliColumnVector(shrink);
        w.edgeVectors.subi(w.edgeVectors2.assign(diff).muliColumnVector(projection));
        // ∂ℓ/∂Δx, shift part
        if (bounded != null) {
            w.column.muli(bounded.mul(bounded).rsubi(1)); // φ = c tanh(ψ/c)
        }
        // ψ = SiLU(z3) C_2
        Nd4j.gemm(a3, w.column, gCoord2, true, false, 1.0, 1.0);
        Nd4j.gemm(w.column, wCoord2, w.edges1, false, true, 1.0, 0.0);
        Activation.SILU.derivative(z3, a3, s3, w.edges2);
        w.edges1.muli(w.edges2); // ∂ℓ/∂z3
        Nd4j.gemm(messages, w.edges1, gCoord1, true, false, 1.0, 1.0);
        gCoordBias1.addi(w.edges1.sum(true, 0));
        Nd4j.gemm(w.edges1, wCoord1, w.edges3, false, true, 1.0, 0.0); // ∂ℓ/∂m, coordinate part
        if (updatesNodes) {
            // h' = h + SiLU(h B_h + agg B_m + b_1) B_2 + b_2; gradH holds ∂ℓ/∂h'
            Nd4j.gemm(aNode, gradH, gNode2, true, false, 1.0, 1.0);
            gNodeBias2.addi(gradH.sum(true, 0));
            Nd4j.gemm(gradH, wNode2, w.nodes1, false, true, 1.0, 0.0);
            Activation.SILU.derivative(zNode, aNode, sNode, w.nodes2);
            w.nodes1.muli(w.nodes2); // ∂ℓ/∂zNode
            Nd4j.gemm(h, w.nodes1, gNodeH, true, false, 1.0, 1.0);
            Nd4j.gemm(aggregate, w.nodes1, gNodeM, true, false, 1.0, 1.0);
            gNodeBias1.addi(w.nodes1.sum(true, 0));
            Nd4j.gemm(w.nodes1, wNodeH, gradH, false, true, 1.0, 1.0); // residual + node MLP
            Nd4j.gemm(w.nodes1, wNodeM, w.nodes2, false, true, 1.0, 0.0); // ∂ℓ/∂agg
            pairs.copySelf(w.nodes2, w.edges3, 1); // agg_i = Σ_j m_ij
        } else {
            gradH.assign(0);
        }
        // m = SiLU(z2), z2 = SiLU(z1) A_2 + a_2
        Activation.SILU.derivative(z2, messages, s2, w.edges2);
        w.edges3.muli(w.edges2); // ∂ℓ/∂z2
        Nd4j.gemm(a1, w.edges3, gEdge2, true, false, 1.0, 1.0);
        gEdgeBias2.addi(w.edges3.sum(true, 0));
        Nd4j.gemm(w.edges3, wEdge2, w.edges1, false, true, 1.0, 0.0);
        Activation.SILU.derivative(z1, a1, s1, w.edges2);
        w.edges1.muli(w.edges2); // ∂ℓ/∂z1
        // z1 = R(h A_i) + S(h A_j) + d a_d + a_1
        gEdgeBias1.addi(w.edges1.sum(true, 0));
        Nd4j.gemm(distance, w.edges1, gDistance, true, false, 1.0, 1.0);
        Nd4j.gemm(w.edges1, wDistance, w.column, false, true, 1.0, 0.0); // ∂ℓ/∂d
        w.edgeVectors2.assign(diff).muliColumnVector(w.column);
        w.edgeVectors.addi(w.edgeVectors2.muli(2)); // ∂ℓ/∂Δx, + distance part
        pairs.sumOverNeighbours(w.edges1, w.nodes1, 1, 0);
        pairs.scatterToNeighbours(w.edges1, w.nodes2, 0);
        Nd4j.gemm(h, w.nodes1, gSelf, true, false, 1.0, 1.0);
        Nd4j.gemm(h, w.nodes2, gNeighbour, true, false, 1.0, 1.0);
        Nd4j.gemm(w.nodes1, wSelf, gradH, false, true, 1.0, 1.0);
        Nd4j.gemm(w.nodes2, wNeighbour, gradH, false, true, 1.0, 1.0);
        // Δx = x_i − x_j; x' = x + shift passes gradX through unchanged
        pairs.differencesAdjoint(w.edgeVectors, gradX, 1);
    }

    /** Scratch arrays shared by the layers of one network, allocated once per batch size. */
    static final class Workspace {
        final INDArray edgeVectors;
        final INDArray edgeVectors2;
        final INDArray column;
        final INDArray edges1;
        final INDArray edges2;
        final INDArray edges3;
        final INDArray nodes1;
        final INDArray nodes2;
        final INDArray nodeVectors;

        Workspace(DataType type, ParticlePairs pairs, int particles, int rows, int dimension,
                int width) {
            long edges = (long) pairs.count() * rows;
            long nodes = (long) particles * rows;
            edgeVectors = Nd4j.create(type, edges, dimension);
            edgeVectors2 = Nd4j.create(type, edges, dimension);
            column = Nd4j.create(type, edges, 1);
            edges1 = Nd4j.create(type, edges, width);
            edges2 = Nd4j.create(type, edges, width);
            edges3 = Nd4j.create(type, edges, width);
            nodes1 = Nd4j.create(type, nodes, width);
            nodes2 = Nd4j.create(type, nodes, width);
            nodeVectors = Nd4j.create(type, nodes, dimension);
        }
    }
}
