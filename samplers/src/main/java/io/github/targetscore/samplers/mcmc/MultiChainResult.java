package io.github.targetscore.samplers.mcmc;

/**
 * The output of a {@link MultiChainRunner}: C chains of S kept states each, stored chain-major
 * (state k of chain c in row c·S + k), with each chain's acceptance rate, frozen step size,
 * final state and evaluation counts. Immutable: the accessors return copies.
 */
public final class MultiChainResult {

    private final int chains;
    private final int samplesPerChain;
    private final int dimension;
    private final double[] samples;
    private final double[] logDensities;
    private final double[] acceptanceRates;
    private final double[] stepSizes;
    private final ChainState[] finalStates;
    private final long densityEvaluations;
    private final long gradientEvaluations;

    MultiChainResult(int chains, int samplesPerChain, int dimension, double[] samples,
            double[] logDensities, double[] acceptanceRates, double[] stepSizes,
            ChainState[] finalStates, long densityEvaluations, long gradientEvaluations) {
        this.chains = chains;
        this.samplesPerChain = samplesPerChain;
        this.dimension = dimension;
        this.samples = samples;
        this.logDensities = logDensities;
        this.acceptanceRates = acceptanceRates;
        this.stepSizes = stepSizes;
        this.finalStates = finalStates;
        this.densityEvaluations = densityEvaluations;
        this.gradientEvaluations = gradientEvaluations;
    }

    /** C. */
    public int chains() {
        return chains;
    }

    /** S, kept states per chain. */
    public int samplesPerChain() {
        return samplesPerChain;
    }

    /** Coordinates per state d. */
    public int dimension() {
        return dimension;
    }

    /** The kept positions, C·S rows of d, chain-major. */
    public double[] samples() {
        return samples.clone();
    }

    /** Coordinate i of kept state k of chain c. */
    public double sample(int chain, int k, int i) {
        return samples[(chain * samplesPerChain + k) * dimension + i];
    }

    /** log π at each kept state, chain-major. */
    public double[] logDensities() {
        return logDensities.clone();
    }

    /** Each chain's fraction of accepted proposals over its S·T steps after warm-up. */
    public double[] acceptanceRates() {
        return acceptanceRates.clone();
    }

    /** Each chain's step size after warm-up (pass to a warm-started run to keep it). */
    public double[] stepSizes() {
        return stepSizes.clone();
    }

    /** A copy of the final state of chain c. */
    public ChainState finalState(int chain) {
        return finalStates[chain].copy();
    }

    /** The final positions, C rows of d: the starts of a warm-started run. */
    public double[] finalPositions() {
        double[] positions = new double[chains * dimension];
        for (int c = 0; c < chains; c++) {
            System.arraycopy(finalStates[c].position(), 0, positions, c * dimension, dimension);
        }
        return positions;
    }

    /** Evaluations of log π without gradient, all chains (random-walk proposals). */
    public long densityEvaluations() {
        return densityEvaluations;
    }

    /** Evaluations of log π with its gradient, all chains. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** The smallest per-coordinate {@link EffectiveSampleSize} of the kept states. */
    public double effectiveSampleSize() {
        return EffectiveSampleSize.minimum(samples, chains, samplesPerChain, dimension);
    }
}
