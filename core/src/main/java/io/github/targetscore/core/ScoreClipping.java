package io.github.targetscore.core;

import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;

/**
 * A cap on the Euclidean norm of score vectors, applied per particle on a
 * {@link ParticleSpace} and to the whole vector otherwise: v ← v · min(1, c/‖v‖). iDEM clips its
 * regression targets this way (maximum norm 20 for DW-4/LJ, 70 for GMM-40) so that the singular
 * forces of Lennard-Jones clusters cannot dominate a loss.
 *
 * <p>Scores of noised densities can be clipped only from a noise level σ_c up ({@link
 * #fromNoiseLevel}): at high noise the cap bounds the Monte Carlo estimates, whose posterior
 * samples can hold overlapping particles, while at σ &lt; σ_c the noised score is close to the
 * target's own force, which a cap would bias (in LJ-13's equilibrium 28 % of the particles feel
 * a force above iDEM's cap of 20). Immutable.
 */
public final class ScoreClipping {

    private static final ScoreClipping NONE =
            new ScoreClipping(Double.POSITIVE_INFINITY, 1, 1, 0);

    private final double maxNorm;
    private final int dimension;
    private final int block;
    private final double minNoiseLevel;

    private ScoreClipping(double maxNorm, int dimension, int block, double minNoiseLevel) {
        this.maxNorm = maxNorm;
        this.dimension = dimension;
        this.block = block;
        this.minNoiseLevel = minNoiseLevel;
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
        return new ScoreClipping(maxNorm, d, block, 0);
    }

    /**
     * This cap applied to scores of noise levels σ ≥ {@code sigma} only (see {@link
     * #apply(double[], int, double)}); 0 clips at every level.
     *
     * @param sigma σ_c ≥ 0, finite, in units of x
     */
    public ScoreClipping fromNoiseLevel(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("the noise level to clip from must be finite and"
                    + " >= 0, got " + sigma);
        }
        return isActive() ? new ScoreClipping(maxNorm, dimension, block, sigma) : NONE;
    }

    /** Length of the vectors it caps (their manifold's tangent dimension; 1 for none). */
    public int dimension() {
        return dimension;
    }

    /** The noise level σ_c from which scores are clipped (0: at every level). */
    public double minNoiseLevel() {
        return minNoiseLevel;
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
     * Caps the score at {@code offset} of a density noised at level {@code sigma} in place, if
     * σ ≥ {@link #minNoiseLevel()}.
     *
     * @return whether any block was scaled down
     */
    public boolean apply(double[] vector, int offset, double sigma) {
        return sigma >= minNoiseLevel && apply(vector, offset);
    }

    /**
     * Caps the vector at {@code offset} in place, whatever {@link #minNoiseLevel()} (for
     * vectors that belong to no noise level).
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
