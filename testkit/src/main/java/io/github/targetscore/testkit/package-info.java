/**
 * Contract tests for implementations of the targetscore SPI: extend
 * {@link io.github.targetscore.testkit.EnergyModelContractTest} in a plug-in's tests.
 */
package io.github.targetscore.testkit;
