package io.github.targetscore.energies.particles;

import io.github.targetscore.core.manifold.ParticleSpace;
import java.util.Arrays;
import java.util.Locale;

/**
 * A Lennard-Jones cluster of n particles in D dimensions with an optional harmonic confinement
 * and softening (MATH §8):
 *
 * <pre>
 * U(x) = ε_f Σ_pairs [ (rm/r)¹² − 2 (rm/r)⁶ ] + (c/2) Σ_i |x_i − x̄|²,   r = √(|x_i − x_j|² + s)
 * </pre>
 *
 * <ul>
 *   <li>ε: well depth, energy units (kT); rm: distance of the pair minimum, length units; each
 *       unordered pair contributes ε[(rm/r)¹² − 2(rm/r)⁶], minimum −ε at r = rm.
 *   <li>{@link PairSum pair sum}: {@link PairSum#ORDERED ordered} sums over i ≠ j with ε_f = ε,
 *       so every pair counts twice (the iDEM benchmark convention: the pair part is twice the
 *       textbook energy); {@link PairSum#UNORDERED unordered} sums over i &lt; j (textbook,
 *       bgflow's ε_f = ½ over i ≠ j).
 *   <li>c: oscillator (confinement) scale, energy/length²; x̄ is the centre of mass. With c = 0
 *       the cluster can evaporate and exp(−βU) is not normalisable even without the centre of
 *       mass; the iDEM benchmarks use c = 1.
 *   <li>s: softening, length². With s &gt; 0 the energy is finite everywhere. With s = 0 and two
 *       coincident particles the energy is +∞ (zero density): {@link #energy} returns
 *       {@code +∞} and {@link #energyAndGradient(double[], double[])} throws
 *       {@link io.github.targetscore.core.SingularConfigurationException} naming the pair; the
 *       same happens when particles are so close that the energy overflows a double.
 * </ul>
 *
 * <p>The space is {@link ParticleSpace#of(int, int, boolean) ParticleSpace.of(n, D, true)}:
 * U is translation invariant, and its gradient sums to zero over the particles.
 *
 * <h2>Evaluation and cost</h2>
 *
 * The kernel never takes a square root. With q = rm²/r² (one division), φ = (rm/r)¹² −
 * 2(rm/r)⁶ = q⁶ − 2q³ = (q³ − 1)² − 1, so the pair sum is Σ (q³ − 1)² minus the number of
 * pairs, and dφ/d(r²) = −6 q⁴ (q³ − 1)/rm², so each pair adds ∓(12 ε_p/rm²) q⁴(q³ − 1)·Δ to
 * the gradients of its two particles (Δ = x_i − x_j, ∂r²/∂x_i = 2Δ; ε_p = 2ε for ordered and
 * ε for unordered pair sums is the weight of one unordered pair). The constant factors and
 * the oscillator (c (x_i − x̄) in the gradient) are applied once per configuration, in O(nD).
 * Each unordered pair is visited once, and its force is added to one particle and subtracted
 * from the other.
 *
 * <p>Floating-point operations per pair, for D dimensions (D = 3 in brackets):
 * <ul>
 *   <li>energy and gradient: 6D + 7 additions and multiplications plus one division [25 + 1]:
 *       Δ (D), r² + s (2D), q³ (2), q³ − 1 and its square accumulated (3), q⁴(q³ − 1) (2),
 *       force components (D), accumulation into both particles (2D);
 *   <li>energy only: 3D + 5 plus one division [14 + 1].
 * </ul>
 * The blocked batch kernel (below) recomputes Δ in its gradient loops: 7D + 7 [28 + 1].
 * LJ-13 has 78 pairs, LJ-55 1485. The arithmetic bound on one core with two floating-point
 * pipes is about 12.5 cycles per pair in scalar code (the division, about 4 cycles of
 * throughput, overlaps with the rest): LJ-13 ≈ 1000 cycles, LJ-55 ≈ 19 000 cycles per
 * configuration. With 4 or 8 doubles per SIMD instruction it is 2–4 cycles per pair, where
 * the division (about 2 cycles per double on current x86 cores) and the 23 loads and 9 stores
 * per pair of the blocked layout bind. Measured throughput: see the
 * {@linkplain io.github.targetscore.energies.particles package documentation}.
 *
 * <p>Batches of at least {@value #MIN_BLOCK_ROWS} rows run in blocks of
 * {@value PairPotential#BLOCK} configurations transposed to a configuration-minor layout, with
 * the pair work split into short unit-stride loops over the block that the JIT compiles to SIMD
 * code (two scratch blocks are allocated per batch call; nothing per configuration). The
 * arithmetic is the same, operation for operation, as the single-configuration kernel's, so
 * batch results equal single results bit for bit, whatever the blocking or the thread count.
 * The single-configuration methods allocate nothing.
 *
 * <p>Non-finite input fails fast: a NaN energy (one comparison per configuration) or a
 * non-finite gradient (one addition per coordinate) leads to an
 * {@link IllegalArgumentException} naming the first non-finite coordinate. Immutable and
 * thread-safe.
 */
