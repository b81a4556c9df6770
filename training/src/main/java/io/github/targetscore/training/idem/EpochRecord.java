package io.github.targetscore.training.idem;

/**
 * What one epoch of the iDEM loop did: its index, the optimiser step it ended at, the mean
 * training loss of its inner steps, the estimator's mean effective sample size per point, the
 * gradient-equivalent target evaluations the estimator spent in it and those the score model
 * made itself (a target-score parameterisation evaluates ∇log p_X), the fraction of clipped
 * estimates, the rows in the replay buffer and the wall-clock seconds it took.
 *
 * @param epoch e ≥ 0
 * @param step optimiser steps taken by the end of the epoch
 * @param meanLoss mean weighted regression loss over the epoch's inner steps
 * @param meanEffectiveSampleSize the posterior samples' mean ESS per estimated point
 * @param evaluations gradient-equivalent target evaluations of the estimator in this epoch
 * @param modelEvaluations target evaluations made by the score model itself in this epoch
 *     (generation and training; nonzero for a parameterisation that evaluates the target's score)
 * @param clippedFraction fraction of estimates whose norm was capped
 * @param bufferSize rows in the replay buffer after the epoch's samples were added
 * @param seconds wall-clock time of the epoch (generation and training)
 */
public record EpochRecord(int epoch, long step, double meanLoss, double meanEffectiveSampleSize,
        long evaluations, long modelEvaluations, double clippedFraction, int bufferSize,
        double seconds) {
}
