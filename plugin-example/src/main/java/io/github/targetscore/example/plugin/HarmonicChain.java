package io.github.targetscore.example.plugin;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;
import java.util.Arrays;

/**
 * A harmonic chain: n beads in D dimensions joined in sequence by springs of stiffness k and
 * rest length r0,
 *
 * <pre>
 * U(x) = (k/2) Σ_{i=1}^{n−1} (|x_{i+1} − x_i| − r0)²
 * </pre>
 *
 * <p>and its gradient: bond i adds k (r_i − r0) (x_{i+1} − x_i) / r_i to ∂U/∂x_{i+1} and
 * subtracts it from ∂U/∂x_i, with r_i = |x_{i+1} − x_i|. The energy depends on bead
 * differences only, so it lives on a translation-invariant {@link ParticleSpace} with
 * (n − 1)·D degrees of freedom.
 *
 * <p>Where two consecutive beads coincide and r0 &gt; 0, the bond energy has a cone-shaped
 * cusp and no gradient; that bond then contributes the zero subgradient. With r0 = 0 the chain is
 * a sum of quadratics and smooth everywhere.
 *
 * <p>Immutable and thread-safe; the batch methods allocate nothing.
 */
public final class HarmonicChain implements EnergyModel {

    private final ParticleSpace space;
    private final int particles;
    private final int spatialDimension;
    private final double stiffness;
    private final double restLength;

    private HarmonicChain(int particles, int spatialDimension, double stiffness,
            double restLength) {
        this.space = ParticleSpace.of(particles, spatialDimension, true);
        this.particles = particles;
        this.spatialDimension = spatialDimension;
        this.stiffness = stiffness;
        this.restLength = restLength;
    }

    /**
     * @param particles number of beads n ≥ 2
     * @param spatialDimension D ≥ 1
     * @param stiffness spring constant k &gt; 0, energy per squared length
     * @param restLength r0 ≥ 0, length units
     * @return the chain
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static HarmonicChain of(int particles, int spatialDimension, double stiffness,
            double restLength) {
        if (!(stiffness > 0) || !Double.isFinite(stiffness)) {
            throw new IllegalArgumentException("stiffness must be finite and > 0, got "
                    + stiffness);
        }
        if (!(restLength >= 0) || !Double.isFinite(restLength)) {
            throw new IllegalArgumentException("rest length must be finite and >= 0, got "
                    + restLength);
        }
        return new HarmonicChain(particles, spatialDimension, stiffness, restLength);
    }

    /** Number of beads n. */
    public int particles() {
        return particles;
    }

    /** Spatial dimension D. */
    public int spatialDimension() {
        return spatialDimension;
    }

    /** Spring constant k. */
    public double stiffness() {
        return stiffness;
    }

    /** Rest length r0. */
    public double restLength() {
        return restLength;
    }

    @Override
    public Manifold manifold() {
        return space;
    }

    @Override
    public double energy(double[] x) {
        Batches.checkLength(x, dimension(), "configuration");
        return evaluate(x, 0, null, 0);
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradient) {
        Batches.checkLength(x, dimension(), "configuration");
        Batches.checkLength(gradient, dimension(), "gradient");
        return evaluate(x, 0, gradient, 0);
    }

    @Override
    public void energies(double[] xs, int start, int count, double[] energies) {
        int d = dimension();
        Batches.checkRows(xs, d, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        for (int i = start; i < start + count; i++) {
            energies[i] = evaluate(xs, i * d, null, 0);
        }
    }

    @Override
    public void energyAndGradient(double[] xs, int start, int count, double[] energies,
            double[] gradients) {
        int d = dimension();
        Batches.checkRows(xs, d, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        Batches.checkRows(gradients, d, start, count, "gradients");
        for (int i = start; i < start + count; i++) {
            energies[i] = evaluate(xs, i * d, gradients, i * d);
        }
    }

    /**
     * The energy of the configuration at {@code xs[offset ..]}, and its gradient into
     * {@code gradient[gradientOffset ..]} unless {@code gradient} is {@code null}.
     *
     * @throws IllegalArgumentException naming the first non-finite coordinate if the energy is
     *     not finite
     */
    private double evaluate(double[] xs, int offset, double[] gradient, int gradientOffset) {
        int dim = spatialDimension;
        if (gradient != null) {
            Arrays.fill(gradient, gradientOffset, gradientOffset + dimension(), 0.0);
        }
        double sum = 0;
        for (int bond = 0; bond < particles - 1; bond++) {
            int a = offset + bond * dim;
            double squared = 0;
            for (int k = 0; k < dim; k++) {
                double delta = xs[a + dim + k] - xs[a + k];
                squared += delta * delta;
            }
            double length = Math.sqrt(squared);
            double stretch = length - restLength;
            sum += stretch * stretch;
            if (gradient != null && length > 0) {
                double factor = stiffness * stretch / length;
                int g = gradientOffset + bond * dim;
                for (int k = 0; k < dim; k++) {
                    double force = factor * (xs[a + dim + k] - xs[a + k]);
                    gradient[g + k] -= force;
                    gradient[g + dim + k] += force;
                }
            }
        }
        double u = 0.5 * stiffness * sum;
        if (!Double.isFinite(u)) {
            throw new IllegalArgumentException("harmonic-chain: energy is " + u + " because "
                    + Batches.describeNonFinite(xs, offset, dimension()));
        }
        return u;
    }

    @Override
    public String toString() {
        return "harmonic-chain(particles=" + particles + ", spatialDimension="
                + spatialDimension + ", stiffness=" + stiffness + ", restLength=" + restLength
                + ")";
    }
}
