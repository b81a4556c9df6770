package io.github.targetscore.energies.particles;

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
 * {@value #MIN_BLOCK_ROWS} rows run in blocks of {@value PairPotential#BLOCK}
 * configurations in a configuration-minor layout with short unit-stride loops that the JIT
 * vectorises; the arithmetic is the same as the single-configuration kernel's, operation for
 * operation, so the results are equal bit for bit. Single-configuration methods allocate
 * nothing; a batch call allocates two scratch blocks.
 *
 * <p>A NaN energy (one comparison per configuration) or a non-finite gradient (one addition per
 * coordinate) leads to an {@link IllegalArgumentException} naming the first non-finite
 * coordinate. Immutable and thread-safe.
 */
public final class ParticleDoubleWell extends PairPotential {

    /**
     * Below this many rows a batch call runs the single-configuration kernel per row: with 6
     * pairs and 8 coordinates per DW-4 configuration, the blocked layout only pays for itself
     * with full blocks (measured: 24 M vs 17 M configurations/s at 64 rows, 24 M vs 31 M at
     * 1024).
     */
    static final int MIN_BLOCK_ROWS = BLOCK;

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
        super(ParticleDoubleWellProvider.NAME, particles, spatialDimension, MIN_BLOCK_ROWS);
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

    // ---------------------------------------------------------------- per-configuration kernels

    @Override
    protected double energyAt(double[] x, int offset) {
        return spatialDimension() == 2 ? pairSum2(x, offset) : pairSumGeneric(x, offset);
    }

    @Override
    protected double energyAndGradientAt(double[] x, int offset, double[] gradients,
            int gradientOffset) {
        Arrays.fill(gradients, gradientOffset, gradientOffset + dimension(), 0.0);
        double u = spatialDimension() == 2 ? pairGradient2(x, offset, gradients, gradientOffset)
                : pairGradientGeneric(x, offset, gradients, gradientOffset);
        return u + 0.0 * sum(gradients, gradientOffset);
    }

    // ---------------------------------------------------------------- checks

    /** Σ of one gradient row: not finite iff a component is not (barring overflow). */
    private double sum(double[] g, int offset) {
        double s = 0;
        for (int k = offset; k < offset + dimension(); k++) {
            s += g[k];
        }
        return s;
    }

    /** Coincident particles are singular; otherwise the arithmetic overflowed. */
    @Override
    RuntimeException closestPairFailure(int i, int j, double r2, int row) {
        if (r2 == 0) {
            return singular(row, "particles " + i + " and " + j
                    + " coincide: the gradient of U(|x_i - x_j|) is undefined there");
        }
        return failure(row, "the energy or its gradient overflows a double (coordinates too "
                + "large)");
    }

    // ---------------------------------------------------------------- pair arithmetic

    /**
     * The pair potential (1/τ)(a u + b u² + c u⁴) at u = d − d0, by Horner as
     * u (a/τ + u (b/τ + (c/τ) u²)) from the coefficients divided by τ. All kernels do their pair
     * arithmetic through this method and {@link #forceFactor} (inlined by the JIT), so that
     * batch and single results are equal bit for bit.
     */
    private static double potential(double u, double at, double bt, double ct) {
        double u2 = u * u;
        return u * (at + u * (bt + ct * u2));
    }

    /**
     * The force factor (1/τ)(a + 2b u + 4c u³)/d = (a/τ + u (2b/τ + (4c/τ) u²))/d, so that the
     * pair adds it times (x_i − x_j) to ∂U/∂x_i.
     */
    private static double forceFactor(double u, double d, double at, double b2t, double c4t) {
        double u2 = u * u;
        return (at + u * (b2t + c4t * u2)) / d;
    }

    // ---------------------------------------------------------------- scalar kernels

    private double pairSum2(double[] x, int o) {
        int end = o + 2 * particles();
        double e = 0;
        for (int i = o; i < end; i += 2) {
            double xi = x[i];
            double yi = x[i + 1];
            for (int j = i + 2; j < end; j += 2) {
                double dx = xi - x[j];
                double dy = yi - x[j + 1];
                e += pairEnergy(dx * dx + dy * dy);
            }
        }
        return e;
    }

    private double pairGradient2(double[] x, int o, double[] g, int go) {
        int end = o + 2 * particles();
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
                double u = d - d0;
                e += potential(u, at, bt, ct);
                double w = forceFactor(u, d, at, b2t, c4t);
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

    @Override
    double pairEnergy(double r2) {
        return potential(Math.sqrt(r2) - d0, at, bt, ct);
    }

    @Override
    double pairForce(double r2) {
        double d = Math.sqrt(r2);
        return forceFactor(d - d0, d, at, b2t, c4t);
    }

    // ---------------------------------------------------------------- blocked kernels

    @Override
    void blockPairEnergies(double[] r2, double[] e, int w) {
        double a0 = at;
        double b0 = bt;
        double c0 = ct;
        double dc = d0;
        for (int k = 0; k < w; k++) {
            e[k] += potential(Math.sqrt(r2[k]) - dc, a0, b0, c0);
        }
    }

    /** Two short loops rather than one, so that both compile to SIMD code. */
    @Override
    void blockPairForces(double[] v, double[] e, int w) {
        double a0 = at;
        double b0 = bt;
        double c0 = ct;
        double b2 = b2t;
        double c4 = c4t;
        double dc = d0;
        for (int k = 0; k < w; k++) {
            double d = Math.sqrt(v[k]);
            v[k] = d;
            e[k] += potential(d - dc, a0, b0, c0);
        }
        for (int k = 0; k < w; k++) {
            double d = v[k];
            v[k] = forceFactor(d - dc, d, a0, b2, c4);
        }
    }

    /** Makes {@code e[b]} NaN where a gradient component is not finite, as the scalar kernel. */
    @Override
    void finishBlockGradients(double[][] pos, double[][] grad, double[] e, double[] scratch,
            double[] scratch2, double[] check, int w) {
        Arrays.fill(check, 0.0);
        for (double[] g : grad) {
            for (int k = 0; k < w; k++) {
                check[k] += g[k];
            }
        }
        for (int k = 0; k < w; k++) {
            e[k] += 0.0 * check[k];
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "ParticleDoubleWell[particles=%d, spatialDimension=%d, a=%s, b=%s, c=%s, d0=%s, "
                        + "tau=%s]",
                particles(), spatialDimension(), a, b, c, d0, tau);
    }
}
