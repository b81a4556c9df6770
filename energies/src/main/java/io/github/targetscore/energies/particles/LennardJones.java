package io.github.targetscore.energies.particles;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.EnergyModel;
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
 * <p>Batches of at least {@value PairBlocks#MIN_BLOCK_ROWS} rows run in blocks of
 * {@value PairBlocks#BLOCK} configurations transposed to a configuration-minor layout, with
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
public final class LennardJones implements EnergyModel {

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

    private static final String NAME = "lennard-jones";

    private final ParticleSpace space;
    private final int particles;
    private final int spatialDimension;
    private final int dimension;
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
        this.space = ParticleSpace.of(particles, spatialDimension, true);
        this.particles = particles;
        this.spatialDimension = spatialDimension;
        this.dimension = particles * spatialDimension;
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
        if (particles < 2) {
            throw new IllegalArgumentException("Lennard-Jones needs at least 2 particles, got "
                    + particles);
        }
        if (spatialDimension < 1) {
            throw new IllegalArgumentException("spatial dimension must be >= 1, got "
                    + spatialDimension);
        }
        if ((long) particles * spatialDimension > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many coordinates: " + particles + " x "
                    + spatialDimension);
        }
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

    // ---------------------------------------------------------------- single configurations

    @Override
    public double energy(double[] x) {
        Batches.checkLength(x, dimension, "configuration");
        double sum = spatialDimension == 3 ? pairSum3(x, 0) : pairSumGeneric(x, 0);
        double u = combine(sum, oscillatorSum(x, 0));
        return u < Double.POSITIVE_INFINITY ? u : nonFiniteEnergy(u, x, 0, -1);
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradient) {
        Batches.checkLength(x, dimension, "configuration");
        Batches.checkLength(gradient, dimension, "gradient");
        Arrays.fill(gradient, 0.0);
        double sum = spatialDimension == 3 ? pairGradient3(x, 0, gradient, 0)
                : pairGradientGeneric(x, 0, gradient, 0);
        double u = combine(sum, finishGradient(x, 0, gradient, 0));
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
        if (count < PairBlocks.MIN_BLOCK_ROWS) {
            for (int row = start; row < start + count; row++) {
                int offset = row * dimension;
                double sum = spatialDimension == 3 ? pairSum3(xs, offset)
                        : pairSumGeneric(xs, offset);
                energies[row] = finishEnergy(sum, xs, offset, row);
            }
            return;
        }
        int width = Math.min(count, PairBlocks.BLOCK);
        double[][] pos = PairBlocks.rows(dimension, width);
        double[] e = new double[width];
        double[] v = new double[width];
        double[] osc = new double[width];
        for (int first = start; first < start + count; first += width) {
            int w = Math.min(width, start + count - first);
            PairBlocks.transposeIn(xs, dimension, first, w, pos);
            Arrays.fill(e, 0.0);
            blockEnergies(pos, e, v, w);
            blockOscillator(pos, osc, v, w);
            for (int b = 0; b < w; b++) {
                int row = first + b;
                double u = combine(e[b], osc[b]);
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
        if (count < PairBlocks.MIN_BLOCK_ROWS) {
            for (int row = start; row < start + count; row++) {
                int offset = row * dimension;
                Arrays.fill(gradients, offset, offset + dimension, 0.0);
                double sum = spatialDimension == 3 ? pairGradient3(xs, offset, gradients, offset)
                        : pairGradientGeneric(xs, offset, gradients, offset);
                energies[row] = finishEnergyAndGradient(sum, xs, offset, gradients, row);
            }
            return;
        }
        int width = Math.min(count, PairBlocks.BLOCK);
        double[][] pos = PairBlocks.rows(dimension, width);
        double[][] grad = PairBlocks.rows(dimension, width);
        double[] e = new double[width];
        double[] v = new double[width];
        double[] osc = new double[width];
        double[] check = new double[width];
        for (int first = start; first < start + count; first += width) {
            int w = Math.min(width, start + count - first);
            PairBlocks.transposeIn(xs, dimension, first, w, pos);
            PairBlocks.clear(grad, w);
            Arrays.fill(e, 0.0);
            blockGradients(pos, grad, e, v, w);
            blockFinishGradients(pos, grad, osc, v, check, w);
            PairBlocks.transposeOut(grad, dimension, first, w, gradients);
            for (int b = 0; b < w; b++) {
                int row = first + b;
                double u = combine(e[b], osc[b] + 0.0 * check[b]);
                if (!(u < Double.POSITIVE_INFINITY)) {
                    throw gradientFailure(xs, row * dimension, row);
                }
                energies[row] = u;
            }
        }
    }

    // ---------------------------------------------------------------- finishing and checks

    /** U from the pair sum Σ (q³ − 1)² and the oscillator sum Σ |x_i − x̄|². */
    private double combine(double sum, double oscillator) {
        return pairFactor * (sum - pairCount) + halfOscillator * oscillator;
    }

    private double finishEnergy(double sum, double[] xs, int offset, int row) {
        double u = combine(sum, oscillatorSum(xs, offset));
        return u < Double.POSITIVE_INFINITY ? u : nonFiniteEnergy(u, xs, offset, row);
    }

    private double finishEnergyAndGradient(double sum, double[] xs, int offset,
            double[] gradients, int row) {
        double u = combine(sum, finishGradient(xs, offset, gradients, offset));
        if (u < Double.POSITIVE_INFINITY) {
            return u;
        }
        throw gradientFailure(xs, offset, row);
    }

    /**
     * Σ_i |x_i − x̄|² (0 without oscillator). The summation order is the same as in
     * {@link #finishGradient}.
     */
    private double oscillatorSum(double[] x, int offset) {
        if (oscillatorScale == 0) {
            return 0;
        }
        int n = particles;
        int dd = spatialDimension;
        double sum = 0;
        for (int k = 0; k < dd; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[offset + i * dd + k];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                double d = x[offset + i * dd + k] - mean;
                sum += d * d;
            }
        }
        return sum;
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
            for (int c = 0; c < dimension; c++) {
                double value = factor * g[gOffset + c];
                g[gOffset + c] = value;
                check += value;
            }
        } else {
            int n = particles;
            int dd = spatialDimension;
            double scale = oscillatorScale;
            for (int k = 0; k < dd; k++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += x[offset + i * dd + k];
                }
                mean /= n;
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

    /** The energy is NaN or +∞: fail on non-finite input, otherwise the density is 0. */
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

    /** The energy or the gradient is not finite: say why. */
    private RuntimeException gradientFailure(double[] x, int offset, int row) {
        IllegalArgumentException bad = PairBlocks.nonFiniteInput(NAME, x, offset, dimension, row);
        if (bad != null) {
            return bad;
        }
        int[] pair = PairBlocks.closestPair(x, offset, particles, spatialDimension);
        double r2 = PairBlocks.squaredDistance(x, offset, spatialDimension, pair[0], pair[1]);
        String what = r2 == 0 && softening == 0
                ? "particles " + pair[0] + " and " + pair[1] + " coincide and softening is 0: "
                        + "the energy is +∞ and its gradient undefined"
                : "particles " + pair[0] + " and " + pair[1] + " are at distance "
                        + Math.sqrt(r2) + " (softening " + softening + "): the energy or its "
                        + "gradient overflows a double";
        return PairBlocks.singular(NAME, row, what);
    }

    // ---------------------------------------------------------------- scalar kernels

    /** Σ_{i<j} (q³ − 1)² for D = 3. */
    private double pairSum3(double[] x, int o) {
        double s = softening;
        double r2m = rm2;
        int end = o + 3 * particles;
        double e = 0;
        for (int a = o; a < end; a += 3) {
            double xi = x[a];
            double yi = x[a + 1];
            double zi = x[a + 2];
            for (int b = a + 3; b < end; b += 3) {
                double dx = xi - x[b];
                double dy = yi - x[b + 1];
                double dz = zi - x[b + 2];
                double q = r2m / (dx * dx + dy * dy + dz * dz + s);
                double q3 = q * q * q;
                double t = q3 - 1;
                e += t * t;
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
        double s = softening;
        double r2m = rm2;
        int end = o + 3 * particles;
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
                double q = r2m / (dx * dx + dy * dy + dz * dz + s);
                double q3 = q * q * q;
                double t = q3 - 1;
                e += t * t;
                double v = q3 * q * t;
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

    /** {@link #pairSum3} for any D. */
    private double pairSumGeneric(double[] x, int o) {
        int n = particles;
        int dd = spatialDimension;
        double s = softening;
        double r2m = rm2;
        double e = 0;
        for (int i = 0; i < n; i++) {
            int a = o + i * dd;
            for (int j = i + 1; j < n; j++) {
                int b = o + j * dd;
                double r2 = 0;
                for (int k = 0; k < dd; k++) {
                    double d = x[a + k] - x[b + k];
                    r2 += d * d;
                }
                double q = r2m / (r2 + s);
                double q3 = q * q * q;
                double t = q3 - 1;
                e += t * t;
            }
        }
        return e;
    }

    /** {@link #pairGradient3} for any D. */
    private double pairGradientGeneric(double[] x, int o, double[] g, int go) {
        int n = particles;
        int dd = spatialDimension;
        double s = softening;
        double r2m = rm2;
        double e = 0;
        for (int i = 0; i < n; i++) {
            int a = o + i * dd;
            int ga = go + i * dd;
            for (int j = i + 1; j < n; j++) {
                int b = o + j * dd;
                int gb = go + j * dd;
                double r2 = 0;
                for (int k = 0; k < dd; k++) {
                    double d = x[a + k] - x[b + k];
                    r2 += d * d;
                }
                double q = r2m / (r2 + s);
                double q3 = q * q * q;
                double t = q3 - 1;
                e += t * t;
                double v = q3 * q * t;
                for (int k = 0; k < dd; k++) {
                    double f = v * (x[a + k] - x[b + k]);
                    g[ga + k] += f;
                    g[gb + k] -= f;
                }
            }
        }
        return e;
    }

    // ---------------------------------------------------------------- blocked kernels

    /** |x_i − x_j|² of every configuration of the block into {@code r2}. */
    private void blockSquaredDistances(double[][] pos, int i, int j, double[] r2, int w) {
        int dd = spatialDimension;
        int a = i * dd;
        int c = j * dd;
        if (dd == 3) {
            double[] xi = pos[a];
            double[] yi = pos[a + 1];
            double[] zi = pos[a + 2];
            double[] xj = pos[c];
            double[] yj = pos[c + 1];
            double[] zj = pos[c + 2];
            for (int b = 0; b < w; b++) {
                double dx = xi[b] - xj[b];
                double dy = yi[b] - yj[b];
                double dz = zi[b] - zj[b];
                r2[b] = dx * dx + dy * dy + dz * dz;
            }
            return;
        }
        double[] pi = pos[a];
        double[] pj = pos[c];
        for (int b = 0; b < w; b++) {
            double d = pi[b] - pj[b];
            r2[b] = d * d;
        }
        for (int k = 1; k < dd; k++) {
            pi = pos[a + k];
            pj = pos[c + k];
            for (int b = 0; b < w; b++) {
                double d = pi[b] - pj[b];
                r2[b] += d * d;
            }
        }
    }

    private void blockEnergies(double[][] pos, double[] e, double[] v, int w) {
        double s = softening;
        double r2m = rm2;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                blockSquaredDistances(pos, i, j, v, w);
                for (int b = 0; b < w; b++) {
                    double q = r2m / (v[b] + s);
                    double q3 = q * q * q;
                    double t = q3 - 1;
                    e[b] += t * t;
                }
            }
        }
    }

    private void blockGradients3(double[][] pos, double[][] grad, double[] e, double[] v, int w) {
        double s = softening;
        double r2m = rm2;
        for (int i = 0; i < particles; i++) {
            double[] xi = pos[3 * i];
            double[] yi = pos[3 * i + 1];
            double[] zi = pos[3 * i + 2];
            double[] gxi = grad[3 * i];
            double[] gyi = grad[3 * i + 1];
            double[] gzi = grad[3 * i + 2];
            for (int j = i + 1; j < particles; j++) {
                double[] xj = pos[3 * j];
                double[] yj = pos[3 * j + 1];
                double[] zj = pos[3 * j + 2];
                double[] gxj = grad[3 * j];
                double[] gyj = grad[3 * j + 1];
                double[] gzj = grad[3 * j + 2];
                for (int b = 0; b < w; b++) {
                    double dx = xi[b] - xj[b];
                    double dy = yi[b] - yj[b];
                    double dz = zi[b] - zj[b];
                    v[b] = dx * dx + dy * dy + dz * dz;
                }
                for (int b = 0; b < w; b++) {
                    double q = r2m / (v[b] + s);
                    double q3 = q * q * q;
                    double t = q3 - 1;
                    e[b] += t * t;
                    v[b] = q3 * q * t;
                }
                for (int b = 0; b < w; b++) {
                    double f = v[b] * (xi[b] - xj[b]);
                    gxi[b] += f;
                    gxj[b] -= f;
                }
                for (int b = 0; b < w; b++) {
                    double f = v[b] * (yi[b] - yj[b]);
                    gyi[b] += f;
                    gyj[b] -= f;
                }
                for (int b = 0; b < w; b++) {
                    double f = v[b] * (zi[b] - zj[b]);
                    gzi[b] += f;
                    gzj[b] -= f;
                }
            }
        }
    }

    private void blockGradients(double[][] pos, double[][] grad, double[] e, double[] v, int w) {
        if (spatialDimension == 3) {
            blockGradients3(pos, grad, e, v, w);
            return;
        }
        double s = softening;
        double r2m = rm2;
        int dd = spatialDimension;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                blockSquaredDistances(pos, i, j, v, w);
                for (int b = 0; b < w; b++) {
                    double q = r2m / (v[b] + s);
                    double q3 = q * q * q;
                    double t = q3 - 1;
                    e[b] += t * t;
                    v[b] = q3 * q * t;
                }
                for (int k = 0; k < dd; k++) {
                    double[] pi = pos[i * dd + k];
                    double[] pj = pos[j * dd + k];
                    double[] gi = grad[i * dd + k];
                    double[] gj = grad[j * dd + k];
                    for (int b = 0; b < w; b++) {
                        double f = v[b] * (pi[b] - pj[b]);
                        gi[b] += f;
                        gj[b] -= f;
                    }
                }
            }
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
        int n = particles;
        int dd = spatialDimension;
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
        int n = particles;
        int dd = spatialDimension;
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
        int n = particles;
        int dd = spatialDimension;
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
                particles, spatialDimension, epsilon, rm, pairSum.word(), oscillatorScale,
                softening);
    }
}
