package io.github.targetscore.training.model;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ScoreClipping;

/**
 * How a score model turns a network F_θ into a score: s_θ(y, t) = c_out F_θ(c_in y, t) +
 * c_skip y + b(y, t), with scalars c_in, c_out, c_skip that depend on (α_t, σ_t) and an optional
 * base score b (MATH §3). Implementations are immutable.
 */
public interface Parameterisation {

    /** c_in(α, σ): scale of the network input (1 unless preconditioned). */
    default double inputScale(double alpha, double sigma) {
        return 1;
    }

    /** c_out(α, σ): scale of the network output (1 unless preconditioned). */
    default double outputScale(double alpha, double sigma) {
        return 1;
    }

    /** c_skip(α, σ): weight of the skip connection y (0 unless preconditioned). */
    default double skipScale(double alpha, double sigma) {
        return 0;
    }

    /**
     * Whether the skip connection c_skip y can be non-zero; a score model on a curved space,
     * where y is not a tangent vector, refuses such a parameterisation.
     */
    default boolean hasSkip() {
        return false;
    }

    /**
     * Whether {@link #addBase} contributes; when false it is never called.
     */
    default boolean hasBase() {
        return false;
    }

    /**
     * Adds the base score b(y) of one row to {@code out}, using caller-owned scratch arrays of
     * the manifold's dimension ({@code point}) and tangent dimension ({@code score}).
     */
    default void addBase(double[] y, int offset, double alpha, double sigma, double[] out,
            int outOffset, double[] point, double[] score) {
        throw new UnsupportedOperationException("no base score");
    }

    /** s_θ = F_θ(y, t): the network is the score. */
    static Parameterisation plain() {
        return Plain.INSTANCE;
    }

    /**
     * The preconditioning of TSM Appendix D for a target of variance σ_data² per coordinate:
     * c_in = 1/√(σ² + α²σ_data²), c_skip = −1/(σ² + α²σ_data²),
     * c_out = −σ/(α σ_data √(σ² + α²σ_data²)). With F = 0 it is the exact score of the noised
     * Gaussian target N(0, σ_data² I).
     */
    static Parameterisation preconditioned(double dataVariance) {
        return new Preconditioned(dataVariance);
    }

    /**
     * The target-score parameterisation (TSM Corollary 2.4): s_θ(y, t) = α⁻¹∇log p_X(y/α) +
     * F_θ(y, t). On SO(3)^n (α = 1) the base is the target's body-frame score ∇log p_X(y), the
     * Lie-group form of the same low-noise limit (TSM Proposition 3.2: the TSI integrand (yᵀx)
     * ω_X(x) tends to ω_X(y) as the posterior concentrates at x = y). The target score's norm is
     * capped by {@code clipping} at the noise levels it clips (per particle on a particle space,
     * see {@link ScoreClipping}) so that singular energies cannot blow the base up.
     *
     * @param target p_X
     * @param clipping the cap on ∇log p_X ({@link ScoreClipping#none()} for none)
     */
    static Parameterisation targetScore(LogDensity target, ScoreClipping clipping) {
        return new TargetScoreBase(target, clipping, Double.POSITIVE_INFINITY);
    }

    /**
     * The target-score parameterisation with the base weighted towards low noise:
     * s_θ(y, t) = w_t α⁻¹ clip(∇log p_X(y/α)) + F_θ(y, t), w_t = α²v / (α²v + σ²). For a Gaussian
     * p_X of variance v this base alone is the exact noised score (−y/(α²v + σ²)), so F_θ = 0
     * is right there; for a multimodal target, v is the modes' own variance (σ_mode², as for κ̄),
     * which keeps the target's force at low noise, where it is the noised score, and fades it
     * where the network would otherwise have to cancel it.
     *
     * @param target p_X
     * @param clipping the cap on ∇log p_X ({@link ScoreClipping#none()} for none)
     * @param variance v &gt; 0, in squared units of x
     */
    static Parameterisation blendedTargetScore(LogDensity target, ScoreClipping clipping,
            double variance) {
        if (!(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("the blended target score needs a finite variance"
                    + " > 0, got " + variance);
        }
        return new TargetScoreBase(target, clipping, variance);
    }
}
