/**
 * Embedding targetscore in a simulation code: the code's own potential
 * ({@link io.github.targetscore.examples.embedding.LegacyMorseCluster}, with its own array
 * layout, units and force convention) becomes an {@link io.github.targetscore.core.EnergyModel}
 * through a few-line adapter ({@link io.github.targetscore.examples.embedding.MorseClusterEnergy}),
 * and {@link io.github.targetscore.core.BoltzmannDensity} turns its energy and forces into the
 * log-density and score at β = 1/kT
 * ({@link io.github.targetscore.examples.embedding.EmbeddingExample}).
 */
package io.github.targetscore.examples.embedding;
