package io.github.targetscore.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The integrands against the paper's formulas (TSM eq. 9, Appendix C), at VP cosine times. */
class ScoreIdentityFormulasTest {

    private static final int D = 3;
    private static final double[] Y = {0.5, -1.25, 2.0};
    private static final double[][] XS = {{0, 0, 0}, {1.5, -0.5, 0.25}, {-3, 2, 7}};

    private static double[] integrand(ScoreIdentity identity, double[] x, double[] targetScore,
            double alpha, double sigma) {
        double[] out = new double[D];
        ScoreIdentity.integrand(D, x, 0, targetScore, 0, Y, 0, alpha, sigma,
                identity.dsiWeight(alpha, sigma), out, 0);
        return out;
    }

    /** Phillips et al.: L = α(x + ∇log p_X(x)) − y when α² + σ² = 1. */
    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.3, 0.5, 0.7, 0.98})
    void phillipsIsTsmEquationNine(double t) {
        double alpha = Math.cos(Math.PI * t / 2);
        double sigma = Math.sin(Math.PI * t / 2);
        double[] score = {-0.75, 0.5, 3};
        for (double[] x : XS) {
            double[] l = integrand(ScoreIdentity.phillips(), x, score, alpha, sigma);
            for (int i = 0; i < D; i++) {
                double expected = alpha * (x[i] + score[i]) - Y[i];
                assertEquals(expected, l[i], 1e-12 * (1 + Math.abs(expected) / (sigma * sigma)),
                        "t = " + t + ", component " + i);
            }
        }
    }

    /**
     * For p_X = N(0, s²I), ∇log p_X(x) = −x/s² and the κ_t integrand is the constant
     * −y/(α²s² + σ²), the exact noised score, whatever x (TSM Appendix C): zero variance.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.3, 0.5, 0.7, 0.98})
    void kappaIntegrandOfAGaussianIsTheExactScore(double t) {
        double alpha = Math.cos(Math.PI * t / 2);
        double sigma = Math.sin(Math.PI * t / 2);
        double s2 = 2.5;
        double v = alpha * alpha * s2 + sigma * sigma;
        ScoreIdentity kappa = ScoreIdentity.kappa(s2);
        for (double[] x : XS) {
            double[] score = new double[D];
            for (int i = 0; i < D; i++) {
                score[i] = -x[i] / s2;
            }
            double[] l = integrand(kappa, x, score, alpha, sigma);
            for (int i = 0; i < D; i++) {
                double scale = Math.abs(x[i]) * (alpha / (sigma * sigma) + 1 / (alpha * s2)) + 1;
                assertEquals(-Y[i] / v, l[i], 1e-13 * scale, "t = " + t + ", component " + i);
            }
        }
    }
}
