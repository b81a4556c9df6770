package io.github.targetscore.samplers.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bit-for-bit equality of two estimates: what reproducibility and shared samples promise. */
final class SameEstimates {

    private SameEstimates() {
    }

    /** Every array equal to the last bit, every count equal. */
    static void assertIdentical(ScoreEstimates expected, ScoreEstimates actual, String what) {
        assertEquals(expected.identity().name(), actual.identity().name(), what);
        assertArrayEquals(expected.estimates(), actual.estimates(), 0, what);
        assertArrayEquals(expected.variances(), actual.variances(), 0, what);
        assertArrayEquals(expected.integrandVariances(), actual.integrandVariances(), 0, what);
        assertArrayEquals(expected.effectiveSampleSizes(), actual.effectiveSampleSizes(), 0,
                what);
        assertArrayEquals(expected.acceptanceRates(), actual.acceptanceRates(), 0, what);
        assertEquals(expected.energyEvaluations(), actual.energyEvaluations(), what);
        assertEquals(expected.gradientEvaluations(), actual.gradientEvaluations(), what);
        assertEquals(expected.clippedPoints(), actual.clippedPoints(), what);
    }
}
