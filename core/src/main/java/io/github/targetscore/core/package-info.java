/**
 * The contract of targetscore: {@link io.github.targetscore.core.EnergyModel} (energy and
 * gradient of a configuration, batched over flat arrays), its ServiceLoader SPI
 * {@link io.github.targetscore.core.EnergyModelProvider}, the
 * {@link io.github.targetscore.core.EnergyRegistry} that creates models by name with validated
 * parameters, and {@link io.github.targetscore.core.BoltzmannDensity}, which turns energies into
 * log-densities and scores at inverse temperature β. Implementations start from the skeletons
 * {@link io.github.targetscore.core.AbstractEnergyModel} (the checks and batch loops of the
 * contract around per-configuration kernels) and
 * {@link io.github.targetscore.core.AbstractEnergyModelProvider}.
 */
package io.github.targetscore.core;
