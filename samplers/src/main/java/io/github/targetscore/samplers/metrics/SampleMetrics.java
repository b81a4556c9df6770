package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.EnergyModel;
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
 * of that size reach. Immutable and thread-safe.
 *
 * <pre>{@code
 * SampleMetrics metrics = SampleMetrics.of(EnergyRegistry.load().create("dw4", Map.of()));
 * for (MetricWithFloor m : metrics.compare(generated, reference, 1)) {
 *     System.out.println(m);        // x-W2 = 1.62 (floor 1.45), ...
 * }
 * }</pre>
 */
public final class SampleMetrics {

    private final EnergyModel target;
    private final CoordinateWasserstein coordinateW2;
    /** The MMD with a fixed bandwidth; null: the median heuristic on the reference side. */
    private final MaximumMeanDiscrepancy fixedMmd;

    private SampleMetrics(EnergyModel target, MaximumMeanDiscrepancy fixedMmd) {
        this.target = target;
        this.coordinateW2 = CoordinateWasserstein.of(target.manifold());
        this.fixedMmd = fixedMmd;
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
        double w2 = coordinateW2.distance(xs, reference);
        MaximumMeanDiscrepancy mmd = fixedMmd != null ? fixedMmd
                : MaximumMeanDiscrepancy.rbfMedianHeuristic(target.manifold(), reference);
        return new SampleDistances(w2,
                EnergyWasserstein.squaredDistance(energies(xs), energies(reference)),
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
     * Every metric between the generated samples and a random subset A of the reference of the
     * same size, beside its floor: the metric between A and a disjoint subset B.
     *
     * @param samples n ≥ 2 generated configurations, row-major
     * @param reference at least 2n reference configurations, row-major
     * @param seed seed of the split into A and B
     */
    public List<MetricWithFloor> compare(double[] samples, double[] reference, long seed) {
        int width = target.dimension();
        ReferenceSplit split = ReferenceSplit.of(rows(reference),
                Configurations.rows(target.manifold(), samples, 2, "generated samples"), seed);
        double[] a = split.first(reference, width);
        return between(samples, a).withFloor(between(split.second(reference, width), a));
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
