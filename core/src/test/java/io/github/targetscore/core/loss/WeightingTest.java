package io.github.targetscore.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.noise.NoiseSchedule;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class WeightingTest {

    private static final NoiseSchedule COSINE = NoiseSchedule.cosine();
    private static final double SIGMA_MIN = 0.5;
    private static final double SIGMA_MAX = 2;
    private static final NoiseSchedule GEOMETRIC = NoiseSchedule.geometric(SIGMA_MIN, SIGMA_MAX);

    private static void assertWeights(NoiseSchedule schedule, double t, double dataVariance,
            double... expected) {
        List<String> names = List.of("sigma2", "inverse-sigma2", "edm-dsm", "tsm-optimal",
                "uniform");
        for (int i = 0; i < names.size(); i++) {
            Weighting w = Weighting.byName(names.get(i), dataVariance);
            assertEquals(names.get(i), w.name());
            assertFalse(w.perSample());
            double value = w.at(schedule, t);
            assertEquals(expected[i], value, 1e-14 * expected[i], w + " at t = " + t);
            assertEquals(value, w.at(schedule, t, 123.0), "a time-only weighting ignores τ");
        }
    }

    /** Values worked out by hand from MATH §3 (sigma2, inverse, edm, tsm, uniform). */
    @Test
    void valuesFollowTheFormulas() {
        // cosine, t = 1/2: α² = σ² = 1/2; σ_data² = 1/2
        assertWeights(COSINE, 0.5, 0.5, 0.5, 2, 1, 0.375, 1);
        // cosine, t = 1/3: α² = 3/4, σ² = 1/4; σ_data² = 2
        // edm = ¼·(¼ + 2)/2 = 0.28125, tsm = ¾·2·(¼ + 3/2)/¼ = 10.5
        assertWeights(COSINE, 1.0 / 3, 2, 0.25, 4, 0.28125, 10.5, 1);
        // geometric (σ_min = ½, σ_max = 2), t = ½: σ² = ¼·(4 − 1) = ¾, α = 1; σ_data² = 1
        // edm = ¾·(7/4) = 21/16, tsm = (¾ + 1)/¾ = 7/3
        assertWeights(GEOMETRIC, 0.5, 1, 0.75, 4.0 / 3, 21.0 / 16, 7.0 / 3, 1);
    }

    @Test
    void estimatedOptimalIsPerSample() {
        Weighting w = Weighting.byName("estimated-optimal", Double.NaN);
        assertTrue(w.perSample());
        assertEquals(0.25, w.at(COSINE, 0.3, 4));
        assertEquals(1 / 0.02, w.at(GEOMETRIC, 0.9, 0.02), 1e-12);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> w.at(COSINE, 0.3));
        assertTrue(e.getMessage().contains("per-sample weighting"), e.getMessage());
        for (double trace : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> w.at(COSINE, 0.3, trace));
            assertTrue(bad.getMessage().contains("posterior trace"), bad.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> w.normalisedOn(COSINE));
    }

    @Test
    void namesAreTheConfigNames() {
        assertEquals(List.of("sigma2", "inverse-sigma2", "edm-dsm", "tsm-optimal", "uniform",
                "estimated-optimal"), Weighting.names());
        for (String name : Weighting.names()) {
            assertEquals(name, Weighting.byName(name, 1).name());
        }
        for (String name : new String[] {"sigma", "Sigma2", "", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Weighting.byName(name, 1));
            assertEquals("unknown weighting '" + name + "'; known: sigma2, inverse-sigma2, "
                    + "edm-dsm, tsm-optimal, uniform, estimated-optimal", e.getMessage());
        }
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            for (String name : new String[] {"edm-dsm", "tsm-optimal"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Weighting.byName(name, bad));
                assertTrue(e.getMessage().startsWith(name + " weighting needs σ_data²"),
                        e.getMessage());
            }
        }
        assertEquals(1, Weighting.byName("uniform", Double.NaN).at(COSINE, 0.2),
                "σ_data² is not needed by uniform");
    }

    @Test
    void divergenceAtZeroNoiseFailsFast() {
        for (Weighting w : new Weighting[] {Weighting.inverseSigma2(), Weighting.tsmOptimal(1)}) {
            for (NoiseSchedule schedule : new NoiseSchedule[] {COSINE, GEOMETRIC}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> w.at(schedule, 0));
                assertTrue(e.getMessage().contains("diverges at t = 0.0"), e.getMessage());
            }
        }
        assertEquals(0, Weighting.sigma2().at(COSINE, 0));
        assertEquals(0, Weighting.tsmOptimal(1).at(COSINE, 1), 1e-30, "α = 0 at t = 1");
        assertThrows(IllegalArgumentException.class, () -> Weighting.uniform().at(COSINE, 1.5));
    }

    /** ∫ λ_t dt over [t_min, 1] in closed form. */
    private static void assertIntegral(Weighting w, NoiseSchedule schedule, double tMin,
            double exact) {
        assertEquals(exact, w.integral(schedule, tMin), 1e-10 * exact,
                w + " on " + schedule + " from " + tMin);
        Weighting normalised = w.normalisedOn(schedule, tMin);
        assertEquals(1, normalised.integral(schedule, tMin), 1e-12, "normalised " + w);
        for (double t : new double[] {0.01, 0.3, 0.8}) {
            assertEquals(w.at(schedule, t) / exact, normalised.at(schedule, t),
                    1e-10 * normalised.at(schedule, t));
        }
        assertEquals(w.name(), normalised.name());
        assertEquals(w + " normalised on " + schedule + " over [" + tMin + ", 1]",
                normalised.toString());
    }

    /** F(1) − F(t_min). */
    private static double between(DoubleUnaryOperator antiderivative, double tMin) {
        return antiderivative.applyAsDouble(1) - antiderivative.applyAsDouble(tMin);
    }

    @Test
    void normalisationIntegratesToOne() {
        double d = 0.7;
        for (double tMin : new double[] {Weighting.DEFAULT_T_MIN, 1e-5, 0.2}) {
            // cosine: ∫ sin²(πt/2) = t/2 − sin(πt)/(2π), ∫ 1/sin²(πt/2) = −(2/π) cot(πt/2)
            double sin2 = between(t -> t / 2 - Math.sin(Math.PI * t) / (2 * Math.PI), tMin);
            double inverseSin2 = 2 / Math.PI / Math.tan(Math.PI * tMin / 2);
            double cos2 = 1 - tMin - sin2;
            assertIntegral(Weighting.uniform(), COSINE, tMin, 1 - tMin);
            assertIntegral(Weighting.sigma2(), COSINE, tMin, sin2);
            assertIntegral(Weighting.inverseSigma2(), COSINE, tMin, inverseSin2);
            // sin⁴ = 3/8 − cos(πt)/2 + cos(2πt)/8; edm: (σ⁴ + σ²d)/d; tsm: d cos² + d² cos⁴/sin² = d cos² + d² (1/sin² − 2 + sin²)
            double sin4 = between(t -> 3 * t / 8 - Math.sin(Math.PI * t) / (2 * Math.PI)
                    + Math.sin(2 * Math.PI * t) / (16 * Math.PI), tMin);
            assertIntegral(Weighting.edmDsm(d), COSINE, tMin, (sin4 + d * sin2) / d);
            assertIntegral(Weighting.tsmOptimal(d), COSINE, tMin,
                    d * cos2 + d * d * (inverseSin2 - 2 * (1 - tMin) + sin2));
            // geometric: σ² = σ_min²(r^{2t} − 1), r = σ_max/σ_min, L = ln r
            double r = SIGMA_MAX / SIGMA_MIN;
            double logR = Math.log(r);
            double m2 = SIGMA_MIN * SIGMA_MIN;
            double variance = m2 * between(t -> Math.pow(r, 2 * t) / (2 * logR) - t, tMin);
            double squaredVariance = m2 * m2 * between(t -> Math.pow(r, 4 * t) / (4 * logR)
                    - Math.pow(r, 2 * t) / logR + t, tMin);
            double inverse = between(t -> Math.log(1 - Math.pow(r, -2 * t)), tMin)
                    / (2 * logR * m2);
            assertIntegral(Weighting.sigma2(), GEOMETRIC, tMin, variance);
            assertIntegral(Weighting.inverseSigma2(), GEOMETRIC, tMin, inverse);
            assertIntegral(Weighting.edmDsm(d), GEOMETRIC, tMin, (squaredVariance + d * variance) / d);
            assertIntegral(Weighting.tsmOptimal(d), GEOMETRIC, tMin, d * (1 - tMin) + d * d * inverse);
        }
        Weighting sigma2 = Weighting.sigma2();
        assertEquals(sigma2.normalisedOn(COSINE, Weighting.DEFAULT_T_MIN).at(COSINE, 0.4),
                sigma2.normalisedOn(COSINE).at(COSINE, 0.4));
        for (double bad : new double[] {0, 1, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sigma2.normalisedOn(COSINE, bad));
            assertTrue(e.getMessage().contains("t_min must be in (0, 1)"), e.getMessage());
        }
    }
}
