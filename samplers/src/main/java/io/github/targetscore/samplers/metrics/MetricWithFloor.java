package io.github.targetscore.samplers.metrics;

/**
 * A metric between generated and reference samples beside its finite-sample floor: the same
 * metric between two disjoint sets of reference samples of the same size (MATH §9). A sampler is
 * as good as the metric can tell when its value reaches the floor.
 *
 * @param metric which metric
 * @param value the metric between the generated samples and reference samples
 * @param floor the metric between two disjoint sets of reference samples of the same size
 */
public record MetricWithFloor(Metric metric, double value, double floor) {

    @Override
    public String toString() {
        return metric.label() + " = " + value + " (floor " + floor + ")";
    }
}
