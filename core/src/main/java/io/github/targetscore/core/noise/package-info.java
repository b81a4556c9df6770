/**
 * Noise schedules Y_t = α_t X + σ_t W: the VP cosine schedule of the TSM paper and iDEM's VE
 * geometric schedule, with the drift f(t) and diffusion g(t) of their forward SDEs.
 */
package io.github.targetscore.core.noise;
