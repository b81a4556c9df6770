package io.github.targetscore.core.manifold;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Positions of n particles in D spatial dimensions, stored particle-major
 * ({@code x1, y1, [z1,] x2, ...}), optionally translation invariant.
 *
 * <p>For a translation-invariant energy exp(−βU) is not normalisable on R^{nD}; sampling then
 * happens in the centre-of-mass-free subspace of (n−1)·D degrees of freedom (MATH §1):
 * {@link #canonicalise} moves the centre of mass to the origin and {@link #projectTangent}
 * removes the mean of a tangent vector over the particles.
 */
public final class ParticleSpace implements Manifold {

    private final int particles;
    private final int spatialDimension;
    private final boolean translationInvariant;
    /** 1/√(j(j+1)) for j = 1 … n − 1: the scale of the Helmert basis vectors. */
    private final double[] helmert;

    private ParticleSpace(int particles, int spatialDimension, boolean translationInvariant) {
        this.particles = particles;
        this.spatialDimension = spatialDimension;
        this.translationInvariant = translationInvariant;
        this.helmert = new double[particles];
        for (int j = 1; j < particles; j++) {
            helmert[j] = 1 / Math.sqrt((double) j * (j + 1));
        }
    }

    /**
     * @param particles n ≥ 1 (n ≥ 2 if translation invariant)
     * @param spatialDimension D ≥ 1
     * @param translationInvariant whether to sample without the centre of mass
     * @return the particle space
     */
    public static ParticleSpace of(int particles, int spatialDimension,
            boolean translationInvariant) {
        if (particles < (translationInvariant ? 2 : 1)) {
            throw new IllegalArgumentException("a " + (translationInvariant
                    ? "translation-invariant " : "") + "particle system needs at least "
                    + (translationInvariant ? 2 : 1) + " particles, got " + particles);
        }
        if (spatialDimension < 1) {
            throw new IllegalArgumentException("spatial dimension must be >= 1, got "
                    + spatialDimension);
        }
        return new ParticleSpace(particles, spatialDimension, translationInvariant);
    }

    /** Number of particles n. */
    public int particles() {
        return particles;
    }

    /** Spatial dimension D. */
    public int spatialDimension() {
        return spatialDimension;
    }

    /** Whether the centre of mass is removed. */
    public boolean translationInvariant() {
        return translationInvariant;
    }

    @Override
    public int dimension() {
        return particles * spatialDimension;
    }

    @Override
    public int tangentDimension() {
        return particles * spatialDimension;
    }

    @Override
    public int degreesOfFreedom() {
        return (translationInvariant ? particles - 1 : particles) * spatialDimension;
    }

    @Override
    public void projectTangent(double[] v, int offset) {
        if (translationInvariant) {
            removeMean(v, offset);
        }
    }

    /**
     * For a translation-invariant space, draws the (n − 1)·D degrees of freedom only: each
     * spatial component is Σ_j z_j h_j, z_j ~ N(0, 1), over the Helmert basis
     * h_j = (1, …, 1, −j, 0, …, 0)/√(j(j+1)) (j ones), j = 1 … n − 1, which is orthonormal and
     * orthogonal to (1, …, 1); its components ε_i = Σ_{j ≥ i} c_j − (i − 1) c_{i−1} with
     * c_j = z_j/√(j(j+1)) cost O(n). Same distribution as projecting nD normals, with 1/n fewer
     * draws.
     */
    @Override
    public void gaussianTangent(NormalizedGaussianSampler normal, double[] v, int offset) {
        if (!translationInvariant) {
            Manifold.super.gaussianTangent(normal, v, offset); // nD normals, nothing to project
            return;
        }
        int stride = spatialDimension;
        for (int c = 0; c < spatialDimension; c++) {
            int base = offset + c;
            for (int j = 1; j < particles; j++) {
                v[base + (j - 1) * stride] = helmert[j] * normal.sample(); // c_j in slot j − 1
            }
            double sum = 0; // Σ_{j ≥ i} c_j
            for (int i = particles; i >= 1; i--) {
                double previous = i >= 2 ? v[base + (i - 2) * stride] : 0; // c_{i−1}
                v[base + (i - 1) * stride] = sum - (i - 1) * previous;
                sum += previous;
            }
        }
    }

    @Override
    public void canonicalise(double[] x, int offset) {
        if (translationInvariant) {
            removeMean(x, offset);
        }
    }

    /**
     * Subtracts the mean over particles from each spatial component of
     * {@code a[offset .. offset + nD − 1]}, in place, whatever {@link #translationInvariant()}.
     */
    public void removeMean(double[] a, int offset) {
        for (int k = 0; k < spatialDimension; k++) {
            double sum = 0;
            for (int i = 0; i < particles; i++) {
                sum += a[offset + i * spatialDimension + k];
            }
            double mean = sum / particles;
            for (int i = 0; i < particles; i++) {
                a[offset + i * spatialDimension + k] -= mean;
            }
        }
    }

    @Override
    public void retract(double[] x, int xOffset, double[] v, int vOffset, double step,
            double[] destination, int destinationOffset) {
        int n = dimension();
        for (int i = 0; i < n; i++) {
            destination[destinationOffset + i] = x[xOffset + i] + step * v[vOffset + i];
        }
    }

    @Override
    public String toString() {
        return particles + " particles in " + spatialDimension + "-D"
                + (translationInvariant ? " (centre of mass removed)" : "");
    }
}
