package io.github.targetscore.energies.particles;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.manifold.ParticleSpace;
import java.util.Arrays;
import java.util.Locale;

/**
 * n particles in D dimensions interacting through a double-well pair potential in the distance:
 *
 * <pre>
 * U(x) = (1/τ) Σ_{i&lt;j} [ a u + b u² + c u⁴ ],   u = d_ij − d0,   d_ij = |x_i − x_j|
 * </pre>
 *
 * Coordinates and d0 are in length units, a, b, c in energy units per length, length², length⁴
 * (energies in kT), τ is a dimensionless temperature-like divisor. DW-4 (MATH §8) is n = 4,
 * D = 2, a = 0, b = −4, c = 0.9, d0 = 4, τ = 1: U = Σ_{i&lt;j} [0.9 (d − 4)⁴ − 4 (d − 4)²], pair
 * minima at d = 4 ± √(20/9) ≈ 2.51 and 5.49. The space is
 * {@link ParticleSpace#of(int, int, boolean) ParticleSpace.of(n, D, true)} (translation
 * invariant). exp(−βU) is normalisable on the centre-of-mass-free subspace when the leading
 * coefficient is positive (c &gt; 0, or c = 0 and b &gt; 0, or c = b = 0 and a &gt; 0), which
 * {@link #of} requires.
 *
 * <p>Gradient: ∂U/∂x_i = (1/τ) Σ_{j≠i} (a + 2b u + 4c u³) (x_i − x_j)/d_ij. Coincident particles
 * (d_ij = 0) have a finite energy but, unless a − 2b d0 − 4c d0³ = 0, no gradient (the energy
 * has a cone point there): {@link #energyAndGradient(double[], double[])} throws
 * {@link io.github.targetscore.core.SingularConfigurationException} naming the pair, whatever
 * the coefficients.
 *
 * <h2>Evaluation and cost</h2>
 *
 * The coefficients are divided by τ once, at construction (so U is computed as
 * Σ u (a/τ + u (b/τ + (c/τ) u²))). Per unordered pair, in D dimensions (D = 2 in brackets):
 * <ul>
 *   <li>energy and gradient: 6D + 11 additions and multiplications, one square root and one
 *       division [23 + 2]: Δ (D), d² (2D − 1), u and u² (2), Horner energy accumulated (6),
 *       (a + u (2b + 4c u²)) (4) divided by d, force components (D), accumulation into both
 *       particles (2D);
 *   <li>energy only: 3D + 7 and one square root [13 + 1].
 * </ul>
 * The blocked batch kernel recomputes u, u² and Δ in its second and gradient loops:
 * 7D + 13 [27 + 2].
 * DW-4 has 6 pairs, so a configuration costs about 140 flops, 6 square roots and 6 divisions;
 * the scalar bound is about 12 cycles per pair (square root and division share the divider:
 * about 4–6 cycles of throughput each), with SIMD about 3 cycles per pair. Batches of at least
 * {@value PairBlocks#BLOCK} rows run in blocks of {@value PairBlocks#BLOCK}
 * configurations in a configuration-minor layout with short unit-stride loops that the JIT
 * vectorises; the arithmetic is the same as the single-configuration kernel's, operation for
 * operation, so the results are equal bit for bit. Single-configuration methods allocate
 * nothing; a batch call allocates two scratch blocks.
 *
 * <p>A NaN energy (one comparison per configuration) or a non-finite gradient (one addition per
 * coordinate) leads to an {@link IllegalArgumentException} naming the first non-finite
 * coordinate. Immutable and thread-safe.
 */
public final class ParticleDoubleWell implements EnergyModel {

    private static final String NAME = "particle-double-well";

    /**
     * Below this many rows a batch call runs the single-configuration kernel per row: with 6
     * pairs and 8 coordinates per DW-4 configuration, the blocked layout only pays for itself
     * with full blocks (measured: 24 M vs 17 M configurations/s at 64 rows, 24 M vs 31 M at
     * 1024).
     */
    private static final int MIN_BLOCK_ROWS = PairBlocks.BLOCK;

