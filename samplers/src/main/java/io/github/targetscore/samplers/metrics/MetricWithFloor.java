package io.github.targetscore.samplers.metrics;

/**
 * A metric between generated and reference samples beside its finite-sample floors: the same
 * metric between two disjoint sets of reference samples of the same size (MATH §9), plain and
 * symmetrised. A sampler is as good as the metric can tell when its value reaches the floor.
 *
 * <p>The symmetrised floor is the metric between the same two sets after every configuration of
 * the second one has had its particles relabelled and been rotated or reflected at random
 * ({@link SampleMetrics#symmetrisedFloor}). Reference data from long MCMC runs need not visit
 * the N! labellings and the orientations of a configuration evenly, while a correct sampler of a
 * permutation- and rotation-invariant particle density does, so for the coordinate metrics
 * (x-W2, MMD) of such a target the symmetrised floor, not the plain one, is what a correct
 * sampler reaches. Where the target has no such symmetry (not a particle system, or an energy
 * that changes under them), and for E-W2 (energies are invariant), it equals the floor.
 *
 * @param metric which metric
 * @param value the metric between the generated samples and reference samples
 * @param floor the metric between two disjoint sets of reference samples of the same size
 * @param symmetrisedFloor the metric between the same two sets, the second randomly relabelled
 *     and rotated; equal to {@code floor} where the target has no particle symmetries
 */
public record MetricWithFloor(Metric metric, double value, double floor,
        double symmetrisedFloor) {

    /**
     * Whether the symmetrised floor differs from the plain one (it does for the coordinate
     * metrics of an invariant particle system).
     */
    public boolean hasDistinctSymmetrisedFloor() {
        return Double.compare(symmetrisedFloor, floor) != 0;
    }

    /**
     * {@code "x-W2 = v (floor f)"}, or {@code "x-W2 = v (floor f, symmetrised s)"} where the
     * symmetrised floor differs.
     */
    @Override
    public String toString() {
        return metric.label() + " = " + value + " (floor " + floor
                + (hasDistinctSymmetrisedFloor() ? ", symmetrised " + symmetrisedFloor : "") + ")";
    }
}
