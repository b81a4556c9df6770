package io.github.targetscore.core.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreIdentityTest {

    @Test
    void weightsOnDsi() {
        assertEquals(1, ScoreIdentity.dsi().dsiWeight(0.8, 0.6));
        assertEquals(0, ScoreIdentity.tsi().dsiWeight(0.8, 0.6));
        // κ_t = σ²/(σ² + α²σ_data²)
        assertEquals(0.36 / (0.36 + 0.64 * 2), ScoreIdentity.kappa(2).dsiWeight(0.8, 0.6), 1e-15);
        assertEquals(0.36 / (0.36 + 0.64 * 0.01), ScoreIdentity.kappaBar(0.01).dsiWeight(0.8, 0.6), 1e-15);
        assertEquals(0.36, ScoreIdentity.phillips().dsiWeight(0.8, 0.6), 1e-15);
        assertEquals(0.25, ScoreIdentity.mixture("quarter", (a, s) -> 0.25).dsiWeight(1, 1));
        assertEquals("kappa-bar", ScoreIdentity.kappaBar(1).name());
    }

    @Test
    void undefinedTermsAndBadWeightsAreErrors() {
        IllegalArgumentException notVp = assertThrows(IllegalArgumentException.class,
                () -> ScoreIdentity.phillips().dsiWeight(1, 0.5));
        assertTrue(notVp.getMessage().contains("variance-preserving"), notVp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoreIdentity.dsi().dsiWeight(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoreIdentity.tsi().dsiWeight(0, 1));
        assertEquals(1, ScoreIdentity.kappa(1).dsiWeight(0, 1));
        assertEquals(0, ScoreIdentity.kappa(1).dsiWeight(1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreIdentity.mixture("bad", (a, s) -> 1.5).dsiWeight(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreIdentity.mixture("nan", (a, s) -> Double.NaN).dsiWeight(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ScoreIdentity.kappa(0));
        assertThrows(IllegalArgumentException.class, () -> ScoreIdentity.kappaBar(Double.NaN));
    }

    /** L = κ(αx − y)/σ² + (1 − κ)∇log p_X(x)/α, at offsets. */
    @Test
    void integrandMixesBothTerms() {
        double[] x = {9, 1, 2};
        double[] score = {-1, -2};
        double[] y = {0, 0.5, 1.0};
        double alpha = 0.5;
        double sigma = 0.25;
        double[] out = new double[3];
        ScoreIdentity.integrand(2, x, 1, score, 0, y, 1, alpha, sigma, 0.25, out, 1);
        double dsi0 = (0.5 * 1 - 0.5) / 0.0625;
        double dsi1 = (0.5 * 2 - 1.0) / 0.0625;
        assertArrayEquals(new double[] {0, 0.25 * dsi0 + 0.75 * (-1 / 0.5),
            0.25 * dsi1 + 0.75 * (-2 / 0.5)}, out, 1e-14);
        // pure DSI at α = 0 and pure TSI at σ = 0 do not touch the undefined term
        ScoreIdentity.integrand(2, x, 1, score, 0, y, 1, 0, sigma, 1, out, 0);
        assertArrayEquals(new double[] {-0.5 / 0.0625, -1 / 0.0625}, new double[] {out[0], out[1]}, 1e-14);
        ScoreIdentity.integrand(2, x, 1, score, 0, y, 1, alpha, 0, 0, out, 0);
        assertArrayEquals(new double[] {-2, -4}, new double[] {out[0], out[1]}, 1e-14);
    }
}
