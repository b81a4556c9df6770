package io.github.targetscore.core.noise;

/**
 * A Gaussian noising schedule Y_t = α_t X + σ_t W, W ~ N(0, I), for t ∈ [0, 1] (MATH §1).
 *
 * <p>It is the marginal of the forward diffusion dX_t = f(t) X_t dt + g(t) dB_t with drift
 * coefficient f = d log α_t / dt and diffusion coefficient g with g² = dσ_t²/dt − 2 f σ_t²;
 * the reverse-time SDE and the probability-flow ODE are written with f and g. Implementations
 * are immutable.
 */
public interface NoiseSchedule {

    /** Signal scale α_t (dimensionless). */
    double alpha(double t);

    /** Noise standard deviation σ_t, in the units of x. */
    double sigma(double t);

    /** Noise variance h(t) = σ_t², in squared units of x. */
    default double variance(double t) {
        double s = sigma(t);
        return s * s;
    }

    /** Drift coefficient f(t) = d log α_t / dt, per unit time. */
    double drift(double t);

    /** Diffusion coefficient g(t) = √(dσ_t²/dt − 2 f(t) σ_t²). */
    double diffusion(double t);

    /** Whether α_t² + σ_t² = 1 for all t (variance preserving, VP). */
    boolean variancePreserving();

    /** The VP cosine schedule of the TSM paper: α_t = cos(πt/2), σ_t = sin(πt/2). */
    static NoiseSchedule cosine() {
        return CosineSchedule.INSTANCE;
    }

    /**
     * iDEM's variance-exploding geometric schedule: α_t = 1,
     * σ_t² = h(t) = σ_min² [(σ_max/σ_min)^{2t} − 1].
     *
     * @param sigmaMin σ_min &gt; 0
     * @param sigmaMax σ_max &gt; σ_min
     */
    static NoiseSchedule geometric(double sigmaMin, double sigmaMax) {
        return GeometricSchedule.of(sigmaMin, sigmaMax);
    }

    /** Checks that t ∈ [0, 1]. */
    static double checkTime(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("time t must be in [0, 1], got " + t);
        }
        return t;
    }
}
