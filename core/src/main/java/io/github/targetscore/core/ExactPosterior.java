package io.github.targetscore.core;

/**
 * The exact posterior of a target under additive Gaussian noise, when it is tractable (Gaussian
 * mixtures, TSM eq. 17): for Y = αX + σW, X ~ exp(−U)/Z at β = 1, the density
 * p(x|y) ∝ exp(−U(x)) N(y; αx, σ²I) as an energy model with its own exact sampler. The ground
 * truth that posterior samplers and score estimators are tested against.
 */
@FunctionalInterface
public interface ExactPosterior {

    /**
     * @param y the noisy point
     * @param alpha α &gt; 0
     * @param sigma σ &gt; 0
     * @return p(x|y) as a normalised energy model (U = −log p(x|y)) with an exact sampler
     */
    EnergyModel given(double[] y, double alpha, double sigma);
}
