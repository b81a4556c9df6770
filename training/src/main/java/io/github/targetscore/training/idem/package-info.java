/**
 * Iterated denoising energy matching (iDEM, Akhound-Sadegh et al. 2024; MATH §4): sampling a
 * Boltzmann density from its energy alone. An outer loop draws samples from the reverse SDE
 * driven by the current score network and stores them in a {@link
 * io.github.targetscore.training.idem.ReplayBuffer}; an inner loop noises buffer samples and
 * regresses the network onto Monte Carlo estimates of the noised score at those points
 * ({@link io.github.targetscore.training.idem.EstimatedScoreBatches}: any identity of MATH §2 —
 * TSI as iDEM, DSI, κ, κ̄ — and any posterior sampler). {@link
 * io.github.targetscore.training.idem.IteratedDenoising} runs the loop;
 * {@link io.github.targetscore.training.idem.IdemCheckpoint} saves and restores it exactly.
 */
package io.github.targetscore.training.idem;
