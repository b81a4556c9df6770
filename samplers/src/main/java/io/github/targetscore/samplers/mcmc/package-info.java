/**
 * Markov chain Monte Carlo for Boltzmann densities and posteriors p(x|y) (MATH §2), shaped like
 * BlackJAX kernels but allocation-free per step: a {@link
 * io.github.targetscore.samplers.mcmc.McmcKernel} (one per chain, holding its buffers) builds a
 * {@link io.github.targetscore.samplers.mcmc.ChainState} with {@code init(x)} and advances it in
 * place with {@code step(rng, state)}, reporting a reused
 * {@link io.github.targetscore.samplers.mcmc.StepInfo}. Every kernel is Metropolis–Hastings,
 * accepting x' with probability min(1, r):
 * <ul>
 * <li>{@link io.github.targetscore.samplers.mcmc.RandomWalkMetropolis}: x' = x ⊕ h·ξ,
 *   ξ ~ N(0, I) projected, r = π(x')/π(x);</li>
 * <li>{@link io.github.targetscore.samplers.mcmc.Mala}: x' = x ⊕ v, v = h∇log π(x) + √(2h)ξ,
 *   r = π(x') q(x|x') / (π(x) q(x'|x)) with q(x'|x) = N(x'; x + h∇log π(x), 2hI), the drift
 *   truncated to the noise's length √(2hn);</li>
 * <li>{@link io.github.targetscore.samplers.mcmc.Hmc}: L leapfrog steps of size ε for
 *   H(x, p) = −log π(x) + |p|²/2, p ~ N(0, I) projected, r = exp(H(x, p) − H(x', p')), each
 *   half kick truncated to the momentum's length √n (still volume-preserving and reversible,
 *   so exact), optionally with ε and L jittered per proposal (fixed-L trajectories resonate on
 *   near-Gaussian targets).</li>
 * </ul>
 * Moves go through the manifold's retraction with noise and momenta projected onto the sampled
 * subspace, so particle systems stay centre-of-mass free. MALA's and HMC's corrections assume a
 * flat space; curved spaces (SO(3)) need the Jacobian of the exponential map and come later.
 *
 * <p>{@link io.github.targetscore.samplers.mcmc.StepSizeAdaptation} adapts the step size toward a
 * target acceptance rate (0.234, 0.574, 0.65 by default) during warm-up (Robbins–Monro on
 * log h, averaged over the second half) and freezes it after;
 * {@link io.github.targetscore.samplers.mcmc.ChainSchedule} sets warm-up, kept states and
 * thinning; {@link io.github.targetscore.samplers.mcmc.MultiChainRunner} runs chains in parallel
 * with one random stream per chain (bit-identical for any thread count), on a posterior or on
 * the target itself (the plain-MCMC baseline keeps each chain's final state), reporting finished
 * chains to a progress listener;
 * {@link io.github.targetscore.samplers.mcmc.McmcPosteriorSampler} is the
 * {@link io.github.targetscore.samplers.posterior.PosteriorSampler} of the score estimator; and
 * {@link io.github.targetscore.samplers.mcmc.EffectiveSampleSize} is the multi-chain
 * split-chain ESS with Geyer's initial monotone sequence.
 */
package io.github.targetscore.samplers.mcmc;
