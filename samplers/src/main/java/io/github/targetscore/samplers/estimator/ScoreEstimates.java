package io.github.targetscore.samplers.estimator;

/**
 * Monte Carlo score estimates at n noisy points, with their diagnostics. Immutable: the
 * accessors return copies.
 */
public final class ScoreEstimates {

    private final int count;
    private final int dimension;
    private final double[] estimates;
    private final double[] variances;
    private final double[] effectiveSampleSizes;
    private final double[] acceptanceRates;
    private final long gradientEvaluations;
    private final int clippedPoints;
    private final double clipNorm;

    ScoreEstimates(int count, int dimension, double[] estimates, double[] variances,
            double[] effectiveSampleSizes, double[] acceptanceRates, long gradientEvaluations,
            int clippedPoints, double clipNorm) {
        this.count = count;
        this.dimension = dimension;
        this.estimates = estimates;
        this.variances = variances;
        this.effectiveSampleSizes = effectiveSampleSizes;
        this.acceptanceRates = acceptanceRates;
        this.gradientEvaluations = gradientEvaluations;
        this.clippedPoints = clippedPoints;
        this.clipNorm = clipNorm;
    }

    /** Number of points n. */
    public int count() {
        return count;
    }

    /** Components per estimate d. */
    public int dimension() {
        return dimension;
    }

    /** The estimates ŝ(y_i) ≈ ∇log p_Y(y_i), row-major n × d. */
    public double[] estimates() {
        return estimates.clone();
    }

    /** Component j of the estimate at point i. */
    public double estimate(int i, int j) {
        return estimates[i * dimension + j];
    }

    /** The per-component Monte Carlo variances of the estimates, row-major n × d. */
    public double[] variances() {
        return variances.clone();
    }

    /** Σ_j Var[ŝ_j(y_i)]: the summed Monte Carlo variance at point i. */
    public double totalVariance(int i) {
        double s = 0;
        for (int j = 0; j < dimension; j++) {
            s += variances[i * dimension + j];
        }
        return s;
    }

    /** The posterior sampler's effective sample size at each point. */
    public double[] effectiveSampleSizes() {
        return effectiveSampleSizes.clone();
    }

    /** The MCMC acceptance rate at each point (NaN for non-MCMC samplers). */
    public double[] acceptanceRates() {
        return acceptanceRates.clone();
    }

    /** Target energy-and-gradient evaluations spent on all points: the unit of compute. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Number of points whose estimate was clipped (0 without clipping). */
    public int clippedPoints() {
        return clippedPoints;
    }

    /** The clipping norm, +∞ without clipping. */
    public double clipNorm() {
        return clipNorm;
    }
}
