package io.github.targetscore.core;

import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;

/**
 * A cap on the Euclidean norm of score vectors, applied per particle on a
 * {@link ParticleSpace} and to the whole vector otherwise: v ← v · min(1, c/‖v‖). iDEM clips its
 * regression targets this way (maximum norm 20 for DW-4/LJ, 70 for GMM-40) so that the singular
 * forces of Lennard-Jones clusters cannot dominate a loss. Immutable.
 */
public final class ScoreClipping {

    private static final ScoreClipping NONE = new ScoreClipping(Double.POSITIVE_INFINITY, 1, 1);

    private final double maxNorm;
    private final int dimension;
    private final int block;

    private ScoreClipping(double maxNorm, int dimension, int block) {
        this.maxNorm = maxNorm;
        this.dimension = dimension;
        this.block = block;
    }

    /** No clipping. */
    public static ScoreClipping none() {
        return NONE;
    }

    /**
     * @param manifold the space of the vectors (tangent dimension = vector length; particle
     *     spaces clip each particle's block of spatial dimension)
     * @param maxNorm the cap c &gt; 0, or +∞ for none
     */
    public static ScoreClipping of(Manifold manifold, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipping norm must be > 0, got " + maxNorm);
        }
        if (maxNorm == Double.POSITIVE_INFINITY) {
            return NONE;
        }
        int d = manifold.tangentDimension();
        int block = manifold instanceof ParticleSpace
                ? ((ParticleSpace) manifold).spatialDimension() : d;
        return new ScoreClipping(maxNorm, d, block);
    }

    /** The cap c (+∞ when off). */
    public double maxNorm() {
        return maxNorm;
    }

    /** Whether clipping is on. */
    public boolean isActive() {
        return maxNorm != Double.POSITIVE_INFINITY;
    }

    /**
     * Caps the vector at {@code offset} in place.
     *
     * @return whether any block was scaled down
     */
    public boolean apply(double[] vector, int offset) {
        if (!isActive()) {
            return false;
        }
        boolean clipped = false;
        for (int start = offset; start < offset + dimension; start += block) {
            double norm2 = 0;
            for (int j = start; j < start + block; j++) {
                norm2 += vector[j] * vector[j];
            }
            double norm = Math.sqrt(norm2);
            if (norm > maxNorm) {
                double scale = maxNorm / norm;
                for (int j = start; j < start + block; j++) {
                    vector[j] *= scale;
                }
                clipped = true;
            }
        }
        return clipped;
    }
}
