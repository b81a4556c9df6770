package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The finding behind the symmetrised floor, on {@code val_split_DW4.npy} with 1000
 * configurations per subset: the reference data do not cover DW-4's labellings and orientations
 * evenly, so relabelling and rotating the second subset at random raises x-W2 between the
 * subsets well above the plain floor; on a copy of the data symmetrised beforehand it changes
 * nothing.
 *
 * <p>Each split k (seeds 0 … K − 1) gives a paired difference Δ_k = symmetrised − plain x-W2
 * (same subsets A and B); the margin is the standard error s_Δ/√K of their mean, from the
 * spread of the splits: the gap must exceed 5 of them, and on the symmetrised copy, where B and
 * its random image have the same distribution (a Haar element times an independent one is
 * Haar), the mean must lie within 5 of them of 0.
 */
class SymmetrisedFloorTest {

    private static final EnergyModel DW4 = EnergyRegistry.load().create("dw4", Map.of());
    /** A fixed kernel: x-W2 does not depend on it, the median heuristic costs time. */
    private static final SampleMetrics METRICS = SampleMetrics.of(DW4).withBandwidth(7);
    private static final int SIZE = 1000;
    private static final int SPLITS = 6;

    /** Δ_k = symmetrised − plain x-W2 floor of split k, for k = 0 … K − 1, in parallel. */
    private static double[] gaps(double[] reference) {
        return IntStream.range(0, SPLITS).parallel()
                .mapToDouble(seed -> METRICS.symmetrisedFloor(reference, SIZE, seed).coordinateW2()
                        - METRICS.floor(reference, SIZE, seed).coordinateW2())
                .toArray();
    }

    @Test
    void symmetrisingTheSecondSubsetRaisesTheDw4FloorBeyondTheSplitsSpread() {
        double[] reference = ReferenceData.read("val_split_DW4.npy", 10000, 8);
        TestSamples.MeanAndError gap = TestSamples.MeanAndError.of(gaps(reference));
        assertTrue(gap.mean() > 5 * gap.standardError(), "symmetrised − plain x-W2: " + gap);

        double[] symmetric = new double[reference.length];
        ParticleSymmetries.of((ParticleSpace) DW4.manifold()).apply(reference, symmetric,
                RandomStreams.of(99));
        double[] controls = gaps(symmetric);
        TestSamples.MeanAndError control = TestSamples.MeanAndError.of(controls);
        assertEquals(0, control.mean(), 5 * control.standardError(),
                "symmetrised − plain x-W2 of symmetrised data: " + Arrays.toString(controls));
        assertTrue(gap.mean() - control.mean() > 5 * Math.hypot(gap.standardError(),
                control.standardError()), gap + " vs " + control);
    }
}
