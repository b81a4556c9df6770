package io.github.targetscore.samplers.posterior;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.manifold.Manifold;

/**
 * The posterior of the clean configuration given a noisy one, for Y = αX + σW, W ~ N(0, I)
 * (MATH §1):
 * <pre>
 *   log p(x|y) = log p_X(x) − |y − αx|²/(2σ²) + const,
 *   ∇_x log p(x|y) = ∇log p_X(x) + α(y − αx)/σ².
 * </pre>
 * As a function of x the likelihood is N(x; y/α, (σ/α)²I), the proposal of importance
 * sampling. Immutable (y is copied) and thread-safe.
 */
public final class Posterior implements LogDensity {

    private final LogDensity target;
    private final double[] y;
    private final double alpha;
    private final double sigma;

    private Posterior(LogDensity target, double[] y, double alpha, double sigma) {
        this.target = target;
        this.y = y;
        this.alpha = alpha;
        this.sigma = sigma;
    }

    /**
     * @param target p_X, e.g. a {@link io.github.targetscore.core.BoltzmannDensity}
     * @param y the noisy point (copied), {@code dimension} coordinates
     * @param alpha α &gt; 0
     * @param sigma σ &gt; 0
     */
    public static Posterior of(LogDensity target, double[] y, double alpha, double sigma) {
        Batches.checkLength(y, target.manifold().dimension(), "noisy point y");
        Batches.requireFinite(y, y.length, 0, "noisy point y");
        if (!(alpha > 0) || !Double.isFinite(alpha) || !(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("the posterior needs finite α > 0 and σ > 0, got α = "
                    + alpha + ", σ = " + sigma);
        }
        return new Posterior(target, y.clone(), alpha, sigma);
    }

    /** The clean target p_X. */
    public LogDensity target() {
        return target;
    }

    /** Coordinate {@code i} of the noisy point y. */
    public double y(int i) {
        return y[i];
    }

    /** A copy of the noisy point y. */
    public double[] y() {
        return y.clone();
    }

    /** α. */
    public double alpha() {
        return alpha;
    }

    /** σ. */
    public double sigma() {
        return sigma;
    }

    @Override
    public Manifold manifold() {
        return target.manifold();
    }

    /** log N(y; αx, σ²I) up to its constant: −|y − αx|²/(2σ²). */
    public double logLikelihood(double[] x) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - alpha * x[i];
            s += r * r;
        }
        return -s / (2 * sigma * sigma);
    }

    @Override
    public double logDensity(double[] x) {
        return target.logDensity(x) + logLikelihood(x);
    }

    @Override
    public double logDensityAndScore(double[] x, double[] score) {
        double lp = target.logDensityAndScore(x, score);
        return lp + addLikelihoodScore(x, score);
    }

    /**
     * Adds the likelihood's score α(y − αx)/σ² to {@code score} (which holds ∇log p_X(x), e.g.
     * kept separately for TSI) and returns the log-likelihood −|y − αx|²/(2σ²).
     */
    public double addLikelihoodScore(double[] x, double[] score) {
        double c = alpha / (sigma * sigma);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - alpha * x[i];
            score[i] += c * r;
            s += r * r;
        }
        return -s / (2 * sigma * sigma);
    }
}
