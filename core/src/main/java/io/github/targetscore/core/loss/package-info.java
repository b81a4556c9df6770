/**
 * The pieces of the TSM-family regression losses ℓ(θ) = ∫ λ_t E‖s_θ(Y_t, t) − L(X, Y_t, t)‖² dt
 * (MATH §3): the {@link io.github.targetscore.core.loss.Weighting weightings} λ by their config
 * names, optionally normalised over t, and the
 * {@link io.github.targetscore.core.loss.Preconditioning preconditioned} score parameterisation
 * s_θ(y) = c_out F_θ(c_in y, t) + c_skip y of TSM Appendix D. No network code: the training
 * module builds its losses and networks on these.
 */
package io.github.targetscore.core.loss;
