package io.github.targetscore.core.loss;

import io.github.targetscore.core.noise.NoiseSchedule;
import java.util.List;

/**
 * A weighting λ of the regression loss ℓ(θ) = ∫ λ E‖s_θ(Y_t, t) − L(X, Y_t, t)‖² dt (MATH §3,
 * TSM eqs. 3, 19), by its config name. With α = α_t, σ = σ_t of the noise schedule and σ_data²
 * the target's per-coordinate variance (squared units of x):
 * <ul>
 * <li>{@code sigma2}: λ = σ² (the common heuristic);</li>
 * <li>{@code inverse-sigma2}: λ = 1/σ² (as TSM §4.1 lists it for Song et al.);</li>
 * <li>{@code edm-dsm}: λ = σ²(σ² + σ_data²)/σ_data² (Karras et al., unit-variance DSM loss);</li>
 * <li>{@code tsm-optimal}: λ = α²σ_data²(σ² + α²σ_data²)/σ² (TSM Appendix D);</li>
 * <li>{@code uniform}: λ = 1;</li>
 * <li>{@code estimated-optimal}: per sample, λ(y, t) = 1/tr Cov[L(X, y, t) | Y = y], the trace
 *   estimated from the same posterior draws as the regression target (heteroskedastic
 *   weighting).</li>
 * </ul>
 * λ carries the units that make λ‖s − L‖² comparable across t: σ² has squared units of x,
 * 1/σ² and 1/tr Cov[L] the inverse (a score has units 1/x).
 *
 * <p>All but {@code estimated-optimal} depend on t alone: {@link #at(NoiseSchedule, double)};
 * the per-sample one needs the estimated trace: {@link #at(NoiseSchedule, double, double)},
 * which every weighting accepts (the time-only ones ignore the trace), so a loss can pass each
 * sample's trace without knowing which weighting it has. A time-only weighting can be
 * {@linkplain #normalisedOn normalised} so that ∫ λ_t dt = 1 over [t_min, 1] (TSM §4.1), to
 * compare losses. Immutable and thread-safe.
 */
public final class Weighting {

    /**
     * The t_min of {@link #normalisedOn(NoiseSchedule)}: 1/σ_t² diverges as t → 0 (like
     * 4/(π²t²) for the cosine schedule, non-integrable, and like 1/(2t σ_min² ln(σ_max/σ_min))
     * for the geometric one), so the normalising integral runs over [10⁻³, 1], the range from
     * which training then draws t.
     */
    public static final double DEFAULT_T_MIN = 1e-3;

    /** Simpson intervals in log t: λ_t·t is smooth in log t for every weighting here. */
    private static final int QUADRATURE_INTERVALS = 1 << 14;

    private static final List<String> NAMES = List.of("sigma2", "inverse-sigma2", "edm-dsm",
            "tsm-optimal", "uniform", "estimated-optimal");

    /** λ as a function of α² and σ². */
    @FunctionalInterface
    private interface Formula {
        double at(double alpha2, double sigma2);
    }

    private final String name;
    private final Formula formula;
    private final double scale;
    private final String normalisation;

    private Weighting(String name, Formula formula, double scale, String normalisation) {
        this.name = name;
        this.formula = formula;
        this.scale = scale;
        this.normalisation = normalisation;
    }

    private static Weighting timeOnly(String name, Formula formula) {
        return new Weighting(name, formula, 1, "");
    }

    /** λ = σ_t². */
    public static Weighting sigma2() {
        return timeOnly("sigma2", (a2, s2) -> s2);
    }

    /** λ = 1/σ_t² (diverges at σ = 0). */
    public static Weighting inverseSigma2() {
        return timeOnly("inverse-sigma2", (a2, s2) -> 1 / s2);
    }

    /**
     * λ = σ_t²(σ_t² + σ_data²)/σ_data².
     *
     * @param dataVariance σ_data² &gt; 0, squared units of x
     */
    public static Weighting edmDsm(double dataVariance) {
        double d = checkDataVariance(dataVariance, "edm-dsm");
        return timeOnly("edm-dsm", (a2, s2) -> s2 * (s2 + d) / d);
    }

    /**
     * λ = α_t²σ_data²(σ_t² + α_t²σ_data²)/σ_t² (diverges at σ = 0).
     *
     * @param dataVariance σ_data² &gt; 0, squared units of x
     */
    public static Weighting tsmOptimal(double dataVariance) {
        double d = checkDataVariance(dataVariance, "tsm-optimal");
        return timeOnly("tsm-optimal", (a2, s2) -> a2 * d * (s2 + a2 * d) / s2);
    }

    /** λ = 1. */
    public static Weighting uniform() {
        return timeOnly("uniform", (a2, s2) -> 1);
    }

    /** Per sample: λ(y, t) = 1/tr Cov[L(X, y, t) | Y = y], from the estimated trace. */
    public static Weighting estimatedOptimal() {
        return new Weighting("estimated-optimal", null, 1, "");
    }

