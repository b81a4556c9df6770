package io.github.targetscore.core.loss;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.noise.NoiseSchedule;

/**
 * The preconditioned score parameterisation for TSM (MATH §3, TSM Appendix D, additive model
 * Y = αX + σW, σ_tar = σ_data):
 * <pre>
 *   s_θ(y) = c_out F_θ(c_in y, t) + c_skip y,
 *   c_in = 1/√(σ² + α²σ_tar²),   c_skip = −1/(σ² + α²σ_tar²),
 *   c_out = −σ / (α σ_tar √(σ² + α²σ_tar²)),
 * </pre>
 * the coefficients at one noise level (α, σ). c_in makes the network's input of unit variance
 * when X has per-coordinate variance σ_tar² (units 1/x); c_skip y is the exact score
 * −y/(α²σ_tar² + σ²) of the noised Gaussian target N(0, σ_tar² I), so with F_θ = 0 the
 * parameterisation is exact for that target (units of c_skip: 1/x²); c_out scales the network's
 * unit-order output F_θ to the score's units (1/x). (Appendix D's last displayed formula
 * multiplies the skip term by α² inside −1/α, consistent only for α = 1; this is the c_skip
 * that gives the Gaussian score for every α.) Immutable.
 */
public final class Preconditioning {

    private final double alpha;
    private final double sigma;
    private final double targetScale;
    private final double cIn;
    private final double cSkip;
    private final double cOut;

    private Preconditioning(double alpha, double sigma, double targetScale) {
        this.alpha = alpha;
        this.sigma = sigma;
        this.targetScale = targetScale;
        double total = sigma * sigma + alpha * alpha * targetScale * targetScale;
        double root = Math.sqrt(total);
        this.cIn = 1 / root;
        this.cSkip = -1 / total;
        this.cOut = -sigma / (alpha * targetScale * root);
    }

    /**
     * The coefficients at noise level (α, σ).
     *
     * @param alpha α &gt; 0 (c_out diverges at α = 0, the VP schedule's t = 1)
     * @param sigma σ ≥ 0, units of x
     * @param targetScale σ_tar = σ_data &gt; 0, units of x
     * @throws IllegalArgumentException naming the value out of range
     */
    public static Preconditioning of(double alpha, double sigma, double targetScale) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("preconditioning needs α finite and > 0 (c_out "
                    + "diverges at α = 0), got " + alpha);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("preconditioning needs σ finite and >= 0, got "
                    + sigma);
        }
        if (!(targetScale > 0) || !Double.isFinite(targetScale)) {
            throw new IllegalArgumentException("preconditioning needs σ_tar finite and > 0, got "
                    + targetScale);
        }
        return new Preconditioning(alpha, sigma, targetScale);
    }

    /**
     * The coefficients at time t of {@code schedule}.
     *
     * @param t time in [0, 1] with α_t &gt; 0
     * @param targetScale σ_tar = σ_data &gt; 0, units of x
     */
    public static Preconditioning at(NoiseSchedule schedule, double t, double targetScale) {
        return of(schedule.alpha(NoiseSchedule.checkTime(t)), schedule.sigma(t), targetScale);
    }

    /** α. */
    public double alpha() {
        return alpha;
    }

    /** σ. */
    public double sigma() {
        return sigma;
    }

    /** σ_tar. */
    public double targetScale() {
        return targetScale;
    }

    /** c_in = 1/√(σ² + α²σ_tar²), units 1/x. */
    public double cIn() {
        return cIn;
    }

    /** c_skip = −1/(σ² + α²σ_tar²), units 1/x². */
    public double cSkip() {
        return cSkip;
    }

    /** c_out = −σ / (α σ_tar √(σ² + α²σ_tar²)), units 1/x. */
    public double cOut() {
        return cOut;
    }

    /**
     * The network's input c_in·y.
     *
     * @param y the noisy point (any length)
     * @param out receives c_in y; may be {@code y}
     */
    public void networkInput(double[] y, double[] out) {
        Batches.checkLength(out, y.length, "preconditioning: the network input buffer");
        for (int i = 0; i < y.length; i++) {
            out[i] = cIn * y[i];
        }
    }

    /**
     * The score s(y) = c_out·F + c_skip·y from the network's output F = F_θ(c_in y, t).
     *
     * @param y the noisy point
     * @param networkOutput F, as long as y
     * @param out receives the score; may be {@code y} or {@code networkOutput}
     */
    public void score(double[] y, double[] networkOutput, double[] out) {
        Batches.checkLength(networkOutput, y.length, "preconditioning: the network output");
        Batches.checkLength(out, y.length, "preconditioning: the score buffer");
        for (int i = 0; i < y.length; i++) {
            out[i] = cOut * networkOutput[i] + cSkip * y[i];
        }
    }

    @Override
    public String toString() {
        return "Preconditioning[α=" + alpha + ", σ=" + sigma + ", σ_tar=" + targetScale
                + ", c_in=" + cIn + ", c_skip=" + cSkip + ", c_out=" + cOut + "]";
    }
}
