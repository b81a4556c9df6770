package io.github.targetscore.samplers.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The metrics between two sets of configurations: x-W2, E-W2 (and its square) and the MMD
 * estimates.
 *
 * @param coordinateW2 x-W2, in units of the coordinates
 * @param energyW2Squared E-W2², in units of energy squared
 * @param mmd the MMD² estimates and the kernel bandwidth they used
 */
public record SampleDistances(double coordinateW2, double energyW2Squared, MmdEstimate mmd) {

    /** E-W2 = √E-W2², in units of energy. */
    public double energyW2() {
        return Math.sqrt(energyW2Squared);
    }

    /** The value of one metric. */
    public double value(Metric metric) {
        switch (metric) {
            case COORDINATE_W2:
                return coordinateW2;
            case ENERGY_W2:
                return energyW2();
            case ENERGY_W2_SQUARED:
                return energyW2Squared;
            case MMD_SQUARED_UNBIASED:
                return mmd.unbiasedSquared();
            case MMD_SQUARED_BIASED:
                return mmd.biasedSquared();
            default:
                throw new AssertionError(metric);
        }
    }

    /**
     * Every metric, in {@link Metric} order, beside its values in {@code floor} and
     * {@code symmetrisedFloor} (see {@link MetricWithFloor}).
     */
    public List<MetricWithFloor> withFloor(SampleDistances floor,
            SampleDistances symmetrisedFloor) {
        List<MetricWithFloor> list = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            list.add(new MetricWithFloor(metric, value(metric), floor.value(metric),
                    symmetrisedFloor.value(metric)));
        }
        return List.copyOf(list);
    }
}
