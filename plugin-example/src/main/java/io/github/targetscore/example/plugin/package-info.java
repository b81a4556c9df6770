/**
 * A plug-in energy in its own jar: {@link io.github.targetscore.example.plugin.HarmonicChain}
 * and its {@link io.github.targetscore.example.plugin.HarmonicChainProvider}, registered in
 * {@code META-INF/services/io.github.targetscore.core.EnergyModelProvider}. Put the jar on the
 * class path (for the command line: {@code TARGETSCORE_PLUGINS=path/to.jar ./targetscore
 * list-energies}) and {@code harmonic-chain} appears in
 * {@link io.github.targetscore.core.EnergyRegistry}; no other code changes.
 */
package io.github.targetscore.example.plugin;
