package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the DW-4 finite-sample floors of {@code ../shared/reference-data/README.md}
 * (x-W2 1.78 and E-W2 0.15 for 1000 configurations, 1.45 and 0.14 for 2000) from
 * {@code val_split_DW4.npy} and the {@code dw4} preset, through {@link SampleMetrics#floor}.
 *
 * <p>Tolerance: a published floor is one realisation of the metric between two sets of true
 * samples, so it differs from the mean of K of our splits with standard deviation σ·√(1 + 1/K);
 * σ is estimated by the spread s of the K splits (splits of one file share rows, which makes s
 * a slight underestimate), and the published value is rounded to two decimals. We require
 * |mean − published| ≤ 5·s·√(1 + 1/K) + 0.005.
 */
class Dw4FloorTest {

    private static final EnergyModel DW4 = EnergyRegistry.load().create("dw4", Map.of());
    /** A fixed kernel: the floors of x-W2 and E-W2 do not depend on it, the median costs time. */
    private static final SampleMetrics METRICS = SampleMetrics.of(DW4).withBandwidth(7);

    /** The floors of K splits (seeds 0 … K − 1), computed in parallel: {x-W2[], E-W2[]}. */
    private static double[][] floors(double[] reference, int size, int splits) {
        SampleDistances[] floors = IntStream.range(0, splits).parallel()
                .mapToObj(seed -> METRICS.floor(reference, size, seed))
                .toArray(SampleDistances[]::new);
        return new double[][] {
            Arrays.stream(floors).mapToDouble(SampleDistances::coordinateW2).toArray(),
            Arrays.stream(floors).mapToDouble(SampleDistances::energyW2).toArray()};
    }

    private static void assertReproduces(double published, double[] splits, String what) {
        TestSamples.MeanAndError floor = TestSamples.MeanAndError.of(splits);
        double spread = floor.standardError() * Math.sqrt(splits.length);
        double tolerance = 5 * spread * Math.sqrt(1 + 1.0 / splits.length) + 0.005;
        assertEquals(published, floor.mean(), tolerance, what + ": " + Arrays.toString(splits));
    }

    @Test
    void floorsOfTheReferenceDataAreReproduced() {
        double[] reference = ReferenceData.read("val_split_DW4.npy", 10000, 8);
        double[][] small = floors(reference, 1000, 8);
        double[][] large = floors(reference, 2000, 6);
        assertReproduces(1.78, small[0], "x-W2, 1000 configurations");
        assertReproduces(0.15, small[1], "E-W2, 1000 configurations");
        assertReproduces(1.45, large[0], "x-W2, 2000 configurations");
        assertReproduces(0.14, large[1], "E-W2, 2000 configurations");
        // the x-W2 floor falls with the set size, by far more than the splits' spread
        TestSamples.MeanAndError x1000 = TestSamples.MeanAndError.of(small[0]);
        TestSamples.MeanAndError x2000 = TestSamples.MeanAndError.of(large[0]);
        assertTrue(x1000.mean() - x2000.mean() > 5 * Math.hypot(x1000.standardError(),
                x2000.standardError()), x1000 + " vs " + x2000);
    }
}
