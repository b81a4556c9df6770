package io.github.targetscore.energies.particles;

import io.github.targetscore.core.AbstractEnergyModel;
import io.github.targetscore.core.Batches;
import io.github.targetscore.core.SingularConfigurationException;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.parameters.Parameters;
import java.util.Arrays;

/**
 * The machinery that the pair-potential energies share, around their per-pair arithmetic: n
 * particles in D dimensions on {@link ParticleSpace#of(int, int, boolean) ParticleSpace.of(n, D,
 * true)}, the checks and slow paths that turn a non-finite result into the right exception, the
 * per-configuration kernels for any D around the subclass's pair energy and force (subclasses
 * add kernels specialised to their usual D), and the blocked batch path. Package-private.
 *
 * <h2>Blocked batches</h2>
 *
 * A batch of at least {@code minBlockRows} rows runs in blocks of up to {@value #BLOCK}
 * configurations transposed to a configuration-minor ("structure of arrays") layout, so that
 * coordinate {@code c} of configuration {@code b} is {@code pos[c][b]}: every pair loop then runs
 * over {@code b} with unit stride on distinct arrays, which HotSpot's C2 compiles to SIMD
 * instructions when the loop body is small (its default {@code LoopUnrollLimit} of 60 nodes
 * keeps large bodies scalar; that is why the work of a pair is split into several short loops).
 * For every unordered pair i &lt; j this class computes |x_i − x_j|² of the block into a row
 * {@code v}, lets the subclass turn it into energy terms ({@link #blockPairEnergies}) or into
 * energy terms and the force factor w with ∂U/∂x_i = w (x_i − x_j) ({@link #blockPairForces}),
 * and adds ±w (x_i − x_j) to the gradients of both particles; the subclass then finishes the
 * block ({@link #finishBlockEnergies}, {@link #finishBlockGradients}). So the only call per pair
 * goes to a short concrete loop of the subclass, never per configuration. One scratch block (two
 * with gradients) is allocated per batch call, nothing per configuration. The subclass's
 * per-configuration kernels must do the same arithmetic in the same order per configuration, so
 * that batch results equal single results bit for bit, whatever the blocking or the thread
 * count.
 */
abstract class PairPotential extends AbstractEnergyModel {

    /**
     * Configurations per block. At 128 the vector main loop runs many iterations per pair and a
     * block of LJ-55 (2 × 165 rows of 1 KiB) stays in a 2 MiB L2 cache; measured as fast as 256
     * and clearly faster than 64 (where much of the work falls to the scalar post-loop).
     */
    static final int BLOCK = 128;

    /** The most coordinates n·D a configuration may have (so that batch offsets fit an int). */
    private static final int MAX_COORDINATES = Integer.MAX_VALUE / 2;

    private final String name;
    private final ParticleSpace space;
    private final int particles;
    private final int spatialDimension;
    private final int minBlockRows;

    /**
     * @param name the family's name, used in messages
     * @param particles n ≥ 2
     * @param spatialDimension D ≥ 1
     * @param minBlockRows the fewest rows a batch call runs blocked; shorter ones run the
     *     per-configuration kernels row by row
     * @throws IllegalArgumentException if n or D is out of range, or n·D too large
     */
    PairPotential(String name, int particles, int spatialDimension, int minBlockRows) {
        this(name, space(name, particles, spatialDimension), minBlockRows);
    }

    private PairPotential(String name, ParticleSpace space, int minBlockRows) {
        super(space);
        this.name = name;
        this.space = space;
        this.particles = space.particles();
        this.spatialDimension = space.spatialDimension();
        this.minBlockRows = minBlockRows;
    }

