package io.github.targetscore.core.identity;

import java.util.Objects;

/**
 * A score identity for the additive noise model Y = αX + σW, W ~ N(0, I) (MATH §2): an
 * integrand L(x, y) whose posterior mean E[L(X, y) | Y = y] is the noised score ∇log p_Y(y).
 *
 * <p>Every identity here is a mixture of the two basic ones,
 * <pre>
 *   L(x, y) = κ · (αx − y)/σ²  +  (1 − κ) · ∇log p_X(x)/α ,     κ = κ(α, σ) ∈ [0, 1],
 * </pre>
 * DSI (κ = 1, the noise kernel's score, TSM eq. 2), TSI (κ = 0, the target's score, TSM eq. 8),
 * the Gaussian-optimal mixture κ_t = σ²/(σ² + α²σ_data²), the mode-variance mixture
 * κ̄_t = σ²/(σ² + α²σ_mode²) (TSM §4.1), Phillips' identity κ = 1 − α² (TSM eq. 9,
 * variance-preserving schedules only) and any user-supplied κ. Immutable and thread-safe.
 */
public final class ScoreIdentity {

    /** The weight κ(α, σ) ∈ [0, 1] that a mixture identity puts on DSI. */
    @FunctionalInterface
    public interface DsiWeight {
        /**
         * @param alpha signal scale α
         * @param sigma noise standard deviation σ
         * @return κ ∈ [0, 1]
         */
        double at(double alpha, double sigma);
    }

    /** Tolerance on α² + σ² = 1 for Phillips' identity. */
    private static final double VP_TOLERANCE = 1e-9;

    private final String name;
    private final DsiWeight weight;

    private ScoreIdentity(String name, DsiWeight weight) {
        this.name = name;
        this.weight = weight;
    }

    /** The Denoising Score Identity: L = (αx − y)/σ². */
    public static ScoreIdentity dsi() {
        return new ScoreIdentity("dsi", (alpha, sigma) -> 1);
    }

    /** The Target Score Identity: L = ∇log p_X(x)/α. */
    public static ScoreIdentity tsi() {
        return new ScoreIdentity("tsi", (alpha, sigma) -> 0);
    }

    /**
     * The mixture with κ_t = σ²/(σ² + α²σ_data²), of zero variance for a Gaussian target of
     * per-coordinate variance σ_data² (TSM Appendix C).
     *
     * @param dataVariance σ_data² &gt; 0, in squared units of x
     */
    public static ScoreIdentity kappa(double dataVariance) {
        requirePositive(dataVariance, "data variance");
        return new ScoreIdentity("kappa", (alpha, sigma) -> gaussianWeight(alpha, sigma, dataVariance));
    }

    /**
     * The mixture with κ̄_t = σ²/(σ² + α²σ_mode²), σ_mode² = Σ_i π_i σ_i² the mixture-weighted
     * variance of the modes (TSM §4.1): better than κ_t for multimodal targets.
     *
     * @param modeVariance σ_mode² &gt; 0, in squared units of x
     */
    public static ScoreIdentity kappaBar(double modeVariance) {
        requirePositive(modeVariance, "mode variance");
        return new ScoreIdentity("kappa-bar", (alpha, sigma) -> gaussianWeight(alpha, sigma, modeVariance));
    }

    /**
     * Phillips et al.'s identity L = α(x + ∇log p_X(x)) − y = α²·TSI + (1 − α²)·DSI, valid for
     * variance-preserving schedules (α² + σ² = 1); using it with other (α, σ) is an error.
     */
    public static ScoreIdentity phillips() {
        return new ScoreIdentity("phillips", (alpha, sigma) -> {
            if (Math.abs(alpha * alpha + sigma * sigma - 1) > VP_TOLERANCE) {
                throw new IllegalArgumentException("Phillips' identity needs a variance-preserving"
                        + " schedule (α² + σ² = 1), got α = " + alpha + ", σ = " + sigma);
            }
            return sigma * sigma;
        });
    }

    /**
     * A user-supplied mixture.
     *
     * @param name how the identity is named in outputs
     * @param weight κ(α, σ) ∈ [0, 1], the weight on DSI
     */
    public static ScoreIdentity mixture(String name, DsiWeight weight) {
        return new ScoreIdentity(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(weight, "weight"));
    }

    private static double gaussianWeight(double alpha, double sigma, double variance) {
        double s2 = sigma * sigma;
        return s2 / (s2 + alpha * alpha * variance);
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
    }

    /** The identity's name: dsi, tsi, kappa, kappa-bar, phillips or a user's. */
    public String name() {
        return name;
    }

    /**
     * κ(α, σ), checked.
     *
     * @throws IllegalArgumentException if κ is outside [0, 1], or if it needs a term that is
     *     undefined there (DSI at σ = 0, TSI at α = 0)
     */
    public double dsiWeight(double alpha, double sigma) {
        double k = weight.at(alpha, sigma);
        if (!(k >= 0 && k <= 1)) {
            throw new IllegalArgumentException(name + ": weight κ must be in [0, 1], got " + k
                    + " at α = " + alpha + ", σ = " + sigma);
        }
        if (k > 0 && !(sigma > 0)) {
            throw new IllegalArgumentException(name + ": DSI needs σ > 0, got σ = " + sigma);
        }
        if (k < 1 && alpha == 0) {
            throw new IllegalArgumentException(name + ": TSI needs α ≠ 0, got α = 0");
        }
        return k;
    }

    /**
     * Writes L(x, y) = κ(αx − y)/σ² + (1 − κ)∇log p_X(x)/α for one sample x, with κ from
     * {@link #dsiWeight} (passed in so that a batch computes it once).
     *
     * @param dimension number of components d
     * @param x the sample, at {@code xOffset}
     * @param targetScore ∇log p_X(x), at {@code scoreOffset}
     * @param y the noisy point, at {@code yOffset}
     * @param alpha α
     * @param sigma σ
     * @param kappa the DSI weight κ
     * @param out output, at {@code outOffset}
     */
    public static void integrand(int dimension, double[] x, int xOffset, double[] targetScore,
            int scoreOffset, double[] y, int yOffset, double alpha, double sigma, double kappa,
            double[] out, int outOffset) {
        double dsi = kappa == 0 ? 0 : kappa / (sigma * sigma);
        double tsi = kappa == 1 ? 0 : (1 - kappa) / alpha;
        for (int i = 0; i < dimension; i++) {
            double l = 0;
            if (dsi != 0) {
                l = dsi * (alpha * x[xOffset + i] - y[yOffset + i]);
            }
            if (tsi != 0) {
                l += tsi * targetScore[scoreOffset + i];
            }
            out[outOffset + i] = l;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
