package io.github.targetscore.samplers.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightedSampleTest {

    @Test
    void buffersHaveTheRequestedShape() {
        WeightedSample s = WeightedSample.withCapacity(3, 8);
        assertEquals(3, s.dimension());
        assertEquals(8, s.capacity());
        assertEquals(24, s.positions().length);
        assertEquals(24, s.targetScores().length);
        assertEquals(8, s.logWeights().length);
        assertThrows(IllegalArgumentException.class, () -> WeightedSample.withCapacity(0, 8));
        assertThrows(IllegalArgumentException.class, () -> WeightedSample.withCapacity(3, 0));
    }

    @Test
    void resetClearsWeightsAndDiagnostics() {
        WeightedSample s = WeightedSample.withCapacity(1, 6);
        s.reset(6, 2);
        java.util.Arrays.fill(s.logWeights(), 5);
        s.recordDiagnostics(3.5, 0.6, 0.1, 17, 42);
        assertEquals(3.5, s.effectiveSampleSize());
        assertEquals(0.6, s.acceptanceRate());
        assertEquals(0.1, s.stepSize());
        assertEquals(17, s.energyEvaluations());
        assertEquals(42, s.gradientEvaluations());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> s.recordDiagnostics(1, 0, 0, -1, 0));
        assertTrue(negative.getMessage().contains("-1 energy-only"), negative.getMessage());
        s.reset(4, 4);
        assertEquals(4, s.size());
        assertEquals(4, s.groups());
        assertArrayEquals(new double[] {0, 0, 0, 0, 5, 5}, s.logWeights());
        assertTrue(Double.isNaN(s.effectiveSampleSize()));
        assertTrue(Double.isNaN(s.acceptanceRate()));
        assertTrue(Double.isNaN(s.stepSize()));
        assertEquals(0, s.energyEvaluations());
        assertEquals(0, s.gradientEvaluations());
    }

    @Test
    void resetRejectsImpossibleShapes() {
        WeightedSample s = WeightedSample.withCapacity(2, 6);
        for (int[] shape : new int[][] {{7, 7}, {0, 1}, {6, 4}, {6, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.reset(shape[0], shape[1]));
            assertTrue(e.getMessage().contains("size " + shape[0] + ", groups " + shape[1]),
                    e.getMessage());
        }
    }

    @Test
    void normalisedWeightsAreStableAndGiveKishEss() {
        WeightedSample s = WeightedSample.withCapacity(1, 4);
        s.reset(3, 3);
        // exp(1000) overflows: the weights must be normalised in log space
        s.logWeights()[0] = 1000;
        s.logWeights()[1] = 1000 + Math.log(3);
        s.logWeights()[2] = Double.NEGATIVE_INFINITY;
        double[] w = new double[4];
        double ess = s.normalisedWeights(w);
        assertArrayEquals(new double[] {0.25, 0.75, 0}, java.util.Arrays.copyOf(w, 3), 1e-12);
        assertEquals(1 / (0.25 * 0.25 + 0.75 * 0.75), ess, 1e-12);
        s.reset(4, 1);
        assertEquals(4, s.normalisedWeights(w), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, w, 1e-15);
    }

    @Test
    void vanishingOrNanWeightsAreErrors() {
        WeightedSample s = WeightedSample.withCapacity(1, 2);
        s.reset(2, 2);
        java.util.Arrays.fill(s.logWeights(), Double.NEGATIVE_INFINITY);
        assertThrows(IllegalStateException.class, () -> s.normalisedWeights(new double[2]));
        s.logWeights()[0] = Double.NaN;
        s.logWeights()[1] = 0;
        assertThrows(IllegalStateException.class, () -> s.normalisedWeights(new double[2]));
    }

    /** Importance diagnostics: Kish's ESS (Σw)²/Σw² of the weights, computed once, lazily. */
    @Test
    void importanceEssIsKishsOfTheWeights() {
        WeightedSample s = WeightedSample.withCapacity(1, 4);
        s.reset(3, 3);
        double[] w = {1, 2, 5};
        for (int k = 0; k < 3; k++) {
            s.logWeights()[k] = Math.log(w[k]) - 40; // an offset the normalisation removes
        }
        double kish = 8.0 * 8.0 / (1 + 4 + 25);
        s.recordImportanceDiagnostics(0, 3);
        assertEquals(kish, s.effectiveSampleSize(), 1e-12);
        assertEquals(3, s.gradientEvaluations());
        s.reset(3, 3);
        for (int k = 0; k < 3; k++) {
            s.logWeights()[k] = Math.log(w[k]);
        }
        s.recordImportanceDiagnostics(0, 3);
        assertEquals(kish, s.normalisedWeights(new double[3]), 1e-12);
        assertEquals(kish, s.effectiveSampleSize(), 1e-12);
        s.recordDiagnostics(2.5, Double.NaN, Double.NaN, 0, 3);
        assertEquals(2.5, s.effectiveSampleSize(), 0);
        s.reset(3, 3);
        assertTrue(Double.isNaN(s.effectiveSampleSize()));
    }
}
