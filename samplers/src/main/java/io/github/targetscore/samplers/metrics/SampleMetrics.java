package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.random.RandomStreams;
import java.util.List;

/**
 * All the sample-quality metrics of a target, each with its finite-sample floor (MATH §9).
 *
 * <p>Configurations are compared on the target's manifold (centred for translation-invariant
 * particle systems) by x-W2 and MMD; their energies U(x) (the model's units, kT = 1) by E-W2.
 * The MMD bandwidth is given, or the median heuristic on the reference side of a comparison, so
 * that a value and its floor use the same kernel.
 *
 * <p>{@link #compare} splits the reference set into two disjoint random subsets A and B of the
 * generated set's size ({@link ReferenceSplit}), and reports every metric between the generated
 * samples and A beside the same metric between B and A: the floor that two sets of true samples
 * of that size reach; and beside the metric between A and B with every configuration of B
 * relabelled and rotated or reflected at random ({@link #symmetrisedFloor}), the floor that a
 * sampler of a permutation- and rotation-invariant particle density reaches (for such a target
 * this costs a second x-W2 assignment and MMD: about a second for 2000 configurations).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * SampleMetrics metrics = SampleMetrics.of(EnergyRegistry.load().create("dw4", Map.of()));
 * for (MetricWithFloor m : metrics.compare(generated, reference, 1)) {
 *     System.out.println(m);        // x-W2 = 1.62 (floor 1.45, symmetrised 1.86), ...
 * }
 * }</pre>
 */
public final class SampleMetrics {

    /**
     * Largest relative change |U(gx) − U(x)| / max(1, |U(x)|) of an energy under a drawn
     * symmetry g for which the target still counts as invariant. An invariant energy changes
     * by rounding only (at most 3·10⁻¹⁵ over the 10,000 rows of the DW-4 reference data and
     * 6·10⁻¹⁵ over LJ-13's), while relabelling a non-invariant one (a chain of bonded beads)
     * changes it at O(1).
     */
    private static final double INVARIANCE_TOLERANCE = 1e-9;
    /** The family of {@code RandomStreams.of(seed)} whose stream r draws row r's symmetry. */
    private static final long SYMMETRY_STREAMS = 1;

    private final EnergyModel target;
    private final CoordinateWasserstein coordinateW2;
    /** The MMD with a fixed bandwidth; null: the median heuristic on the reference side. */
    private final MaximumMeanDiscrepancy fixedMmd;
    /** The particles' S_N × O(D); null when the target is not a particle system. */
    private final ParticleSymmetries symmetries;

    private SampleMetrics(EnergyModel target, MaximumMeanDiscrepancy fixedMmd) {
        this.target = target;
        this.coordinateW2 = CoordinateWasserstein.of(target.manifold());
        this.fixedMmd = fixedMmd;
        this.symmetries = target.manifold() instanceof ParticleSpace
                ? ParticleSymmetries.of((ParticleSpace) target.manifold()) : null;
    }

    /** The metrics of {@code target}, with the MMD bandwidth set by the median heuristic. */
    public static SampleMetrics of(EnergyModel target) {
        return new SampleMetrics(target, null);
    }

    /** The same metrics with a fixed MMD bandwidth h &gt; 0 (units of the coordinates). */
    public SampleMetrics withBandwidth(double h) {
        return new SampleMetrics(target, MaximumMeanDiscrepancy.rbf(target.manifold(), h));
    }

    /**
     * The metrics between two equal-size sets of configurations; the second is the reference
     * side (it sets a median-heuristic bandwidth).
     *
     * @param xs n ≥ 2 configurations of the target, row-major
     * @param reference n configurations of the target, row-major
     * @throws IllegalArgumentException if the sets differ in size or are malformed (see
     *     {@link CoordinateWasserstein#squaredDistance}), or an energy is not finite
     */
    public SampleDistances between(double[] xs, double[] reference) {
        return between(xs, energies(xs), reference);
    }

    /** {@link #between} with the energies of {@code xs} given. */
    private SampleDistances between(double[] xs, double[] xsEnergies, double[] reference) {
        double w2 = coordinateW2.distance(xs, reference);
        MaximumMeanDiscrepancy mmd = fixedMmd != null ? fixedMmd
                : MaximumMeanDiscrepancy.rbfMedianHeuristic(target.manifold(), reference);
        return new SampleDistances(w2,
                EnergyWasserstein.squaredDistance(xsEnergies, energies(reference)),
                mmd.estimate(xs, reference));
    }

