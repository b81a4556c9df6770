/**
 * Monte Carlo estimators of noised scores from posterior samples and a score identity, with
 * their variances and effective sample sizes (TSM eq. 18).
 */
package io.github.targetscore.samplers.estimator;
