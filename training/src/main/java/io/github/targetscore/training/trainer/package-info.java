/**
 * Training score models by regression: batch sources (data-driven denoising batches for every
 * identity of MATH §2), Adam with gradient clipping, learning-rate schedules and a weight
 * average, the training loop, and exact-resume checkpoints.
 */
package io.github.targetscore.training.trainer;
