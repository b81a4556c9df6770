package io.github.targetscore.samplers.diffusion;

import io.github.targetscore.core.noise.NoiseSchedule;

/**
 * The times t_0 &gt; t_1 &gt; ... &gt; t_N of a reverse-diffusion run, in [0, 1]: the samples
 * start from the prior at t_start = t_0 and step down to t_end = t_N. Immutable.
 *
 * <p>t_end is a parameter because samplers differ there: ending at t_end = 0 gives samples of
 * the target itself (the last Euler–Maruyama step evaluates the score at t_{N−1} &gt; 0 only),
 * while stopping short (t_end &gt; 0) leaves samples of p_{t_end}, slightly noised.
 */
public final class TimeGrid {

    /**
     * ε in the default start 1 − ε of schedules whose α vanishes at t = 1 (the VP cosine); see
     * {@link #defaultStart}.
     */
    public static final double VP_START_OFFSET = 1e-3;

    private final double[] times;

    private TimeGrid(double[] times) {
        this.times = times;
    }

    /**
     * N uniform steps from {@code start} down to {@code end}: t_k = start − k (start − end)/N,
     * with t_N = end exactly.
     *
     * @param start t_0 ∈ (end, 1]
     * @param end t_N ∈ [0, start)
     * @param steps N ≥ 1
     * @throws IllegalArgumentException if a time is outside [0, 1] or NaN, start ≤ end, or N &lt; 1
     */
    public static TimeGrid uniform(double start, double end, int steps) {
        checkTime(start, "start");
        checkTime(end, "end");
        if (!(start > end)) {
            throw new IllegalArgumentException("reverse diffusion runs backwards in time: start t = "
                    + start + " must be > end t = " + end);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("a time grid needs at least 1 step, got " + steps);
        }
        double[] times = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            times[k] = start - (start - end) * k / steps;
        }
        times[steps] = end;
        return of(times);
    }

    /**
     * N steps uniform in the log noise-to-signal ratio λ(t) = log(σ_t/α_t), from {@code start}
     * down to {@code end} (endpoints exact): small steps where the reverse dynamics are stiff,
     * near t = 1 of the VP cosine schedule (where g² grows like 1/(1 − t)) and near t = 0 of
     * both schedules (where the score grows like 1/σ²), and large steps between. For the VP
     * cosine schedule λ = log tan(πt/2); for the VE schedule λ = log σ_t. A uniform grid of the
     * same N lets the VP sampler's first step multiply y by about 1 − Δ f ≈ 1 + Δ/ε and carry
     * samples where a trained network was never fitted; this grid keeps g²Δ small there.
     * Interior times are found by bisection of the increasing λ(t).
     *
     * @throws IllegalArgumentException if α_start = 0 or σ_end = 0 (λ infinite), or as
     *     {@link #uniform}
     */
    public static TimeGrid logSnr(NoiseSchedule schedule, double start, double end, int steps) {
        uniform(start, end, steps); // the same argument checks
        double top = logRatio(schedule, start);
        double bottom = logRatio(schedule, end);
        if (!Double.isFinite(top) || !Double.isFinite(bottom)) {
            throw new IllegalArgumentException("time grid: log(σ/α) must be finite at both ends,"
                    + " got " + top + " at t = " + start + " and " + bottom + " at t = " + end
                    + " under " + schedule);
        }
        double[] times = new double[steps + 1];
        times[0] = start;
        times[steps] = end;
        for (int k = 1; k < steps; k++) {
            double target = top - (top - bottom) * k / steps;
            double low = end;
            double high = start;
            for (int i = 0; i < 100 && high - low > 1e-15; i++) {
                double middle = 0.5 * (low + high);
                if (logRatio(schedule, middle) < target) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            times[k] = 0.5 * (low + high);
        }
        return of(times);
    }

    private static double logRatio(NoiseSchedule schedule, double t) {
        return Math.log(schedule.sigma(t) / schedule.alpha(t));
    }

    /**
     * A given grid.
     *
     * @param times t_0 &gt; t_1 &gt; ... &gt; t_N in [0, 1], N ≥ 1 (copied)
     * @throws IllegalArgumentException naming the first time that is NaN, outside [0, 1] or not
     *     below its predecessor
     */
    public static TimeGrid of(double... times) {
        if (times.length < 2) {
            throw new IllegalArgumentException("a time grid needs a start and an end time, got "
                    + times.length + " time(s)");
        }
        for (int k = 0; k < times.length; k++) {
            checkTime(times[k], "t_" + k);
            if (k > 0 && !(times[k] < times[k - 1])) {
                throw new IllegalArgumentException("reverse diffusion runs backwards in time: t_"
                        + k + " = " + times[k] + " must be < t_" + (k - 1) + " = " + times[k - 1]);
            }
        }
        return new TimeGrid(times.clone());
    }

    /**
     * The default start for a schedule: 1 where α_1 &gt; 0 (VE: the prior N(0, σ_1² I) of iDEM),
     * and 1 − {@value #VP_START_OFFSET} where α_1 = 0 (the VP cosine schedule). There
     * f = d log α/dt and g² = −2f diverge like 1/(1 − t), so no step can start at t = 1. At
     * t = 1 − ε, Y = αX + σW with α ≈ πε/2 ≈ 1.6·10⁻³: Gaussian but for the αX part, whose
     * variance α²s² the prior N(0, α²s² + σ²) matches when s² is the target's variance and
     * whose higher cumulants are O(α³). |f| ≈ 1/ε there: a uniform grid whose first step Δ is
     * ≲ ε (N ≳ 1000) keeps that step stable; coarser grids still converge, because the
     * contraction of the later steps forgets the first step's error (by a factor of about
     * (α_{t_0}/α_t)² on the variance by time t), but a grid refined near t = 1 is better.
     */
    public static double defaultStart(NoiseSchedule schedule) {
        return schedule.alpha(1) > 0 ? 1 : 1 - VP_START_OFFSET;
    }

    private static void checkTime(double t, String what) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("time grid: " + what + " must be in [0, 1], got " + t);
        }
    }

    /** Number of steps N. */
    public int steps() {
        return times.length - 1;
    }

    /** t_k, k = 0 .. N. */
    public double time(int k) {
        return times[k];
    }

    /** t_0, where the prior is drawn. */
    public double start() {
        return times[0];
    }

    /** t_N, where the samples end. */
    public double end() {
        return times[times.length - 1];
    }

    @Override
    public String toString() {
        return "TimeGrid[" + start() + " → " + end() + ", " + steps() + " steps]";
    }
}