    /**
     * The weighting of a config name.
     *
     * @param name one of {@link #names()}
     * @param dataVariance σ_data² &gt; 0 for {@code edm-dsm} and {@code tsm-optimal}, ignored
     *     by the others
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     *     or a σ_data² that is not finite and &gt; 0 where it is needed
     */
    public static Weighting byName(String name, double dataVariance) {
        if (name == null) {
            throw unknown(null);
        }
        switch (name) {
            case "sigma2": return sigma2();
            case "inverse-sigma2": return inverseSigma2();
            case "edm-dsm": return edmDsm(dataVariance);
            case "tsm-optimal": return tsmOptimal(dataVariance);
            case "uniform": return uniform();
            case "estimated-optimal": return estimatedOptimal();
            default: throw unknown(name);
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown weighting '" + name + "'; known: "
                + String.join(", ", NAMES));
    }

    /** The config names, in the order of MATH §3. */
    public static List<String> names() {
        return NAMES;
    }

    /** The config name (unchanged by normalisation). */
    public String name() {
        return name;
    }

    /** Whether λ depends on the sample (through the estimated posterior trace), not on t alone. */
    public boolean perSample() {
        return formula == null;
    }

    /**
     * λ_t of a time-only weighting.
     *
     * @param schedule gives α_t and σ_t
     * @param t time in [0, 1]
     * @throws IllegalStateException for the per-sample weighting (it needs the trace)
     * @throws IllegalArgumentException where λ diverges (1/σ² at t = 0)
     */
    public double at(NoiseSchedule schedule, double t) {
        if (perSample()) {
            throw new IllegalStateException(name + " is a per-sample weighting: give the "
                    + "estimated trace tr Cov[L | y] of each sample");
        }
        return timeWeight(schedule, t);
    }

    /**
     * λ(y, t) of one sample: 1/τ for the per-sample weighting, λ_t for the others (which
     * ignore τ).
     *
     * @param schedule gives α_t and σ_t
     * @param t time in [0, 1]
     * @param posteriorTrace τ = tr Cov[L(X, y, t) | Y = y] estimated at the sample, finite and
     *     &gt; 0 (squared units of the score) for the per-sample weighting
     * @throws IllegalArgumentException where λ diverges or τ is not finite and &gt; 0
     */
    public double at(NoiseSchedule schedule, double t, double posteriorTrace) {
        if (!perSample()) {
            return timeWeight(schedule, t);
        }
        NoiseSchedule.checkTime(t);
        if (!(posteriorTrace > 0) || !Double.isFinite(posteriorTrace)) {
            throw new IllegalArgumentException(name + " weighting needs a finite posterior "
                    + "trace tr Cov[L | y] > 0, got " + posteriorTrace + " at t = " + t);
        }
        return scale / posteriorTrace;
    }

    private double timeWeight(NoiseSchedule schedule, double t) {
        double alpha = schedule.alpha(NoiseSchedule.checkTime(t));
        double variance = schedule.variance(t);
        double value = scale * formula.at(alpha * alpha, variance);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " weighting diverges at t = " + t
                    + " (α = " + alpha + ", σ² = " + variance + " on " + schedule
                    + "): draw t from [t_min, 1] with t_min > 0");
        }
        return value;
    }

    /**
     * ∫ λ_t dt over [t_min, 1], by composite Simpson's rule in log t (2¹⁴ intervals; relative
     * error below 10⁻¹⁰ for these weightings).
     *
     * @param tMin t_min ∈ (0, 1)
     * @throws IllegalStateException for the per-sample weighting, whose λ depends on the data
     */
    public double integral(NoiseSchedule schedule, double tMin) {
        if (perSample()) {
            throw new IllegalStateException(name + " is a per-sample weighting: it has no "
                    + "integral over t (normalise it over the batch instead)");
        }
        if (!(tMin > 0 && tMin < 1)) {
            throw new IllegalArgumentException("t_min must be in (0, 1), got " + tMin);
        }
        // t = e^u, dt = e^u du, u from log t_min to 0
        double from = Math.log(tMin);
        double h = -from / QUADRATURE_INTERVALS;
        double sum = 0;
        for (int k = 0; k <= QUADRATURE_INTERVALS; k++) {
            double t = k == QUADRATURE_INTERVALS ? 1 : Math.exp(from + k * h);
            double weight = k == 0 || k == QUADRATURE_INTERVALS ? 1 : k % 2 == 1 ? 4 : 2;
            sum += weight * timeWeight(schedule, t) * t;
        }
        return sum * h / 3;
    }

    /** {@link #normalisedOn(NoiseSchedule, double)} with t_min = {@link #DEFAULT_T_MIN}. */
    public Weighting normalisedOn(NoiseSchedule schedule) {
        return normalisedOn(schedule, DEFAULT_T_MIN);
    }

    /**
     * This weighting divided by its {@link #integral integral}, so that ∫ λ_t dt = 1 over
     * [t_min, 1] on {@code schedule} (TSM §4.1).
     *
     * @param tMin t_min ∈ (0, 1)
     * @throws IllegalStateException for the per-sample weighting
     */
    public Weighting normalisedOn(NoiseSchedule schedule, double tMin) {
        double integral = integral(schedule, tMin);
        return new Weighting(name, formula, scale / integral, " normalised on " + schedule
                + " over [" + tMin + ", 1]");
    }

    private static double checkDataVariance(double dataVariance, String name) {
        if (!(dataVariance > 0) || !Double.isFinite(dataVariance)) {
            throw new IllegalArgumentException(name + " weighting needs σ_data² finite and > 0,"
                    + " got " + dataVariance);
        }
        return dataVariance;
    }

    @Override
    public String toString() {
        return name + normalisation;
    }
}
