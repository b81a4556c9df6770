package io.github.targetscore.training.network;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ordered pairs (i, j ≠ i) of n particles as constant 0/1 matrices, and the products that
 * move data between particles and pairs. Pair p = (i, k) is row i·(n−1) + k, with j the k-th
 * particle other than i. Per-particle data is a matrix [n, C] (row i, any width C, e.g. a batch
 * B × features flattened), per-pair data a matrix [n(n−1), C]:
 *
 * <ul>
 *   <li>R ∈ {0,1}^{n(n−1)×n}, row (i, k) = e_i: R·P copies particle i's row to its pairs, Rᵀ·E
 *       sums each particle's pairs;
 *   <li>S, row (i, k) = e_j: S·P lists the neighbours, Sᵀ·E scatters back onto them;
 *   <li>Δ = R − S: Δ·X = x_i − x_j.
 * </ul>
 *
 * Each product is one matrix multiplication of n(n−1)·n·C multiply-adds, small beside the edge
 * MLPs' n(n−1)·B·H² for the particle counts of interest (n ≲ H). Immutable.
 */
final class ParticlePairs {

    private final int particles;
    private final INDArray self;
    private final INDArray neighbour;
    private final INDArray difference;

    private ParticlePairs(int particles, DataType type) {
        this.particles = particles;
        int pairs = particles * (particles - 1);
        this.self = Nd4j.zeros(type, pairs, particles);
        this.neighbour = Nd4j.zeros(type, pairs, particles);
        for (int i = 0, row = 0; i < particles; i++) {
            for (int j = 0; j < particles; j++) {
                if (j != i) {
                    self.putScalar(row, i, 1);
                    neighbour.putScalar(row, j, 1);
                    row++;
                }
            }
        }
        this.difference = self.sub(neighbour);
    }

    /** The pairs of {@code particles} ≥ 2 particles, matrices in {@code type}. */
    static ParticlePairs of(int particles, DataType type) {
        if (particles < 2) {
            throw new IllegalArgumentException("pairs need at least 2 particles, got "
                    + particles);
        }
        return new ParticlePairs(particles, type);
    }

    /** Number of ordered pairs n(n−1). */
    int count() {
        return particles * (particles - 1);
    }

    /** pairs ← R·perParticle + β·pairs (each pair gets its first particle's row). */
    void copySelf(INDArray perParticle, INDArray pairs, double beta) {
        product(self, false, perParticle, pairs, 1, beta);
    }

    /** pairs ← S·perParticle + β·pairs (each pair gets its neighbour's row). */
    void copyNeighbour(INDArray perParticle, INDArray pairs, double beta) {
        product(neighbour, false, perParticle, pairs, 1, beta);
    }

    /** pairs ← Δ·perParticle: x_i − x_j. */
    void differences(INDArray perParticle, INDArray pairs) {
        product(difference, false, perParticle, pairs, 1, 0);
    }

    /** perParticle ← α·Rᵀ·pairs + β·perParticle: α Σ_{j≠i} of each particle's pairs. */
    void sumOverNeighbours(INDArray pairs, INDArray perParticle, double alpha, double beta) {
        product(self, true, pairs, perParticle, alpha, beta);
    }

    /** perParticle ← Sᵀ·pairs + β·perParticle: adjoint of {@link #copyNeighbour}. */
    void scatterToNeighbours(INDArray pairs, INDArray perParticle, double beta) {
        product(neighbour, true, pairs, perParticle, 1, beta);
    }

    /** perParticle ← Δᵀ·pairs + β·perParticle: adjoint of {@link #differences}. */
    void differencesAdjoint(INDArray pairs, INDArray perParticle, double beta) {
        product(difference, true, pairs, perParticle, 1, beta);
    }

    /**
     * out ← α·op(M)·in + β·out, with {@code in} and {@code out} (contiguous, row-major) viewed
     * as matrices with op(M)'s column and row counts as rows.
     */
    private static void product(INDArray matrix, boolean transpose, INDArray in, INDArray out,
            double alpha, double beta) {
        long inRows = transpose ? matrix.rows() : matrix.columns();
        long outRows = transpose ? matrix.columns() : matrix.rows();
        INDArray a = in.reshape('c', inRows, in.length() / inRows);
        INDArray c = out.reshape('c', outRows, out.length() / outRows);
        Nd4j.gemm(matrix, a, c, transpose, false, alpha, beta);
    }
}
