package io.github.targetscore.samplers.importance;

import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.samplers.posterior.Posterior;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The likelihood of the noisy point read as a density of x, q(x) = N(x; y/α, (σ/α)² I) (MATH §1):
 * the proposal of importance sampling and the initial distribution of tempering. On a particle
 * space the noise is projected onto the centre-of-mass-free subspace, so every draw has the
 * centre of mass of y/α.
 */
final class LikelihoodProposal {

    private LikelihoodProposal() {
    }

    /**
     * Draws x_k = y/α + (σ/α) P ξ_k, ξ_k ~ N(0, I), P the manifold's tangent projection, through
     * {@link Manifold#gaussianTangent} (on a particle space only the (n − 1)·D degrees of freedom
     * are drawn), y/α computed once.
     *
     * @param posterior gives y, α and σ
     * @param normal standard normal draws, consumed in row order
     * @param positions output, row k at {@code k · d}
     * @param count number of draws
     * @param scratch sized {@linkplain Workspace#forPoint for d}: its {@link Workspace#centre}
     *     receives y/α
     */
    static void draw(Posterior posterior, NormalizedGaussianSampler normal, double[] positions,
            int count, Workspace scratch) {
        Manifold manifold = posterior.manifold();
        int d = manifold.dimension();
        double alpha = posterior.alpha();
        double scale = posterior.sigma() / alpha;
        double[] centre = scratch.centre;
        for (int i = 0; i < d; i++) {
            centre[i] = posterior.y(i) / alpha;
        }
        for (int offset = 0; offset < count * d; offset += d) {
            manifold.gaussianTangent(normal, positions, offset);
            for (int i = 0; i < d; i++) {
                positions[offset + i] = centre[i] + scale * positions[offset + i];
            }
        }
    }
}
