/**
 * Posterior samplers by independent draws: exact sampling of tractable posteriors and
 * self-normalised importance sampling with the likelihood as proposal (iDEM's estimator).
 */
package io.github.targetscore.samplers.importance;
