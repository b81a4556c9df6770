package io.github.targetscore.samplers.estimator;

import io.github.targetscore.core.identity.ScoreIdentity;

/**
 * Monte Carlo score estimates of one {@link ScoreIdentity} at n noisy points of dimension d, with
 * their diagnostics.
 *
 * <p>The sampler's diagnostics (effective sample sizes, acceptance rates, evaluation counts)
 * describe the posterior samples behind the estimates: estimates of several identities made by
 * one {@link ScoreEstimator#estimateEach} call come from the same samples and report the same
 * diagnostics and the same (shared, not additional) cost.
 *
 * <p>Ownership: the object never changes its arrays (it may share the sampler's diagnostics with
 * the other identities' estimates of the same call, which never change them either); the array
 * accessors return fresh copies that belong to the caller, and the element accessors read in
 * place. Variances describe the estimates before any clipping.
 */
public final class ScoreEstimates {

    private final ScoreIdentity identity;
    private final int count;
    private final int dimension;
    private final double[] estimates;
    private final double[] variances;
    private final double[] integrandVariances;
    private final double[] effectiveSampleSizes;
    private final double[] acceptanceRates;
    private final long energyEvaluations;
    private final long gradientEvaluations;
    private final int clippedPoints;
    private final double clipNorm;

    /** Takes ownership of the arrays (the diagnostics' arrays may be shared, never changed). */
    ScoreEstimates(ScoreIdentity identity, int count, int dimension, double[] estimates,
            double[] variances, double[] integrandVariances, double[] effectiveSampleSizes,
            double[] acceptanceRates, long energyEvaluations, long gradientEvaluations,
            int clippedPoints, double clipNorm) {
        this.identity = identity;
        this.count = count;
        this.dimension = dimension;
        this.estimates = estimates;
        this.variances = variances;
        this.integrandVariances = integrandVariances;
        this.effectiveSampleSizes = effectiveSampleSizes;
        this.acceptanceRates = acceptanceRates;
        this.energyEvaluations = energyEvaluations;
        this.gradientEvaluations = gradientEvaluations;
        this.clippedPoints = clippedPoints;
        this.clipNorm = clipNorm;
    }

    /** The identity whose integrand was averaged. */
    public ScoreIdentity identity() {
        return identity;
    }

    /** Number of points n. */
    public int count() {
        return count;
    }

    /** Components per estimate d. */
    public int dimension() {
        return dimension;
    }

    /** The estimates ŝ(y_i) ≈ ∇log p_Y(y_i), row-major n × d, in inverse units of x (a copy). */
    public double[] estimates() {
        return estimates.clone();
    }

    /** Component j of the estimate at point i. */
    public double estimate(int i, int j) {
        return estimates[i * dimension + j];
    }

    /**
     * The per-component Monte Carlo variances Var[ŝ_j(y_i)] of the estimates, row-major n × d,
     * in inverse squared units of x (a copy).
     */
    public double[] variances() {
        return variances.clone();
    }

    /** Var[ŝ_j(y_i)]: the Monte Carlo variance of component j of the estimate at point i. */
    public double variance(int i, int j) {
        return variances[i * dimension + j];
    }

    /** Σ_j Var[ŝ_j(y_i)]: the summed Monte Carlo variance at point i. */
    public double totalVariance(int i) {
        return rowSum(variances, i);
    }

    /**
     * The posterior variances Var[L_j(X, y_i) | Y = y_i] of the identity's integrand, estimated
     * as Σ_k w̄_k (L_kj − ŝ_j)², row-major n × d (a copy): the per-sample variance of the identity
     * (TSM Fig. 2), independent of K.
     */
    public double[] integrandVariances() {
        return integrandVariances.clone();
    }

    /**
     * tr Cov[L(X, y_i) | Y = y_i] = Σ_j Var[L_j | y_i]: whose inverse is the
     * {@code estimated-optimal} loss weighting (MATH §3).
     */
    public double totalIntegrandVariance(int i) {
        return rowSum(integrandVariances, i);
    }

    private double rowSum(double[] values, int i) {
        double s = 0;
        for (int j = 0; j < dimension; j++) {
            s += values[i * dimension + j];
        }
        return s;
    }

    /** The posterior sampler's effective sample size at each point (a copy). */
    public double[] effectiveSampleSizes() {
        return effectiveSampleSizes.clone();
    }

    /** The MCMC acceptance rate at each point, NaN for samplers without moves (a copy). */
    public double[] acceptanceRates() {
        return acceptanceRates.clone();
    }

    /**
     * Target evaluations of the energy alone (log p_X without gradient) spent on the posterior
     * samples of all points: random-walk Metropolis' moves.
     */
    public long energyEvaluations() {
        return energyEvaluations;
    }

    /**
     * Target evaluations of energy and gradient (log p_X and ∇log p_X) spent on the posterior
     * samples of all points: K per point for exact draws and SNIS, K(1 + MALA sweeps) for SMC,
     * one per MALA step and L per HMC step (plus one per chain start), one per distinct kept
     * state for random-walk Metropolis.
     */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /**
     * The cost in gradient-equivalent evaluations, energy-and-gradient evaluations plus
     * energy-only ones: an energy-only evaluation is charged as much as one with gradient. That
     * over-charges random-walk Metropolis, the only sampler that evaluates energies alone (an
     * analytic gradient costs about as much again as the energy, a reverse-mode one a small
     * multiple), so where it still wins on variance × cost it wins whatever the gradient costs.
     */
    public long gradientEquivalentEvaluations() {
        return energyEvaluations + gradientEvaluations;
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