    private final ParticleSpace space;
    private final int particles;
    private final int spatialDimension;
    private final int dimension;
    private final double a;
    private final double b;
    private final double c;
    private final double d0;
    private final double tau;

    // Coefficients divided by τ, and the gradient's 2b/τ and 4c/τ.
    private final double at;
    private final double bt;
    private final double ct;
    private final double b2t;
    private final double c4t;

    private ParticleDoubleWell(int particles, int spatialDimension, double a, double b, double c,
            double d0, double tau) {
        this.space = ParticleSpace.of(particles, spatialDimension, true);
        this.particles = particles;
        this.spatialDimension = spatialDimension;
        this.dimension = particles * spatialDimension;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d0 = d0;
        this.tau = tau;
        this.at = a / tau;
        this.bt = b / tau;
        this.ct = c / tau;
        this.b2t = 2 * b / tau;
        this.c4t = 4 * c / tau;
    }

    /**
     * A particle double well.
     *
     * @param particles n ≥ 2
     * @param spatialDimension D ≥ 1
     * @param a linear coefficient, energy/length
     * @param b quadratic coefficient, energy/length²
     * @param c quartic coefficient ≥ 0, energy/length⁴
     * @param d0 centre distance ≥ 0, length
     * @param tau divisor τ &gt; 0
     * @return the model
     * @throws IllegalArgumentException on a bad or non-finite parameter, or if the leading
     *     coefficient is not positive (exp(−βU) would not be normalisable)
     */
    public static ParticleDoubleWell of(int particles, int spatialDimension, double a, double b,
            double c, double d0, double tau) {
        if (particles < 2) {
            throw new IllegalArgumentException("a particle double well needs at least 2 "
                    + "particles, got " + particles);
        }
        if (spatialDimension < 1) {
            throw new IllegalArgumentException("spatial dimension must be >= 1, got "
                    + spatialDimension);
        }
        if ((long) particles * spatialDimension > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many coordinates: " + particles + " x "
                    + spatialDimension);
        }
        requireFinite(a, "a");
        requireFinite(b, "b");
        requireFinite(c, "c");
        requireFinite(d0, "d0");
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (c < 0) {
            throw new IllegalArgumentException("c must be >= 0, got " + c);
        }
        if (d0 < 0) {
            throw new IllegalArgumentException("d0 must be >= 0, got " + d0);
        }
        String problem = leadingCoefficientProblem(a, b, c);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!Double.isFinite(4 * c / tau) || !Double.isFinite(2 * b / tau)
                || !Double.isFinite(a / tau)) {
            throw new IllegalArgumentException("coefficients divided by tau " + tau
                    + " are not finite");
        }
        return new ParticleDoubleWell(particles, spatialDimension, a, b, c, d0, tau);
    }

    /**
     * DW-4: n = 4, D = 2, a = 0, b = −4, c = 0.9, d0 = 4, τ = 1 (the preset {@code dw4}).
     *
     * @return the model
     */
    public static ParticleDoubleWell dw4() {
        return of(4, 2, 0, -4, 0.9, 4, 1);
    }

    /**
     * Why the coefficients give a non-normalisable density, naming the offending coefficient
     * first, or {@code null} if the leading coefficient is positive.
     */
    static String leadingCoefficientProblem(double a, double b, double c) {
        if (c > 0) {
            return null;
        }
        if (b != 0) {
            return b > 0 ? null : "b must be > 0 when c = 0, got " + b
                    + ": the energy would fall without bound as particles separate";
        }
        if (a != 0) {
            return a > 0 ? null : "a must be > 0 when b = c = 0, got " + a
                    + ": the energy would fall without bound as particles separate";
        }
        return "c must be > 0 (or c = 0 and b > 0, or b = c = 0 and a > 0): with a = b = c = 0 "
                + "the energy is constant and exp(-U) is not normalisable";
    }

    private static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    @Override
    public ParticleSpace manifold() {
        return space;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Number of particles n. */
    public int particles() {
        return particles;
    }

    /** Spatial dimension D. */
    public int spatialDimension() {
        return spatialDimension;
    }

    /** Linear coefficient a. */
    public double a() {
        return a;
    }

    /** Quadratic coefficient b. */
    public double b() {
        return b;
    }

    /** Quartic coefficient c. */
    public double c() {
        return c;
    }

    /** Centre distance d0. */
    public double d0() {
        return d0;
    }

    /** Divisor τ. */
    public double tau() {
        return tau;
    }

    // ---------------------------------------------------------------- single configurations

    @Override
    public double energy(double[] x) {
        Batches.checkLength(x, dimension, "configuration");
        double u = spatialDimension == 2 ? pairSum2(x, 0) : pairSumGeneric(x, 0);
        return u < Double.POSITIVE_INFINITY ? u : nonFiniteEnergy(u, x, 0, -1);
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradient) {
        Batches.checkLength(x, dimension, "configuration");
        Batches.checkLength(gradient, dimension, "gradient");
        Arrays.fill(gradient, 0.0);
        double u = spatialDimension == 2 ? pairGradient2(x, 0, gradient, 0)
                : pairGradientGeneric(x, 0, gradient, 0);
        u += 0.0 * sum(gradient, 0);
        if (u < Double.POSITIVE_INFINITY) {
            return u;
        }
        throw gradientFailure(x, 0, -1);
    }

    // ---------------------------------------------------------------- batches

    @Override
    public void energies(double[] xs, int start, int count, double[] energies) {
        Batches.checkRows(xs, dimension, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        if (count < MIN_BLOCK_ROWS) {
            for (int row = start; row < start + count; row++) {
                int offset = row * dimension;
                double u = spatialDimension == 2 ? pairSum2(xs, offset)
                        : pairSumGeneric(xs, offset);
                energies[row] = u < Double.POSITIVE_INFINITY ? u
                        : nonFiniteEnergy(u, xs, offset, row);
            }
            return;
        }
        int width = Math.min(count, PairBlocks.BLOCK);
        double[][] pos = PairBlocks.rows(dimension, width);
        double[] e = new double[width];
        double[] v = new double[width];
        for (int first = start; first < start + count; first += width) {
            int w = Math.min(width, start + count - first);
            PairBlocks.transposeIn(xs, dimension, first, w, pos);
            Arrays.fill(e, 0.0);
            blockEnergies(pos, e, v, w);
            for (int k = 0; k < w; k++) {
                int row = first + k;
                double u = e[k];
                energies[row] = u < Double.POSITIVE_INFINITY ? u
                        : nonFiniteEnergy(u, xs, row * dimension, row);
            }
        }
    }

    @Override
    public void energyAndGradient(double[] xs, int start, int count, double[] energies,
            double[] gradients) {
        Batches.checkRows(xs, dimension, start, count, "configurations");
        Batches.checkRows(energies, 1, start, count, "energies");
        Batches.checkRows(gradients, dimension, start, count, "gradients");
        if (count < MIN_BLOCK_ROWS) {
            for (int row = start; row < start + count; row++) {
                int offset = row * dimension;
                Arrays.fill(gradients, offset, offset + dimension, 0.0);
                double u = spatialDimension == 2 ? pairGradient2(xs, offset, gradients, offset)
                        : pairGradientGeneric(xs, offset, gradients, offset);
                u += 0.0 * sum(gradients, offset);
                if (!(u < Double.POSITIVE_INFINITY)) {
                    throw gradientFailure(xs, offset, row);
                }
                energies[row] = u;
            }
            return;
        }
        int width = Math.min(count, PairBlocks.BLOCK);
        double[][] pos = PairBlocks.rows(dimension, width);
        double[][] grad = PairBlocks.rows(dimension, width);
        double[] e = new double[width];
        double[] v = new double[width];
        double[] check = new double[width];
        for (int first = start; first < start + count; first += width) {
            int w = Math.min(width, start + count - first);
            PairBlocks.transposeIn(xs, dimension, first, w, pos);
            PairBlocks.clear(grad, w);
            Arrays.fill(e, 0.0);
            blockGradients(pos, grad, e, v, w);
            Arrays.fill(check, 0.0);
            for (double[] g : grad) {
                for (int k = 0; k < w; k++) {
                    check[k] += g[k];
                }
            }
            PairBlocks.transposeOut(grad, dimension, first, w, gradients);
            for (int k = 0; k < w; k++) {
                int row = first + k;
                double u = e[k] + 0.0 * check[k];
                if (!(u < Double.POSITIVE_INFINITY)) {
                    throw gradientFailure(xs, row * dimension, row);
                }
                energies[row] = u;
            }
        }
    }

    // ---------------------------------------------------------------- checks

    /** Σ of one gradient row: not finite iff a component is not (barring overflow). */
    private double sum(double[] g, int offset) {
        double s = 0;
        for (int k = offset; k < offset + dimension; k++) {
            s += g[k];
        }
        return s;
    }

    private double nonFiniteEnergy(double u, double[] x, int offset, int row) {
        IllegalArgumentException bad = PairBlocks.nonFiniteInput(NAME, x, offset, dimension, row);
        if (bad != null) {
            throw bad;
        }
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException(NAME + ": " + PairBlocks.where(row)
                    + "energy is NaN at finite coordinates");
        }
        return u;
    }

    private RuntimeException gradientFailure(double[] x, int offset, int row) {
        IllegalArgumentException bad = PairBlocks.nonFiniteInput(NAME, x, offset, dimension, row);
        if (bad != null) {
            return bad;
        }
        int[] pair = PairBlocks.closestPair(x, offset, particles, spatialDimension);
        double r2 = PairBlocks.squaredDistance(x, offset, spatialDimension, pair[0], pair[1]);
        if (r2 == 0) {
            return PairBlocks.singular(NAME, row, "particles " + pair[0] + " and " + pair[1]
                    + " coincide: the gradient of U(|x_i - x_j|) is undefined there");
        }
        return new IllegalArgumentException(NAME + ": " + PairBlocks.where(row)
                + "the energy or its gradient overflows a double (coordinates too large)");
    }

    // ---------------------------------------------------------------- scalar kernels

    private double pairSum2(double[] x, int o) {
        double a0 = at;
        double b0 = bt;
        double c0 = ct;
        double dc = d0;
        int end = o + 2 * particles;
        double e = 0;
        for (int i = o; i < end; i += 2) {
            double xi = x[i];
            double yi = x[i + 1];
            for (int j = i + 2; j < end; j += 2) {
                double dx = xi - x[j];
                double dy = yi - x[j + 1];
                double u = Math.sqrt(dx * dx + dy * dy) - dc;
                double u2 = u * u;
                e += u * (a0 + u * (b0 + c0 * u2));
            }
        }
        return e;
    }

    private double pairGradient2(double[] x, int o, double[] g, int go) {
        double a0 = at;
        double b0 = bt;
        double c0 = ct;
        double b2 = b2t;
        double c4 = c4t;
        double dc = d0;
        int end = o + 2 * particles;
        int shift = go - o;
        double e = 0;
        for (int i = o; i < end; i += 2) {
            double xi = x[i];
            double yi = x[i + 1];
            int gi = i + shift;
            double gx = g[gi];
            double gy = g[gi + 1];
            for (int j = i + 2; j < end; j += 2) {
                double dx = xi - x[j];
                double dy = yi - x[j + 1];
                double d = Math.sqrt(dx * dx + dy * dy);
                double u = d - dc;
                double u2 = u * u;
                e += u * (a0 + u * (b0 + c0 * u2));
                double w = (a0 + u * (b2 + c4 * u2)) / d;
                double fx = w * dx;
                double fy = w * dy;
                gx += fx;
                gy += fy;
                int gj = j + shift;
                g[gj] -= fx;
                g[gj + 1] -= fy;
            }
            g[gi] = gx;
            g[gi + 1] = gy;
        }
        return e;
    }

    private double pairSumGeneric(double[] x, int o) {
        int n = particles;
        int dd = spatialDimension;
        double e = 0;
        for (int i = 0; i < n; i++) {
            int p = o + i * dd;
            for (int j = i + 1; j < n; j++) {
                int q = o + j * dd;
                double r2 = 0;
                for (int k = 0; k < dd; k++) {
                    double d = x[p + k] - x[q + k];
                    r2 += d * d;
                }
                double u = Math.sqrt(r2) - d0;
                double u2 = u * u;
                e += u * (at + u * (bt + ct * u2));
            }
        }
        return e;
    }

    private double pairGradientGeneric(double[] x, int o, double[] g, int go) {
        int n = particles;
        int dd = spatialDimension;
        double e = 0;
        for (int i = 0; i < n; i++) {
            int p = o + i * dd;
            int gp = go + i * dd;
            for (int j = i + 1; j < n; j++) {
                int q = o + j * dd;
                int gq = go + j * dd;
                double r2 = 0;
                for (int k = 0; k < dd; k++) {
                    double d = x[p + k] - x[q + k];
                    r2 += d * d;
                }
                double d = Math.sqrt(r2);
                double u = d - d0;
                double u2 = u * u;
                e += u * (at + u * (bt + ct * u2));
                double w = (at + u * (b2t + c4t * u2)) / d;
                for (int k = 0; k < dd; k++) {
                    double f = w * (x[p + k] - x[q + k]);
                    g[gp + k] += f;
                    g[gq + k] -= f;
                }
            }
        }
        return e;
    }

    // ---------------------------------------------------------------- blocked kernels

    /** |x_i − x_j|² of every configuration of the block into {@code r2}. */
    private void blockSquaredDistances(double[][] pos, int i, int j, double[] r2, int w) {
        int dd = spatialDimension;
        int p = i * dd;
        int q = j * dd;
        if (dd == 2) {
            double[] xi = pos[p];
            double[] yi = pos[p + 1];
            double[] xj = pos[q];
            double[] yj = pos[q + 1];
            for (int k = 0; k < w; k++) {
                double dx = xi[k] - xj[k];
                double dy = yi[k] - yj[k];
                r2[k] = dx * dx + dy * dy;
            }
            return;
        }
        double[] pi = pos[p];
        double[] pj = pos[q];
        for (int k = 0; k < w; k++) {
            double d = pi[k] - pj[k];
            r2[k] = d * d;
        }
        for (int m = 1; m < dd; m++) {
            pi = pos[p + m];
            pj = pos[q + m];
            for (int k = 0; k < w; k++) {
                double d = pi[k] - pj[k];
                r2[k] += d * d;
            }
        }
    }

    private void blockEnergies(double[][] pos, double[] e, double[] v, int w) {
        double a0 = at;
        double b0 = bt;
        double c0 = ct;
        double dc = d0;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                blockSquaredDistances(pos, i, j, v, w);
                for (int k = 0; k < w; k++) {
                    double u = Math.sqrt(v[k]) - dc;
                    double u2 = u * u;
                    e[k] += u * (a0 + u * (b0 + c0 * u2));
                }
            }
        }
    }

    private void blockGradients(double[][] pos, double[][] grad, double[] e, double[] v, int w) {
        double a0 = at;
        double b0 = bt;
        double c0 = ct;
        double b2 = b2t;
        double c4 = c4t;
        double dc = d0;
        int dd = spatialDimension;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                blockSquaredDistances(pos, i, j, v, w);
                // Two short loops rather than one, so that both compile to SIMD code.
                for (int k = 0; k < w; k++) {
                    double d = Math.sqrt(v[k]);
                    v[k] = d;
                    double u = d - dc;
                    double u2 = u * u;
                    e[k] += u * (a0 + u * (b0 + c0 * u2));
                }
                for (int k = 0; k < w; k++) {
                    double d = v[k];
                    double u = d - dc;
                    double u2 = u * u;
                    v[k] = (a0 + u * (b2 + c4 * u2)) / d;
                }
                for (int m = 0; m < dd; m++) {
                    double[] pi = pos[i * dd + m];
                    double[] pj = pos[j * dd + m];
                    double[] gi = grad[i * dd + m];
                    double[] gj = grad[j * dd + m];
                    for (int k = 0; k < w; k++) {
                        double f = v[k] * (pi[k] - pj[k]);
                        gi[k] += f;
                        gj[k] -= f;
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "ParticleDoubleWell[particles=%d, spatialDimension=%d, a=%s, b=%s, c=%s, d0=%s, "
                        + "tau=%s]",
                particles, spatialDimension, a, b, c, d0, tau);
    }
}