public final class LennardJones extends PairPotential {

    /** How the pair sum runs: the two conventions of the literature. */
    public enum PairSum {
        /** Σ over i ≠ j with prefactor ε: every pair twice (iDEM benchmarks). */
        ORDERED("ordered", 2),
        /** Σ over i &lt; j with prefactor ε: the textbook Lennard-Jones energy. */
        UNORDERED("unordered", 1);

        private final String word;
        private final int multiplicity;

        PairSum(String word, int multiplicity) {
            this.word = word;
            this.multiplicity = multiplicity;
        }

        /** The word used in parameters: {@code "ordered"} or {@code "unordered"}. */
        public String word() {
            return word;
        }

        /** How often each unordered pair is counted: 2 or 1. */
        public int multiplicity() {
            return multiplicity;
        }

        /**
         * The convention named by {@code word}.
         *
         * @throws IllegalArgumentException if it is neither {@code "ordered"} nor
         *     {@code "unordered"}
         */
        public static PairSum of(String word) {
            for (PairSum p : values()) {
                if (p.word.equals(word)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("pair sum must be 'ordered' or 'unordered', got '"
                    + word + "'");
        }
    }

    /** The softening s = 10⁻⁶ of the iDEM benchmarks (and {@code reference-data/}). */
    public static final double IDEM_SOFTENING = 1e-6;

    /**
     * Below this many rows a batch call runs the single-configuration kernel per row (the
     * transposition and the loop start-up cost more than they save).
     */
    static final int MIN_BLOCK_ROWS = 16;

    private final double epsilon;
    private final double rm;
    private final PairSum pairSum;
    private final double oscillatorScale;
    private final double softening;

    // Derived constants of the kernel.
    private final double rm2;
    private final double pairFactor;
    private final double gradientFactor;
    private final double halfOscillator;
    private final double pairCount;

    private LennardJones(int particles, int spatialDimension, double epsilon, double rm,
            PairSum pairSum, double oscillatorScale, double softening) {
        super(LennardJonesProvider.NAME, particles, spatialDimension, MIN_BLOCK_ROWS);
        this.epsilon = epsilon;
        this.rm = rm;
        this.pairSum = pairSum;
        this.oscillatorScale = oscillatorScale;
        this.softening = softening;
        this.rm2 = rm * rm;
        this.pairFactor = epsilon * pairSum.multiplicity();
        this.gradientFactor = -12 * pairFactor / rm2;
        this.halfOscillator = 0.5 * oscillatorScale;
        this.pairCount = 0.5 * particles * (particles - 1.0);
    }

    /**
     * A Lennard-Jones cluster.
     *
     * @param particles n ≥ 2
     * @param spatialDimension D ≥ 1
     * @param epsilon well depth ε &gt; 0, energy units
     * @param rm pair-minimum distance rm &gt; 0, length units
     * @param pairSum ordered (iDEM, pair part twice the textbook energy) or unordered (textbook)
     * @param oscillatorScale c ≥ 0, energy/length²
     * @param softening s ≥ 0, length²
     * @return the model
     * @throws IllegalArgumentException on a parameter out of range or not finite
     */
    public static LennardJones of(int particles, int spatialDimension, double epsilon, double rm,
            PairSum pairSum, double oscillatorScale, double softening) {
        requirePositive(epsilon, "epsilon");
        requirePositive(rm, "rm");
        if (pairSum == null) {
            throw new IllegalArgumentException("pair sum convention must be given");
        }
        if (!(oscillatorScale >= 0) || oscillatorScale == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("oscillator scale must be finite and >= 0, got "
                    + oscillatorScale);
        }
        if (!(softening >= 0) || softening == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("softening must be finite and >= 0, got "
                    + softening);
        }
        if (!(rm * rm > 0) || !Double.isFinite(rm * rm) || !Double.isFinite(12 * epsilon * 2 / (rm * rm))) {
            throw new IllegalArgumentException("epsilon " + epsilon + " and rm " + rm
                    + " give non-finite kernel constants");
        }
        return new LennardJones(particles, spatialDimension, epsilon, rm, pairSum,
                oscillatorScale, softening);
    }

    /**
     * The iDEM benchmark convention in 3-D (LJ-13, LJ-55 and {@code reference-data/}): ε = 1,
     * rm = 1, ordered pairs, oscillator scale 1, softening 10⁻⁶.
     *
     * @param particles n ≥ 2 (13 and 55 are the presets {@code lj13}, {@code lj55})
     * @return the model
     */
    public static LennardJones idem(int particles) {
        return of(particles, 3, 1, 1, PairSum.ORDERED, 1, IDEM_SOFTENING);
    }

    /**
     * The textbook cluster: ε = 1, rm = 1, unordered pairs, no oscillator, no softening; its
     * global minima are the tabulated ones (LJ-13: −44.326801, LJ-55: −279.248470). Its density
     * is not normalisable (the cluster can evaporate): use it for minimisation, not sampling.
     *
     * @param particles n ≥ 2
     * @param spatialDimension D ≥ 1
     * @return the model
     */
    public static LennardJones textbook(int particles, int spatialDimension) {
        return of(particles, spatialDimension, 1, 1, PairSum.UNORDERED, 0, 0);
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** Well depth ε, energy units. */
    public double epsilon() {
        return epsilon;
    }

    /** Pair-minimum distance rm, length units. */
    public double rm() {
        return rm;
    }

    /** The pair-sum convention. */
    public PairSum pairSum() {
        return pairSum;
    }

    /** Oscillator scale c, energy/length². */
    public double oscillatorScale() {
        return oscillatorScale;
    }

    /** Softening s, length². */
    public double softening() {
        return softening;
    }

    // ---------------------------------------------------------------- per-configuration kernels

    @Override
    protected double energyAt(double[] x, int offset) {
        double sum = spatialDimension() == 3 ? pairSum3(x, offset) : pairSumGeneric(x, offset);
        return combine(sum, oscillatorSum(x, offset));
    }

    @Override
    protected double energyAndGradientAt(double[] x, int offset, double[] gradients,
            int gradientOffset) {
        Arrays.fill(gradients, gradientOffset, gradientOffset + dimension(), 0.0);
        double sum = spatialDimension() == 3 ? pairGradient3(x, offset, gradients, gradientOffset)
                : pairGradientGeneric(x, offset, gradients, gradientOffset);
        return combine(sum, finishGradient(x, offset, gradients, gradientOffset));
    }

    // ---------------------------------------------------------------- finishing and checks

    /** U from the pair sum Σ (q³ − 1)² and the oscillator sum Σ |x_i − x̄|². */
    private double combine(double sum, double oscillator) {
        return pairFactor * (sum - pairCount) + halfOscillator * oscillator;
    }

    /**
     * Σ_i |x_i − x̄|² (0 without oscillator). The summation order is the same as in
     * {@link #finishGradient}.
     */
    private double oscillatorSum(double[] x, int offset) {
        if (oscillatorScale == 0) {
            return 0;
        }
        int n = particles();
        int dd = spatialDimension();
        double sum = 0;
        for (int k = 0; k < dd; k++) {
            double mean = mean(x, offset, k);
            for (int i = 0; i < n; i++) {
                double d = x[offset + i * dd + k] - mean;
                sum += d * d;
            }
        }
        return sum;
    }

    /** The mean over particles of component k of the configuration at {@code offset}. */
    private double mean(double[] x, int offset, int k) {
        int n = particles();
        int dd = spatialDimension();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[offset + i * dd + k];
        }
        return mean / n;
    }

    /**
     * Turns the accumulated Σ_j q⁴(q³ − 1)Δ_ij in {@code g} into the gradient, adds the
     * oscillator's c (x_i − x̄), and returns Σ_i |x_i − x̄|², made NaN if a gradient component is
     * not finite (so that one comparison of the energy catches both).
     */
    private double finishGradient(double[] x, int offset, double[] g, int gOffset) {
        double factor = gradientFactor;
        double check = 0;
        double sum = 0;
        if (oscillatorScale == 0) {
            for (int c = 0; c < dimension(); c++) {
                double value = factor * g[gOffset + c];
                g[gOffset + c] = value;
                check += value;
            }
        } else {
            int n = particles();
            int dd = spatialDimension();
            double scale = oscillatorScale;
            for (int k = 0; k < dd; k++) {
                double mean = mean(x, offset, k);
                for (int i = 0; i < n; i++) {
                    double d = x[offset + i * dd + k] - mean;
                    sum += d * d;
                    int at = gOffset + i * dd + k;
                    double value = factor * g[at] + scale * d;
                    g[at] = value;
                    check += value;
                }
            }
        }
        return sum + 0.0 * check;
    }

    /** Coincident particles without softening, or an overflow: singular either way. */
    @Override
    RuntimeException closestPairFailure(int i, int j, double r2, int row) {
        return singular(row, r2 == 0 && softening == 0
                ? "particles " + i + " and " + j + " coincide and softening is 0: "
                        + "the energy is +∞ and its gradient undefined"
                : "particles " + i + " and " + j + " are at distance " + Math.sqrt(r2)
                        + " (softening " + softening + "): the energy or its gradient "
                        + "overflows a double");
    }

    // ---------------------------------------------------------------- pair arithmetic

    /**
     * q = rm²/(r² + s): the one division of a pair. All kernels do their pair arithmetic
     * through this method, {@link #term} and {@link #force} (inlined by the JIT), so that batch
     * and single results are equal bit for bit.
     */
    private static double q(double rm2, double r2, double softening) {
        return rm2 / (r2 + softening);
    }

    /** (q³ − 1)², the pair's term of the pair sum. */
    private static double term(double q) {
        double t = q * q * q - 1;
        return t * t;
    }

    /** q⁴(q³ − 1), the pair's force factor before the constant −12 ε_p/rm². */
    private static double force(double q) {
        double q3 = q * q * q;
        return q3 * q * (q3 - 1);
    }

    // ---------------------------------------------------------------- scalar kernels

    /** Σ_{i<j} (q³ − 1)² for D = 3. */
    private double pairSum3(double[] x, int o) {
        int end = o + 3 * particles();
        double e = 0;
        for (int a = o; a < end; a += 3) {
            double xi = x[a];
            double yi = x[a + 1];
            double zi = x[a + 2];
            for (int b = a + 3; b < end; b += 3) {
                double dx = xi - x[b];
                double dy = yi - x[b + 1];
                double dz = zi - x[b + 2];
                e += pairEnergy(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    /**
     * Σ_{i<j} (q³ − 1)² for D = 3; adds Σ_j q⁴(q³ − 1)(x_i − x_j) into {@code g} (zeroed by
     * the caller). Particle i's sum is kept in registers, initialised with what the pairs
     * (k, i), k &lt; i, left there, so every component receives its terms in the same order
     * as in the blocked kernel.
     */
    private double pairGradient3(double[] x, int o, double[] g, int go) {
        int end = o + 3 * particles();
        int shift = go - o;
        double e = 0;
        for (int a = o; a < end; a += 3) {
            double xi = x[a];
            double yi = x[a + 1];
            double zi = x[a + 2];
            int ga = a + shift;
            double gx = g[ga];
            double gy = g[ga + 1];
            double gz = g[ga + 2];
            for (int b = a + 3; b < end; b += 3) {
                double dx = xi - x[b];
                double dy = yi - x[b + 1];
                double dz = zi - x[b + 2];
                double q = q(rm2, dx * dx + dy * dy + dz * dz, softening);
                e += term(q);
                double v = force(q);
                double fx = v * dx;
                double fy = v * dy;
                double fz = v * dz;
                gx += fx;
                gy += fy;
                gz += fz;
                int gb = b + shift;
                g[gb] -= fx;
                g[gb + 1] -= fy;
                g[gb + 2] -= fz;
            }
            g[ga] = gx;
            g[ga + 1] = gy;
            g[ga + 2] = gz;
        }
        return e;
    }

    @Override
    double pairEnergy(double r2) {
        return term(q(rm2, r2, softening));
    }

    @Override
    double pairForce(double r2) {
        return force(q(rm2, r2, softening));
    }

    // ---------------------------------------------------------------- blocked kernels

    @Override
    void blockPairEnergies(double[] r2, double[] e, int w) {
        double r2m = rm2;
        double s = softening;
        for (int b = 0; b < w; b++) {
            e[b] += term(q(r2m, r2[b], s));
        }
    }

    /** Σ (q³ − 1)² into {@code e}, q⁴(q³ − 1) into {@code v}, in one loop. */
    @Override
    void blockPairForces(double[] v, double[] e, int w) {
        double r2m = rm2;
        double s = softening;
        for (int b = 0; b < w; b++) {
            double q = q(r2m, v[b], s);
            e[b] += term(q);
            v[b] = force(q);
        }
    }

    /** {@link #combine} with the block's {@link #blockOscillator oscillator sums}. */
    @Override
    void finishBlockEnergies(double[][] pos, double[] e, double[] mean, double[] osc, int w) {
        blockOscillator(pos, osc, mean, w);
        for (int b = 0; b < w; b++) {
            e[b] = combine(e[b], osc[b]);
        }
    }

    /** {@link #blockFinishGradients}, then {@link #combine} as the scalar kernel does. */
    @Override
    void finishBlockGradients(double[][] pos, double[][] grad, double[] e, double[] mean,
            double[] osc, double[] check, int w) {
        blockFinishGradients(pos, grad, osc, mean, check, w);
        for (int b = 0; b < w; b++) {
            e[b] = combine(e[b], osc[b] + 0.0 * check[b]);
        }
    }

    /**
     * {@link #oscillatorSum} of every configuration of the block into {@code osc}, in the same
     * order of operations ({@code mean} is scratch).
     */
    private void blockOscillator(double[][] pos, double[] osc, double[] mean, int w) {
        Arrays.fill(osc, 0, w, 0.0);
        if (oscillatorScale == 0) {
            return;
        }
        int n = particles();
        int dd = spatialDimension();
        for (int k = 0; k < dd; k++) {
            blockMean(pos, k, mean, w);
            for (int i = 0; i < n; i++) {
                double[] p = pos[i * dd + k];
                for (int b = 0; b < w; b++) {
                    double d = p[b] - mean[b];
                    osc[b] += d * d;
                }
            }
        }
    }

    /** The mean over particles of component k of every configuration of the block. */
    private void blockMean(double[][] pos, int k, double[] mean, int w) {
        int n = particles();
        int dd = spatialDimension();
        Arrays.fill(mean, 0, w, 0.0);
        for (int i = 0; i < n; i++) {
            double[] p = pos[i * dd + k];
            for (int b = 0; b < w; b++) {
                mean[b] += p[b];
            }
        }
        for (int b = 0; b < w; b++) {
            mean[b] /= n;
        }
    }

    /**
     * {@link #finishGradient} for every configuration of the block, in the same order of
     * operations: gradients in {@code grad}, oscillator sums in {@code osc}, the sums of the
     * gradient components (NaN or ±∞ iff one is not finite) in {@code check}.
     */
    private void blockFinishGradients(double[][] pos, double[][] grad, double[] osc,
            double[] mean, double[] check, int w) {
        double factor = gradientFactor;
        Arrays.fill(osc, 0, w, 0.0);
        Arrays.fill(check, 0, w, 0.0);
        if (oscillatorScale == 0) {
            for (double[] g : grad) {
                for (int b = 0; b < w; b++) {
                    double value = factor * g[b];
                    g[b] = value;
                    check[b] += value;
                }
            }
            return;
        }
        int n = particles();
        int dd = spatialDimension();
        double scale = oscillatorScale;
        for (int k = 0; k < dd; k++) {
            blockMean(pos, k, mean, w);
            for (int i = 0; i < n; i++) {
                double[] p = pos[i * dd + k];
                double[] g = grad[i * dd + k];
                for (int b = 0; b < w; b++) {
                    double d = p[b] - mean[b];
                    osc[b] += d * d;
                    double value = factor * g[b] + scale * d;
                    g[b] = value;
                    check[b] += value;
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "LennardJones[particles=%d, spatialDimension=%d, epsilon=%s, rm=%s, pairSum=%s, "
                        + "oscillatorScale=%s, softening=%s]",
                particles(), spatialDimension(), epsilon, rm, pairSum.word(), oscillatorScale,
                softening);
    }
}
