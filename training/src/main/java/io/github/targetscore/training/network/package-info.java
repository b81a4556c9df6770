/**
 * Score networks F_θ(u, t) on ND4J: the {@link io.github.targetscore.training.network.ScoreNetwork}
 * contract (batched forward, backward into a flat gradient), the sinusoidal time embedding, the
 * time-conditioned {@link io.github.targetscore.training.network.Mlp} and the E(n)-equivariant
 * {@link io.github.targetscore.training.network.Egnn} for particle systems (both explicit ND4J
 * operations with hand-written backward passes), and the flat parameter vector that optimisers,
 * weight averages and checkpoints act on.
 */
package io.github.targetscore.training.network;
