package io.github.targetscore.samplers.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogWeightsTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void logSumExpSkipsZeroWeightsAndDoesNotOverflow() {
        assertEquals(Math.log(3), LogWeights.logSumExp(new double[] {0, Math.log(2), NEG_INF}, 3),
                1e-15);
        assertEquals(NEG_INF, LogWeights.logSumExp(new double[] {NEG_INF, NEG_INF}, 2));
        assertEquals(1000 + Math.log(2), LogWeights.logSumExp(new double[] {1000, 1000, 7}, 2),
                1e-12);
        // base + factor · increment, with −∞ increments contributing 0 for factor > 0
        double[] base = {0, 1};
        double[] increment = {2, NEG_INF};
        assertEquals(1.5 * 2, LogWeights.logSumExp(base, increment, 1.5, 2), 1e-15);
        assertEquals(Math.log(1 + Math.E), LogWeights.logSumExp(base, increment, 0, 2), 1e-15);
    }

    @Test
    void kishEssIsTheSquaredSumOverTheSumOfSquares() {
        assertEquals(5, LogWeights.kishEss(new double[] {3, 3, 3, 3, 3}, 5), 1e-12);
        assertEquals(16.0 / 10, LogWeights.kishEss(new double[] {0, Math.log(3)}, 2), 1e-14);
        assertEquals(1, LogWeights.kishEss(new double[] {-5, NEG_INF, NEG_INF}, 3), 1e-15);
        assertThrows(IllegalStateException.class,
                () -> LogWeights.kishEss(new double[] {NEG_INF, NEG_INF}, 2));
    }

    /** n (Σ W u)² / Σ W u², W ∝ exp(logW), u = exp(δ ℓ), against a direct evaluation. */
    @Test
    void conditionalEssMatchesItsDefinition() {
        double[] logWeights = {-0.3, 0.2, -1.5, 0.7, 0};
        double[] increment = {-2.0, -0.5, -7.0, -1.0, -3.0};
        double delta = 0.4;
        double total = 0;
        for (double lw : logWeights) {
            total += Math.exp(lw);
        }
        double first = 0;
        double second = 0;
        for (int k = 0; k < 5; k++) {
            double w = Math.exp(logWeights[k]) / total;
            double u = Math.exp(delta * increment[k]);
            first += w * u;
            second += w * u * u;
        }
        assertEquals(5 * first * first / second,
                LogWeights.conditionalEss(logWeights, increment, delta, 5), 1e-12);
        double[] constant = {-2, -2, -2, -2, -2};
        assertEquals(5, LogWeights.conditionalEss(logWeights, constant, 3, 5), 1e-12);
    }
}
