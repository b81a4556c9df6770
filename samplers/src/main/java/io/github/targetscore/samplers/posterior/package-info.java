/**
 * Posteriors p(x|y) of the additive Gaussian noise model and the contract of their samplers:
 * {@link io.github.targetscore.samplers.posterior.PosteriorSampler} fills a reusable
 * {@link io.github.targetscore.samplers.posterior.WeightedSample}.
 */
package io.github.targetscore.samplers.posterior;