    private static ParticleSpace space(String name, int particles, int spatialDimension) {
        if (particles < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 particles, got "
                    + particles);
        }
        if (spatialDimension < 1) {
            throw new IllegalArgumentException("spatial dimension must be >= 1, got "
                    + spatialDimension);
        }
        if ((long) particles * spatialDimension > MAX_COORDINATES) {
            throw new IllegalArgumentException("too many coordinates: " + particles + " x "
                    + spatialDimension);
        }
        return ParticleSpace.of(particles, spatialDimension, true);
    }

    /**
     * Checks the parameters {@code particles} and {@code spatialDimension} of a provider against
     * the same limit on n·D as the constructor.
     *
     * @throws io.github.targetscore.core.parameters.InvalidParameterException naming
     *     {@code particles} if n·D is too large
     */
    static void checkCoordinateCount(Parameters parameters) {
        int particles = parameters.integer("particles");
        int spatialDimension = parameters.integer("spatialDimension");
        if ((long) particles * spatialDimension > MAX_COORDINATES) {
            throw parameters.invalid("particles", "times spatialDimension gives too many "
                    + "coordinates: " + particles + " x " + spatialDimension);
        }
    }

    @Override
    public final ParticleSpace manifold() {
        return space;
    }

    /** Number of particles n. */
    public final int particles() {
        return particles;
    }

    /** Spatial dimension D. */
    public final int spatialDimension() {
        return spatialDimension;
    }

    // ---------------------------------------------------------------- scalar kernels

    /**
     * The energy of a pair at squared distance r², for the kernels of any D
     * ({@link #pairSumGeneric}, {@link #pairGradientGeneric}); the same arithmetic as the
     * subclass's other kernels.
     */
    abstract double pairEnergy(double r2);

    /**
     * The force factor w of a pair at squared distance r², ∂U/∂x_i = w (x_i − x_j) up to the
     * factor that the subclass applies when it finishes the gradient; the same arithmetic as its
     * other kernels.
     */
    abstract double pairForce(double r2);

    /**
     * Σ_{i<j} of {@link #pairEnergy} for any D: the subclasses' kernel where they have no
     * kernel specialised to D.
     */
    final double pairSumGeneric(double[] x, int offset) {
        double e = 0;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                e += pairEnergy(squaredDistance(x, offset, i, j));
            }
        }
        return e;
    }

    /**
     * {@link #pairSumGeneric}, adding {@link #pairForce} (x_i − x_j) to the gradient of particle
     * i and subtracting it from that of j, in {@code g} from {@code gradientOffset} (zeroed by
     * the caller): in the order of the blocked kernel. The energy and the force factor are
     * evaluated separately, which costs a second division or square root per pair on this
     * path only.
     */
    final double pairGradientGeneric(double[] x, int offset, double[] g, int gradientOffset) {
        int dd = spatialDimension;
        double e = 0;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                double r2 = squaredDistance(x, offset, i, j);
                e += pairEnergy(r2);
                double w = pairForce(r2);
                int a = offset + i * dd;
                int b = offset + j * dd;
                int ga = gradientOffset + i * dd;
                int gb = gradientOffset + j * dd;
                for (int k = 0; k < dd; k++) {
                    double f = w * (x[a + k] - x[b + k]);
                    g[ga + k] += f;
                    g[gb + k] -= f;
                }
            }
        }
        return e;
    }

    /** |x_i − x_j|² of the configuration at {@code offset}, summed over k = 0, 1, … */
    private double squaredDistance(double[] x, int offset, int i, int j) {
        int dd = spatialDimension;
        double r2 = 0;
        for (int k = 0; k < dd; k++) {
            double d = x[offset + i * dd + k] - x[offset + j * dd + k];
            r2 += d * d;
        }
        return r2;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Non-finite coordinates are an {@link IllegalArgumentException} naming the first; a NaN
     * energy at finite coordinates too; {@code +∞} at finite coordinates is returned (zero
     * density).
     */
    @Override
    protected final double nonFiniteEnergy(double u, double[] xs, int offset, int row) {
        IllegalArgumentException bad = nonFiniteInput(xs, offset, row);
        if (bad != null) {
            throw bad;
        }
        if (Double.isNaN(u)) {
            throw failure(row, "energy is NaN at finite coordinates");
        }
        return u;
    }

    /**
     * Non-finite coordinates are an {@link IllegalArgumentException} naming the first;
     * otherwise the subclass explains the failure from the closest pair
     * ({@link #closestPairFailure}).
     */
    @Override
    protected final RuntimeException nonFiniteGradient(double u, double[] xs, int offset,
            int row) {
        IllegalArgumentException bad = nonFiniteInput(xs, offset, row);
        if (bad != null) {
            return bad;
        }
        int[] pair = closestPair(xs, offset);
        return closestPairFailure(pair[0], pair[1], squaredDistance(xs, offset, pair[0], pair[1]),
                row);
    }

    /**
     * Why the energy or the gradient of a configuration with finite coordinates is not finite,
     * given its closest pair.
     *
     * @param i the first particle of the closest pair
     * @param j the second, j &gt; i
     * @param r2 their squared distance
     * @param row the batch row, or −1 for a single configuration
     * @return the exception, made with {@link #singular} or {@link #failure}
     */
    abstract RuntimeException closestPairFailure(int i, int j, double r2, int row);

    /** A {@link SingularConfigurationException} with the model's name and the row. */
    final SingularConfigurationException singular(int row, String what) {
        return new SingularConfigurationException(name + ": " + where(row) + what);
    }

    /** An {@link IllegalArgumentException} with the model's name and the row. */
    final IllegalArgumentException failure(int row, String what) {
        return new IllegalArgumentException(name + ": " + where(row) + what);
    }

    /**
     * An {@link IllegalArgumentException} naming the first non-finite coordinate of the
     * configuration, or {@code null} if it is finite.
     */
    private IllegalArgumentException nonFiniteInput(double[] xs, int offset, int row) {
        int d = dimension();
        for (int c = 0; c < d; c++) {
            if (!Double.isFinite(xs[offset + c])) {
                return failure(row, Batches.describeNonFinite(xs, offset, d));
            }
        }
        return null;
    }

    /**
     * The closest pair of particles (smallest squared distance, first in i &lt; j order on ties)
     * of the configuration at {@code offset}.
     *
     * @return {@code {i, j}}
     */
    private int[] closestPair(double[] x, int offset) {
        int bestI = 0;
        int bestJ = 1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                double r2 = squaredDistance(x, offset, i, j);
                if (r2 < best) {
                    best = r2;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        return new int[] {bestI, bestJ};
    }

    // ---------------------------------------------------------------- blocked batches

    @Override
    protected final void computeEnergies(double[] xs, int start, int count, double[] energies) {
        if (count < minBlockRows) {
            super.computeEnergies(xs, start, count, energies);
        } else {
            computeBlocked(xs, start, count, energies, null);
        }
    }

    @Override
    protected final void computeEnergiesAndGradients(double[] xs, int start, int count,
            double[] energies, double[] gradients) {
        if (count < minBlockRows) {
            super.computeEnergiesAndGradients(xs, start, count, energies, gradients);
        } else {
            computeBlocked(xs, start, count, energies, gradients);
        }
    }

    /** The blocked batch path; energies only if {@code gradients} is null. */
    private void computeBlocked(double[] xs, int start, int count, double[] energies,
            double[] gradients) {
        int width = Math.min(count, BLOCK);
        double[][] pos = new double[dimension()][width];
        double[][] grad = gradients == null ? null : new double[dimension()][width];
        double[] e = new double[width];
        double[] v = new double[width];
        double[] scratch = new double[width];
        double[] scratch2 = new double[width];
        for (int first = start; first < start + count; first += width) {
            int w = Math.min(width, start + count - first);
            transposeIn(xs, first, w, pos);
            Arrays.fill(e, 0.0);
            if (grad == null) {
                blockPairSums(pos, e, v, w);
                finishBlockEnergies(pos, e, v, scratch, w);
            } else {
                blockPairGradients(pos, grad, e, v, w);
                finishBlockGradients(pos, grad, e, v, scratch, scratch2, w);
                transposeOut(grad, first, w, gradients);
            }
            for (int b = 0; b < w; b++) {
                int row = first + b;
                energies[row] = grad == null ? checkedEnergy(e[b], xs, row)
                        : checkedGradientEnergy(e[b], xs, row);
            }
        }
    }

    /** The pair sums of the block into {@code e} (zeroed by the caller); {@code v} is scratch. */
    private void blockPairSums(double[][] pos, double[] e, double[] v, int w) {
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                blockSquaredDistances(pos, i, j, v, w);
                blockPairEnergies(v, e, w);
            }
        }
    }

    /**
     * The pair sums of the block into {@code e} (zeroed by the caller) and the pair forces into
     * {@code grad} (zeroed here); {@code v} is scratch.
     */
    private void blockPairGradients(double[][] pos, double[][] grad, double[] e, double[] v,
            int w) {
        for (double[] row : grad) {
            Arrays.fill(row, 0, w, 0.0);
        }
        for (int i = 0; i < particles; i++) {
            for (int j = i + 1; j < particles; j++) {
                blockSquaredDistances(pos, i, j, v, w);
                blockPairForces(v, e, w);
                blockAddForces(pos, grad, i, j, v, w);
            }
        }
    }

    /**
     * Adds the energy terms of one pair, given its squared distances {@code r2[b]}, to
     * {@code e[b]}, for b &lt; w: one short loop, the arithmetic of the scalar kernel.
     */
    abstract void blockPairEnergies(double[] r2, double[] e, int w);

    /**
     * Adds the energy terms of one pair to {@code e[b]} and replaces its squared distances
     * {@code v[b]} by the force factor w_b, ∂U/∂x_i = w_b (x_i − x_j) up to the factor that
     * {@link #finishBlockGradients} applies, for b &lt; w: short loops, the arithmetic of the
     * scalar kernel.
     */
    abstract void blockPairForces(double[] v, double[] e, int w);

    /**
     * Turns the pair sums {@code e[b]} of the block into energies (for example adds terms that
     * are not pair terms); {@code scratch} and {@code scratch2} are free rows. Nothing by
     * default.
     */
    void finishBlockEnergies(double[][] pos, double[] e, double[] scratch, double[] scratch2,
            int w) {
        // the pair sums are the energies
    }

    /**
     * Turns the pair sums {@code e[b]} and the accumulated forces in {@code grad} into energies
     * and gradients, and makes {@code e[b]} NaN where a gradient component is not finite (so
     * that one comparison catches both); {@code scratch}, {@code scratch2} and {@code scratch3}
     * are free rows.
     */
    abstract void finishBlockGradients(double[][] pos, double[][] grad, double[] e,
            double[] scratch, double[] scratch2, double[] scratch3, int w);

    /**
     * Σ_k (x_ik − x_jk)² of every configuration of the block into {@code r2}, summed in the
     * order k = 0, 1, … as {@link #squaredDistance}.
     */
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
        if (dd == 2) {
            double[] xi = pos[a];
            double[] yi = pos[a + 1];
            double[] xj = pos[c];
            double[] yj = pos[c + 1];
            for (int b = 0; b < w; b++) {
                double dx = xi[b] - xj[b];
                double dy = yi[b] - yj[b];
                r2[b] = dx * dx + dy * dy;
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

    /** Adds ±f_b (x_i − x_j) to the block gradients of particles i and j. */
    private void blockAddForces(double[][] pos, double[][] grad, int i, int j, double[] f,
            int w) {
        int dd = spatialDimension;
        for (int k = 0; k < dd; k++) {
            double[] pi = pos[i * dd + k];
            double[] pj = pos[j * dd + k];
            double[] gi = grad[i * dd + k];
            double[] gj = grad[j * dd + k];
            for (int b = 0; b < w; b++) {
                double force = f[b] * (pi[b] - pj[b]);
                gi[b] += force;
                gj[b] -= force;
            }
        }
    }

    /**
     * Copies rows {@code first .. first + w − 1} of the row-major batch {@code xs} into
     * {@code block} (coordinate-major).
     */
    private void transposeIn(double[] xs, int first, int w, double[][] block) {
        int d = dimension();
        int base = first * d;
        for (int c = 0; c < d; c++) {
            double[] row = block[c];
            for (int b = 0, at = base + c; b < w; b++, at += d) {
                row[b] = xs[at];
            }
        }
    }

    /**
     * Copies the block back into rows {@code first .. first + w − 1} of the row-major batch
     * {@code out}.
     */
    private void transposeOut(double[][] block, int first, int w, double[] out) {
        int d = dimension();
        int base = first * d;
        for (int c = 0; c < d; c++) {
            double[] row = block[c];
            for (int b = 0, at = base + c; b < w; b++, at += d) {
                out[at] = row[b];
            }
        }
    }
}