    /**
     * The finite-sample floor: the metrics between the two disjoint subsets of a
     * {@link ReferenceSplit} of {@code reference} (the second subset against the first).
     *
     * @param reference configurations of the target, row-major, at least 2·size of them
     * @param size configurations per subset, ≥ 2
     * @param seed seed of the split
     */
    public SampleDistances floor(double[] reference, int size, long seed) {
        int width = target.dimension();
        ReferenceSplit split = ReferenceSplit.of(rows(reference), size, seed);
        return between(split.second(reference, width), split.first(reference, width));
    }

    /**
     * The symmetrised floor: the metrics between the second subset B of the
     * {@link ReferenceSplit} of {@link #floor}, each configuration y_r of it replaced by a
     * uniformly random relabelling and orthogonal image g_r y_r ({@link ParticleSymmetries},
     * g_r drawn from stream r of family 1 of {@code RandomStreams.of(seed)}), and the first
     * subset A. It is the floor for a sampler of a target whose density is invariant under
     * S_N × O(D), where reference data need not cover the labellings and orientations evenly.
     *
     * <p>The target counts as invariant when it is a {@link ParticleSpace} system and every
     * drawn g_r changes the energy of y_r by rounding only (relative change at most 10⁻⁹);
     * otherwise this is {@link #floor} itself. E-W2 uses the energies of B, which are those of
     * the images up to rounding, so it equals the plain floor's exactly.
     *
     * @param reference configurations of the target, row-major, at least 2·size of them
     * @param size configurations per subset, ≥ 2
     * @param seed seed of the split and of the symmetries
     */
    public SampleDistances symmetrisedFloor(double[] reference, int size, long seed) {
        int width = target.dimension();
        ReferenceSplit split = ReferenceSplit.of(rows(reference), size, seed);
        double[] a = split.first(reference, width);
        double[] b = split.second(reference, width);
        SampleDistances symmetrised = symmetrised(b, a, seed);
        return symmetrised != null ? symmetrised : between(b, a);
    }

    /**
     * Every metric between the generated samples and a random subset A of the reference of the
     * same size, beside its floor, the metric between A and a disjoint subset B, and its
     * symmetrised floor, the metric between A and B randomly relabelled and rotated (as
     * {@link #floor} and {@link #symmetrisedFloor} with the same seed).
     *
     * @param samples n ≥ 2 generated configurations, row-major
     * @param reference at least 2n reference configurations, row-major
     * @param seed seed of the split into A and B and of the symmetries
     */
    public List<MetricWithFloor> compare(double[] samples, double[] reference, long seed) {
        int width = target.dimension();
        ReferenceSplit split = ReferenceSplit.of(rows(reference),
                Configurations.rows(target.manifold(), samples, 2, "generated samples"), seed);
        double[] a = split.first(reference, width);
        double[] b = split.second(reference, width);
        SampleDistances floor = between(b, a);
        SampleDistances symmetrised = symmetrised(b, a, seed);
        return between(samples, a).withFloor(floor, symmetrised != null ? symmetrised : floor);
    }

    /**
     * The metrics between B with each row randomly relabelled and rotated and A, or null when
     * the target is not an invariant particle system (see {@link #symmetrisedFloor}).
     */
    private SampleDistances symmetrised(double[] b, double[] a, long seed) {
        if (symmetries == null) {
            return null;
        }
        double[] images = new double[b.length];
        symmetries.apply(b, images, RandomStreams.of(seed).family(SYMMETRY_STREAMS));
        double[] energies = energies(b);
        double[] imageEnergies = energies(images);
        for (int r = 0; r < energies.length; r++) {
            if (!(Math.abs(imageEnergies[r] - energies[r])
                    <= INVARIANCE_TOLERANCE * Math.max(1, Math.abs(energies[r])))) {
                return null;
            }
        }
        return between(images, energies, a);
    }

    private int rows(double[] reference) {
        return Configurations.rows(target.manifold(), reference, 2, "reference samples");
    }

    private double[] energies(double[] xs) {
        int n = xs.length / target.dimension();
        double[] energies = new double[n];
        target.energies(xs, 0, n, energies);
        return energies;
    }

    @Override
    public String toString() {
        return "SampleMetrics[" + target + ", MMD bandwidth "
                + (fixedMmd == null ? "by median heuristic" : fixedMmd.bandwidth()) + "]";
    }
}
