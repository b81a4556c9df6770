/**
 * Posterior samplers by weighted particles: exact sampling of tractable posteriors
 * ({@link io.github.targetscore.samplers.importance.ExactPosteriorSampler}), self-normalised
 * importance sampling with the likelihood as proposal, iDEM's estimator for α = 1
 * ({@link io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler}), and
 * sequential Monte Carlo tempering from the likelihood to the posterior with MALA moves, which
 * also estimates log p_Y(y)
 * ({@link io.github.targetscore.samplers.importance.SequentialMonteCarloSampler}).
 */
package io.github.targetscore.samplers.importance;
