/**
 * The {@code targetscore} command-line tool ({@link io.github.targetscore.cli.TargetScore}):
 * {@code list-energies}, {@code energy} (energies and gradients of NPY batches) and
 * {@code sample} (exact samples with a JSON summary). Commands only wire the library's plain Java
 * API: energies through {@link io.github.targetscore.core.EnergyRegistry}, parallel evaluation
 * through {@link io.github.targetscore.core.ParallelEnergies}, sampling through
 * {@link io.github.targetscore.samplers.ExactSampling}. {@code run} samples a Boltzmann density
 * by iDEM from a JSON config ({@code RunConfig}); {@code sweep} runs several such runs from one
 * sweep config ({@code SweepConfig}) and tabulates their final metrics. Outputs are NPY
 * (float64) and JSON, written atomically.
 */
package io.github.targetscore.cli;
