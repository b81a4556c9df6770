package io.github.targetscore.samplers.diffusion;

/**
 * How {@link ReverseDiffusion} steps from t_k down to t_{k+1} = t_k − Δ_k, with f_k = f(t_k),
 * g_k = g(t_k) and s_k = s(y, t_k).
 */
public enum Scheme {

    /**
     * The reverse-time SDE dY = [f Y − g² s] dt + g dB̄ by Euler–Maruyama (iDEM):
     * y ← y + Δ_k (g_k² s_k − f_k y) + g_k √Δ_k z, z ~ N(0, I). Weak order 1, one score
     * evaluation per step.
     */
    EULER_MARUYAMA,

    /**
     * The probability-flow ODE dY/dt = f Y − ½ g² s by Euler: y ← y + Δ_k (½ g_k² s_k − f_k y).
     * Deterministic after the prior draw; order 1, one score evaluation per step.
     */
    PROBABILITY_FLOW_EULER,

    /**
     * The probability-flow ODE by Heun's method (explicit trapezoid): the Euler predictor ŷ,
     * then y ← y + ½Δ_k [(½ g_k² s_k − f_k y) + (½ g_{k+1}² s(ŷ, t_{k+1}) − f_{k+1} ŷ)]. Order
     * 2, two score evaluations per step; a step ending where σ_t = 0 (t = 0), where the score is
     * not defined, is an Euler step (Karras et al. 2022, Algorithm 1).
     */
    PROBABILITY_FLOW_HEUN
}
