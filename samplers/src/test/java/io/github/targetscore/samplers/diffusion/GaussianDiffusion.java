package io.github.targetscore.samplers.diffusion;

import io.github.targetscore.core.noise.NoiseSchedule;
import java.util.function.DoubleUnaryOperator;

/**
 * The Gaussian target N(0, s² I) under a schedule: its exact noised score
 * s(y, t) = −y/V_t, V_t = α_t² s² + σ_t² (MATH §2), optionally plus a constant c in every
 * component (a score with a centre-of-mass part, which mean-free runs must remove), and the
 * exact per-coordinate variance of the discretised chains it drives.
 *
 * <p>With this score every scheme is linear in y, so a Gaussian prior stays Gaussian with mean
 * 0 and the variance follows a recursion that the test derives here from the update rules of
 * {@link Scheme} (Δ = t_k − t_{k+1}, f, g at t_k, c_k = f_k + g_k²/(2V_k)):
 * <ul>
 * <li>Euler–Maruyama: v ← (1 − Δ(f + g²/V))² v + g²Δ + Δ²g⁴ e_k, where e_k is the variance of
 *     the score's own noise (0 for the exact score; independent of y and of the Brownian
 *     increment for an exact-posterior Monte Carlo estimate);
 * <li>ODE Euler: v ← (1 − Δ c_k)² v;
 * <li>ODE Heun: v ← (1 − ½Δ(c_k + c_{k+1}(1 − Δc_k)))² v, and (1 − Δc_k)² v on a last step
 *     ending at σ = 0.
 * </ul>
 * Comparing sample variances with this v_N tests the integrators exactly; v_N − s² is the
 * discretisation bias of the grid.
 */
final class GaussianDiffusion implements ScoreFunction {

    private final int dimension;
    private final double s2;
    private final NoiseSchedule schedule;
    private final double offset;

    GaussianDiffusion(int dimension, double s2, NoiseSchedule schedule, double offset) {
        this.dimension = dimension;
        this.s2 = s2;
        this.schedule = schedule;
        this.offset = offset;
    }

    /** VP cosine ("vp") or VE geometric with σ_min = 0.01, σ_max = 3 ("ve"). */
    static NoiseSchedule schedule(String name) {
        return name.equals("vp") ? NoiseSchedule.cosine() : NoiseSchedule.geometric(0.01, 3);
    }

    /** V_t = α_t² s² + σ_t², the variance of p_t per coordinate. */
    double noisedVariance(double t) {
        double alpha = schedule.alpha(t);
        return alpha * alpha * s2 + schedule.variance(t);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void score(double[] ys, int start, int count, double t, double[] out) {
        double inverse = 1 / noisedVariance(t);
        for (int i = start * dimension; i < (start + count) * dimension; i++) {
            out[i] = -ys[i] * inverse + offset;
        }
    }

    /**
     * The per-coordinate variance v_N of the chain after the grid, from v_0 = {@code prior}.
     *
     * @param scoreNoise e(t): the variance per component of the score's noise at t
     */
    double discretisedVariance(Scheme scheme, TimeGrid grid, double prior,
            DoubleUnaryOperator scoreNoise) {
        double v = prior;
        for (int k = 0; k < grid.steps(); k++) {
            double t = grid.time(k);
            double next = grid.time(k + 1);
            double dt = t - next;
            double f = schedule.drift(t);
            double g2 = Math.pow(schedule.diffusion(t), 2);
            double c = f + g2 / (2 * noisedVariance(t));
            switch (scheme) {
                case EULER_MARUYAMA:
                    double a = 1 - dt * (f + g2 / noisedVariance(t));
                    v = a * a * v + g2 * dt + dt * dt * g2 * g2 * scoreNoise.applyAsDouble(t);
                    break;
                case PROBABILITY_FLOW_EULER:
                    v *= (1 - dt * c) * (1 - dt * c);
                    break;
                default:
                    double predictor = 1 - dt * c;
                    double b = predictor;
                    if (schedule.sigma(next) > 0) {
                        double c1 = schedule.drift(next)
                                + Math.pow(schedule.diffusion(next), 2) / (2 * noisedVariance(next));
                        b = 1 - 0.5 * dt * (c + c1 * predictor);
                    }
                    v *= b * b;
            }
        }
        return v;
    }

    /** (1/n) Σ_i samples[i d + j]: the sample mean of coordinate j. */
    static double mean(double[] samples, int d, int j) {
        int n = samples.length / d;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += samples[i * d + j];
        }
        return sum / n;
    }

    /** The mean of y² over all coordinates of all samples. */
    static double meanSquare(double[] samples) {
        double sum = 0;
        for (double y : samples) {
            sum += y * y;
        }
        return sum / samples.length;
    }

    @Override
    public String toString() {
        return "N(0, " + s2 + " I_" + dimension + ") score under " + schedule
                + (offset == 0 ? "" : " + " + offset);
    }
}
