/**
 * Quartic well targets with exact partition functions and exact samples (energies in kT,
 * coordinates dimensionless):
 * {@link io.github.targetscore.energies.wells.DoubleWell}, U = a x₁⁴ + b x₁² + c x₁ (+ ½ x₂²)
 * in 1 or 2 dimensions, and {@link io.github.targetscore.energies.wells.ManyWell}, the sum of
 * d/2 independent 2-D double wells with a = 1, b = −6, c = −0.5 (many-well-32: log Z = 164.6957).
 *
 * <p>Both are built from one 1-D quartic factor whose log Z is computed by trapezoidal
 * quadrature and whose exact sampler is rejection from a Gaussian mixture centred at the local
 * minima, with a bound found numerically and tails checked analytically. Providers:
 * {@code double-well}, {@code many-well} (preset {@code many-well-32}).
 */
package io.github.targetscore.energies.wells;
