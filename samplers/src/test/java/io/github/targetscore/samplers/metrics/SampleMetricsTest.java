package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleMetricsTest {

    /** N(0, I₂) as a normalised mixture of one component: U(x) = |x|²/2 + log 2π. */
    private static final EnergyModel GAUSSIAN = EnergyRegistry.load().create("gaussian-mixture",
            Map.of("means", new double[1][2], "variance", 1.0));
    private static final double[] ZERO_2 = {0, 0};
    private static final double[] ONE_2 = {1, 1};

    @Test
    void energyW2ComparesTheTargetsEnergies() {
        double[] xs = TestSamples.gaussian(31, 0, 300, ZERO_2, ONE_2);
        double[] ys = TestSamples.gaussian(31, 1, 300, new double[] {1, 0}, ONE_2);
        double[] ux = new double[300];
        double[] uy = new double[300];
        for (int i = 0; i < 300; i++) {
            ux[i] = (xs[2 * i] * xs[2 * i] + xs[2 * i + 1] * xs[2 * i + 1]) / 2
                    + Math.log(2 * Math.PI);
            uy[i] = (ys[2 * i] * ys[2 * i] + ys[2 * i + 1] * ys[2 * i + 1]) / 2
                    + Math.log(2 * Math.PI);
        }
        SampleDistances d = SampleMetrics.of(GAUSSIAN).between(xs, ys);
        assertEquals(EnergyWasserstein.squaredDistance(ux, uy), d.energyW2Squared(), 1e-12);
        assertEquals(Math.sqrt(d.energyW2Squared()), d.energyW2(), 0);
        assertEquals(CoordinateWasserstein.of(GAUSSIAN.manifold()).distance(xs, ys),
                d.coordinateW2(), 0);
    }

    @Test
    void mmdBandwidthIsFixedOrTheReferencesMedianHeuristic() {
        double[] xs = TestSamples.gaussian(32, 0, 200, ZERO_2, ONE_2);
        double[] ys = TestSamples.gaussian(32, 1, 200, ZERO_2, ONE_2);
        assertEquals(MaximumMeanDiscrepancy.rbfMedianHeuristic(GAUSSIAN.manifold(), ys)
                .estimate(xs, ys), SampleMetrics.of(GAUSSIAN).between(xs, ys).mmd());
        assertEquals(MaximumMeanDiscrepancy.rbf(GAUSSIAN.manifold(), 0.7).estimate(xs, ys),
                SampleMetrics.of(GAUSSIAN).withBandwidth(0.7).between(xs, ys).mmd());
    }

    /** Value: samples against subset A of the reference; floor: subset B against A. */
    @Test
    void compareReportsEachMetricBesideItsFloor() {
        double[] reference = TestSamples.gaussian(33, 0, 1000, ZERO_2, ONE_2);
        double[] samples = TestSamples.gaussian(33, 1, 200, new double[] {0.5, 0}, ONE_2);
        SampleMetrics metrics = SampleMetrics.of(GAUSSIAN);
        List<MetricWithFloor> compared = metrics.compare(samples, reference, 4);
        ReferenceSplit split = ReferenceSplit.of(1000, 200, 4);
        double[] a = split.first(reference, 2);
        SampleDistances value = metrics.between(samples, a);
        SampleDistances floor = metrics.between(split.second(reference, 2), a);
        assertEquals(floor, metrics.floor(reference, 200, 4));
        assertEquals(Metric.values().length, compared.size());
        for (int k = 0; k < compared.size(); k++) {
            Metric metric = Metric.values()[k];
            assertEquals(metric, compared.get(k).metric());
            assertEquals(value.value(metric), compared.get(k).value(), 0);
            assertEquals(floor.value(metric), compared.get(k).floor(), 0);
        }
        assertEquals("x-W2 = " + value.coordinateW2() + " (floor " + floor.coordinateW2() + ")",
                compared.get(0).toString());
    }

    @Test
    void badInputIsNamed() {
        SampleMetrics metrics = SampleMetrics.of(GAUSSIAN);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> metrics.compare(new double[20], new double[30], 1));
        assertEquals("cannot draw two disjoint subsets of 10 rows from 15 reference rows (needs "
                + "1 <= size <= rows / 2)", small.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> metrics.compare(new double[21], new double[60], 1));
        assertEquals("generated samples: 21 values are not whole configurations of 2 "
                + "coordinates (R^2)", width.getMessage());
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> metrics.between(new double[20], new double[22]));
        assertEquals("x-W2 needs two sets of equal size, got 10 and 11 configurations",
                sizes.getMessage());
    }
}
