package io.github.targetscore.core.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    private static final double H = 1e-6;

    /** f = d log α/dt and g² = dσ²/dt − 2fσ², by central differences. */
    private static void checkSdeCoefficients(NoiseSchedule s, double t) {
        double dLogAlpha = (Math.log(s.alpha(t + H)) - Math.log(s.alpha(t - H))) / (2 * H);
        double dVariance = (s.variance(t + H) - s.variance(t - H)) / (2 * H);
        assertEquals(dLogAlpha, s.drift(t), 1e-6 * Math.max(1, Math.abs(dLogAlpha)), "f at t=" + t);
        double g2 = dVariance - 2 * s.drift(t) * s.variance(t);
        assertEquals(g2, s.diffusion(t) * s.diffusion(t), 1e-6 * Math.max(1, g2), "g² at t=" + t);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.2, 0.5, 0.8, 0.97})
    void cosineScheduleIsVariancePreservingWithConsistentSde(double t) {
        NoiseSchedule s = NoiseSchedule.cosine();
        assertEquals(1, s.alpha(t) * s.alpha(t) + s.sigma(t) * s.sigma(t), 1e-15);
        assertEquals(Math.cos(Math.PI * t / 2), s.alpha(t), 1e-15);
        assertTrue(s.variancePreserving());
        checkSdeCoefficients(s, t);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.2, 0.5, 0.8, 0.99})
    void geometricScheduleFollowsIdem(double t) {
        double min = 1e-2;
        double max = 2;
        NoiseSchedule s = NoiseSchedule.geometric(min, max);
        assertEquals(1, s.alpha(t));
        assertEquals(min * min * (Math.pow(max / min, 2 * t) - 1), s.variance(t), 1e-12);
        double g = min * Math.pow(max / min, t) * Math.sqrt(2 * Math.log(max / min));
        assertEquals(g, s.diffusion(t), 1e-12 * g);
        assertFalse(s.variancePreserving());
        checkSdeCoefficients(s, t);
    }

    @Test
    void endpoints() {
        NoiseSchedule cosine = NoiseSchedule.cosine();
        assertEquals(1, cosine.alpha(0));
        assertEquals(0, cosine.sigma(0));
        assertEquals(1, cosine.sigma(1), 1e-15);
        assertEquals(0, cosine.alpha(1));
        NoiseSchedule geometric = NoiseSchedule.geometric(1e-5, 3);
        assertEquals(0, geometric.sigma(0));
        assertEquals(Math.sqrt(9 - 1e-10), geometric.sigma(1), 1e-12);
        // near t = 0, h(t) ≈ 2 t σ_min² ln(σ_max/σ_min): expm1 keeps it exact
        double t = 1e-12;
        assertEquals(2 * t * 1e-10 * Math.log(3e5), geometric.variance(t), 1e-6 * geometric.variance(t));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.geometric(0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.geometric(2, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.geometric(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.cosine().alpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.cosine().sigma(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.geometric(1, 2).variance(-0.1));
    }
}
