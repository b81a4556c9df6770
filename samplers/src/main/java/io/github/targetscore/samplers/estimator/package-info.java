/**
 * Monte Carlo estimators of noised scores ∇log p_Y(y) from weighted posterior samples and a
 * score identity (TSM eq. 18), with their Monte Carlo variances, the integrand's posterior
 * variance, effective sample sizes and optional clipping, parallel over noisy points and
 * independent of the thread count.
 */
package io.github.targetscore.samplers.estimator;
