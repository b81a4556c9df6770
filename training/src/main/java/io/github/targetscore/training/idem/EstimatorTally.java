package io.github.targetscore.training.idem;

import io.github.targetscore.samplers.estimator.ScoreEstimates;

/**
 * Running totals of a Monte Carlo score estimator's work and diagnostics over the batches of
 * an epoch: points estimated, target evaluations (gradient-equivalent, see {@link
 * ScoreEstimates#gradientEquivalentEvaluations()}), the sum of the points' effective sample
 * sizes and the points whose estimate was clipped. Mutable and not thread-safe: one batch source
 * adds, the loop reads and resets between epochs.
 */
public final class EstimatorTally {

    private long points;
    private long evaluations;
    private double effectiveSampleSizeSum;
    private long clippedPoints;

    EstimatorTally() {
    }

    /** Adds the work and diagnostics of one call of the estimator. */
    void add(ScoreEstimates estimates) {
        points += estimates.count();
        evaluations += estimates.gradientEquivalentEvaluations();
        for (double ess : estimates.effectiveSampleSizes()) {
            effectiveSampleSizeSum += ess;
        }
        clippedPoints += estimates.clippedPoints();
    }

    /** Starts the totals again from zero. */
    void reset() {
        points = 0;
        evaluations = 0;
        effectiveSampleSizeSum = 0;
        clippedPoints = 0;
    }

    /** Points estimated. */
    public long points() {
        return points;
    }

    /** Gradient-equivalent target evaluations spent. */
    public long evaluations() {
        return evaluations;
    }

    /** Mean effective sample size per point (NaN before any point). */
    public double meanEffectiveSampleSize() {
        return points == 0 ? Double.NaN : effectiveSampleSizeSum / points;
    }

    /** Fraction of points whose estimate was clipped (NaN before any point). */
    public double clippedFraction() {
        return points == 0 ? Double.NaN : (double) clippedPoints / points;
    }
}
