package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.random.RandomStreams;
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
        assertEquals(floor, metrics.symmetrisedFloor(reference, 200, 4), "no particles");
        assertEquals(Metric.values().length, compared.size());
        for (int k = 0; k < compared.size(); k++) {
            Metric metric = Metric.values()[k];
            assertEquals(metric, compared.get(k).metric());
            assertEquals(value.value(metric), compared.get(k).value(), 0);
            assertEquals(floor.value(metric), compared.get(k).floor(), 0);
            assertEquals(floor.value(metric), compared.get(k).symmetrisedFloor(), 0);
            assertFalse(compared.get(k).hasDistinctSymmetrisedFloor());
        }
        assertEquals("x-W2 = " + value.coordinateW2() + " (floor " + floor.coordinateW2() + ")",
                compared.get(0).toString());
    }

    /**
     * For DW-4 the symmetrised floor is the metrics between split B, row r relabelled and
     * rotated by stream r of family 1 of the seed, and split A; E-W2 is the plain floor's, the
     * coordinate metrics differ, and compare reports the same values.
     */
    @Test
    void symmetrisedFloorRelabelsAndRotatesTheSecondSubset() {
        EnergyModel dw4 = EnergyRegistry.load().create("dw4", Map.of());
        double[] spread = TestSamples.filled(8, 1.5);
        double[] reference = TestSamples.gaussian(34, 0, 400, new double[8], spread);
        SampleMetrics metrics = SampleMetrics.of(dw4).withBandwidth(3);
        ReferenceSplit split = ReferenceSplit.of(400, 100, 9);
        double[] a = split.first(reference, 8);
        double[] images = new double[800];
        ParticleSymmetries.of((ParticleSpace) dw4.manifold()).apply(split.second(reference, 8),
                images, RandomStreams.of(9).family(1));
        SampleDistances expected = metrics.between(images, a);
        SampleDistances symmetrised = metrics.symmetrisedFloor(reference, 100, 9);
        SampleDistances floor = metrics.floor(reference, 100, 9);
        assertEquals(expected.coordinateW2(), symmetrised.coordinateW2(), 0);
        assertEquals(expected.mmd(), symmetrised.mmd());
        assertEquals(floor.energyW2Squared(), symmetrised.energyW2Squared(), 0);
        assertEquals(expected.energyW2Squared(), symmetrised.energyW2Squared(),
                1e-9 * expected.energyW2Squared());
        assertNotEquals(floor.coordinateW2(), symmetrised.coordinateW2());

        double[] samples = TestSamples.gaussian(34, 1, 100, new double[8], spread);
        for (MetricWithFloor m : metrics.compare(samples, reference, 9)) {
            assertEquals(symmetrised.value(m.metric()), m.symmetrisedFloor(), 0, m.toString());
            assertEquals(floor.value(m.metric()), m.floor(), 0, m.toString());
            assertEquals(!m.metric().comparesEnergies(), m.hasDistinctSymmetrisedFloor(),
                    m.toString());
        }
    }

    /** A particle energy that relabelling changes (a bond between particles 0 and 1 only). */
    @Test
    void symmetrisedFloorIsThePlainOneWithoutInvariance() {
        ParticleSpace space = ParticleSpace.of(3, 2, true);
        EnergyModel bond = new EnergyModel() {
            @Override
            public ParticleSpace manifold() {
                return space;
            }

            @Override
            public double energy(double[] x) {
                double dx = x[2] - x[0];
                double dy = x[3] - x[1];
                return (dx * dx + dy * dy) / 2;
            }

            @Override
            public double energyAndGradient(double[] x, double[] gradient) {
                throw new UnsupportedOperationException("metrics need energies only");
            }
        };
        double[] reference = TestSamples.gaussian(35, 0, 200, new double[6],
                TestSamples.filled(6, 1));
        SampleMetrics metrics = SampleMetrics.of(bond).withBandwidth(2);
        assertEquals(metrics.floor(reference, 100, 2),
                metrics.symmetrisedFloor(reference, 100, 2));
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
