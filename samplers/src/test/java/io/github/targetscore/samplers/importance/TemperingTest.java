package io.github.targetscore.samplers.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemperingTest {

    private static final double[] LOG_TARGET = {-0.5, -3, -1.2, -8, -0.1, -2.5, -4, -0.9};

    @Test
    void fixedScheduleStepsThroughItsTemperatures() {
        Tempering fixed = Tempering.fixed(new double[] {0.1, 0.4, 1});
        double[] logWeights = new double[8];
        assertEquals(0.1, fixed.next(0, LOG_TARGET, logWeights, 8));
        assertEquals(0.4, fixed.next(0.1, LOG_TARGET, logWeights, 8));
        assertEquals(1, fixed.next(0.4, LOG_TARGET, logWeights, 8));
        assertThrows(IllegalArgumentException.class,
                () -> Tempering.fixed(new double[] {0.5, 0.5, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Tempering.fixed(new double[] {0.5, 0.9}));
        assertThrows(IllegalArgumentException.class, () -> Tempering.fixed(new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Tempering.fixed(new double[0]));
    }

    /** Each adaptive step keeps exactly the wanted conditional ESS, or ends at λ = 1. */
    @Test
    void adaptiveStepsKeepTheConditionalEss() {
        Tempering adaptive = Tempering.adaptive(0.7);
        double[] logWeights = {0, -0.2, 0.1, 0, 0, -1, 0.3, 0};
        double lambda = 0;
        int stages = 0;
        while (lambda < 1) {
            double next = adaptive.next(lambda, LOG_TARGET, logWeights, 8);
            assertTrue(next > lambda && next <= 1);
            double cess = LogWeights.conditionalEss(logWeights, LOG_TARGET, next - lambda, 8);
            if (next < 1) {
                assertEquals(0.7 * 8, cess, 1e-9);
            } else {
                assertTrue(cess >= 0.7 * 8);
            }
            lambda = next;
            stages++;
        }
        assertTrue(stages > 1, stages + " stages");
        assertEquals(1, Tempering.adaptive(0.7).next(0.2, new double[8], logWeights, 8));
        assertThrows(IllegalArgumentException.class, () -> Tempering.adaptive(1));
        assertThrows(IllegalArgumentException.class, () -> Tempering.adaptive(Double.NaN));
    }
}
