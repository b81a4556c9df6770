package io.github.targetscore.samplers.mcmc;

import io.github.targetscore.core.LogDensity;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random-walk Metropolis: proposes
 * <pre>
 *   x' = x ⊕ h·ξ,   ξ ~ N(0, I) projected onto the sampled subspace,
 * </pre>
 * a symmetric proposal, and accepts with probability min(1, π(x')/π(x)). It needs no gradient:
 * the state's scores are computed only on request ({@link #updateScore(ChainState)}).
 */
public final class RandomWalkMetropolis extends McmcKernel {

    /** The acceptance rate that is optimal in high dimension (Roberts, Gelman &amp; Gilks 1997). */
    public static final double TARGET_ACCEPTANCE = 0.234;

    private final double[] direction;

    private RandomWalkMetropolis(LogDensity density, double stepSize) {
        super(density, stepSize);
        this.direction = new double[tangentDimension()];
    }

    /**
     * @param density π
     * @param stepSize h &gt; 0, the proposal's standard deviation per direction
     * @return a kernel for one chain
     */
    public static RandomWalkMetropolis of(LogDensity density, double stepSize) {
        return new RandomWalkMetropolis(density, stepSize);
    }

    /**
     * The optimally scaled step for a Gaussian of standard deviation {@code scale} in n
     * dimensions: h = 2.38 ℓ / √n.
     */
    public static double stepSizeForScale(double scale, int degreesOfFreedom) {
        return 2.38 * scale / Math.sqrt(degreesOfFreedom);
    }

    @Override
    boolean usesScore() {
        return false;
    }

    @Override
    double propose(UniformRandomProvider rng, ChainState current, ChainState proposal) {
        gaussian(rng, direction);
        move(current, direction, stepSize(), proposal);
        return evaluateDensity(proposal) - current.logDensity();
    }
}
