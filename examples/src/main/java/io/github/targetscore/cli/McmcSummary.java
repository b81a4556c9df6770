package io.github.targetscore.cli;

import io.github.targetscore.samplers.metrics.MetricWithFloor;
import java.util.List;
import java.util.Map;

/**
 * What {@code mcmc} records in {@code metrics.json}: the run's settings, its cost in target
 * evaluations, the chains' diagnostics and, when a reference was given, the sample-quality
 * metrics beside their floors.
 *
 * @param energy the energy family or preset name
 * @param parameters the complete parameters the model was created from
 * @param algorithm "mala" or "hmc"
 * @param leapfrogSteps L for HMC, {@code null} for MALA
 * @param chains N, one final state each
 * @param steps S, steps per chain
 * @param warmUp W, the first steps of each chain, which adapt its step size
 * @param initScale s: chain c starts at s·Pξ_c, ξ_c ~ N(0, I), P the tangent projection
 * @param initialStepSize every chain's step size before adaptation (MALA's h, HMC's ε)
 * @param evaluationBudget E of {@code --evaluations}, {@code null} when S was given
 * @param seed the master seed
 * @param threads worker threads (the samples do not depend on them, the times do)
 * @param gradientEvaluations evaluations of U with ∇U: N·(1 + k·S), k = 1 (MALA) or L (HMC),
 *     less where an HMC trajectory stopped at a configuration of zero density
 * @param energyEvaluations evaluations of U alone (none for MALA and HMC)
 * @param gradientEquivalentEvaluations the sum of the two, the cost compared with other samplers
 * @param acceptanceRate accepted fraction of the S − W steps after warm-up, mean over chains
 * @param minAcceptanceRate the smallest chain's acceptance rate
 * @param meanStepSize the chains' adapted step sizes, mean
 * @param minStepSize the smallest adapted step size
 * @param maxStepSize the largest adapted step size
 * @param meanEnergy mean of U over the N final states (kT = 1)
 * @param samplingSeconds wall time of the chains
 * @param reference the reference NPY file, {@code null} without one
 * @param metrics every metric between the N final states and N reference rows, beside its floor
 *     (two disjoint sets of N reference rows) and its symmetrised floor (the second set randomly
 *     relabelled and rotated: what a correct sampler of an invariant particle system reaches;
 *     the floor itself for other targets); {@code null} without a reference
 * @param metricsSeconds wall time of the metrics (0 without a reference)
 * @param targetscoreVersion the version of the tool that wrote the file
 */
record McmcSummary(String energy, Map<String, Object> parameters, String algorithm,
        Integer leapfrogSteps, int chains, int steps, int warmUp, double initScale,
        double initialStepSize, Long evaluationBudget, long seed, int threads,
        long gradientEvaluations, long energyEvaluations, long gradientEquivalentEvaluations,
        double acceptanceRate, double minAcceptanceRate, double meanStepSize, double minStepSize,
        double maxStepSize, double meanEnergy, double samplingSeconds, String reference,
        List<MetricWithFloor> metrics, double metricsSeconds, String targetscoreVersion) {
}
