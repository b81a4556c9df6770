package io.github.targetscore.samplers.estimator;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.noise.NoiseSchedule;
import java.util.Map;

/**
 * The Gaussian target p_X = N(0, s² I) in d dimensions and its closed forms under
 * Y = αX + σW (MATH §2 "Exact checks", TSM Appendix C), with v = α²s² + σ²:
 * ∇log p_Y(y) = −y/v, p(x|y) = N(αs²y/v, (s²σ²/v) I), and for the κ-mixture integrand
 * L = κ(αx − y)/σ² − (1 − κ)x/(αs²), linear in x with slope c = κα/σ² − (1 − κ)/(αs²),
 * Σ_i Var[L_i | y] = d c² s²σ²/v.
 */
final class GaussianTarget {

    static final EnergyRegistry REGISTRY = EnergyRegistry.load();

    final int d;
    final double s2;
    final double alpha;
    final double sigma;
    final double v;
    final double[] y;

    /** The target at time t of a schedule, observed at a typical y (|y_i| ≈ √v). */
    GaussianTarget(int d, double s2, NoiseSchedule schedule, double t) {
        this.d = d;
        this.s2 = s2;
        this.alpha = schedule.alpha(t);
        this.sigma = schedule.sigma(t);
        this.v = alpha * alpha * s2 + sigma * sigma;
        this.y = new double[d];
        for (int j = 0; j < d; j++) {
            y[j] = Math.sqrt(v) * Math.sin(1.7 * j + 0.3);
        }
    }

    /** VP cosine ("vp") or VE geometric with σ_min = 0.01, σ_max = 3 ("ve"). */
    static NoiseSchedule schedule(String name) {
        return name.equals("vp") ? NoiseSchedule.cosine() : NoiseSchedule.geometric(0.01, 3);
    }

    /** p_X = N(0, s² I) as a one-component Gaussian mixture (normalised, exact posterior). */
    BoltzmannDensity density() {
        return BoltzmannDensity.of(REGISTRY.create("gaussian-mixture",
                Map.of("means", new double[1][d], "variance", s2)), 1);
    }

    /** ∇log p_Y(y)_j = −y_j/v. */
    double score(int j) {
        return -y[j] / v;
    }

    /** Σ_i Var[L_i | y] of the κ-mixture integrand. */
    double integrandVariance(double kappa) {
        double slope = kappa * alpha / (sigma * sigma) - (1 - kappa) / (alpha * s2);
        return d * slope * slope * s2 * sigma * sigma / v;
    }

    /** Σ_i Var[DSI_i | y] = dα²s²/(σ²v), as MATH §2 prints it. */
    double dsiVariance() {
        return d * alpha * alpha * s2 / (sigma * sigma * v);
    }

    /** Σ_i Var[TSI_i | y] = dσ²/(α²s²v), as MATH §2 prints it. */
    double tsiVariance() {
        return d * sigma * sigma / (alpha * alpha * s2 * v);
    }

    /**
     * The large-K limit of Kish's ESS fraction of SNIS with proposal q = N(y/α, (σ/α)² I) and
     * weights w ∝ N(x; 0, s²I):
     * E_q[w]²/E_q[w²] = Π_j N(m_j; 0, s² + τ²)² 2s√π / N(m_j; 0, s²/2 + τ²), m = y/α, τ = σ/α.
     */
    double importanceEssFraction() {
        double tau2 = sigma * sigma / (alpha * alpha);
        double log = 0;
        for (int j = 0; j < d; j++) {
            double m = y[j] / alpha;
            log += 2 * logNormal(m, s2 + tau2) + Math.log(2 * Math.sqrt(Math.PI * s2))
                    - logNormal(m, s2 / 2 + tau2);
        }
        return Math.exp(log);
    }

    private static double logNormal(double x, double variance) {
        return -0.5 * (x * x / variance + Math.log(2 * Math.PI * variance));
    }

    @Override
    public String toString() {
        return "N(0, " + s2 + " I_" + d + ") at α = " + alpha + ", σ = " + sigma;
    }
}
