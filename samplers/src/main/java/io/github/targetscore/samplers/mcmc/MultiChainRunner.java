package io.github.targetscore.samplers.mcmc;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.random.RandomStreams;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs C independent chains of one {@link McmcAlgorithm} on a density, in parallel over a
 * {@link ForkJoinPool}: chain c starts from row c of the given positions, draws all its
 * randomness from {@code streams.stream(c)}, adapts its own step size during warm-up and keeps S
 * states with thinning T ({@link ChainSchedule}). Chains share nothing, so the output is
 * bit-identical whatever the number of threads. Warm starts pass the final positions (and, with
 * a non-adaptive schedule, the step sizes) of an earlier {@link MultiChainResult}.
 *
 * <p>A sampler of the target itself keeps only each chain's final state: with
 * {@code ChainSchedule.of(W, 1, S − W)} chain c takes S steps (the first W adapting its step
 * size) and row c of {@link MultiChainResult#samples()} is its state after step S, C independent
 * draws whose law approaches π as S grows; the result counts every evaluation of π. A
 * {@link Progress} listener ({@link #withProgress}) hears of each finished chain. Immutable and
 * thread-safe.
 */
public final class MultiChainRunner {

    /** Hears of each finished chain, e.g. to report progress on long runs. */
    @FunctionalInterface
    public interface Progress {
        /**
         * Called once per chain, right after its last step, from the worker thread that ran it
         * (so concurrently, in no fixed order): implementations must be thread-safe and quick.
         *
         * @param chain the chain's index c
         */
        void finished(int chain);
    }

    private static final Progress SILENT = chain -> { };

    private final McmcAlgorithm algorithm;
    private final ChainSchedule schedule;
    private final Progress progress;

    private MultiChainRunner(McmcAlgorithm algorithm, ChainSchedule schedule, Progress progress) {
        this.algorithm = algorithm;
        this.schedule = schedule;
        this.progress = progress;
    }

    /** A runner of {@code algorithm}'s chains under {@code schedule}. */
    public static MultiChainRunner of(McmcAlgorithm algorithm, ChainSchedule schedule) {
        return new MultiChainRunner(algorithm, schedule, SILENT);
    }

    /** A copy that tells {@code progress} of each finished chain; the results do not change. */
    public MultiChainRunner withProgress(Progress progress) {
        return new MultiChainRunner(algorithm, schedule, Objects.requireNonNull(progress,
                "progress"));
    }

    /** The algorithm. */
    public McmcAlgorithm algorithm() {
        return algorithm;
    }

    /** The schedule. */
    public ChainSchedule schedule() {
        return schedule;
    }

    /**
     * Runs C chains that all start with step size h.
     *
     * @param density π
     * @param starts C start positions, row-major C × d (C ≥ 1)
     * @param stepSize the initial (or, without adaptation, fixed) step size h &gt; 0
     * @param streams chain c draws from {@code streams.stream(c)}
     * @param pool the workers
     */
    public MultiChainResult run(LogDensity density, double[] starts, double stepSize,
            RandomStreams streams, ForkJoinPool pool) {
        double[] stepSizes = new double[chains(density, starts)];
        Arrays.fill(stepSizes, McmcKernel.checkStepSize(stepSize));
        return run(density, starts, stepSizes, streams, pool);
    }

    /**
     * Runs C chains, chain c starting with step size h_c (e.g. {@link MultiChainResult#stepSizes()}
     * of an earlier run).
     *
     * @param density π
     * @param starts C start positions, row-major C × d (C ≥ 1)
     * @param stepSizes C initial step sizes, each &gt; 0
     * @param streams chain c draws from {@code streams.stream(c)}
     * @param pool the workers
     */
    public MultiChainResult run(LogDensity density, double[] starts, double[] stepSizes,
            RandomStreams streams, ForkJoinPool pool) {
        int d = density.manifold().dimension();
        int chains = chains(density, starts);
        if (stepSizes.length != chains) {
            throw new IllegalArgumentException("expected " + chains
                    + " step sizes, one per chain, got " + stepSizes.length);
        }
        for (int c = 0; c < chains; c++) {
            Batches.requireFinite(starts, d, c, "start position of chain");
            McmcKernel.checkStepSize(stepSizes[c]);
        }
        int s = schedule.samples();
        double[] samples = new double[Math.multiplyExact(chains * s, d)];
        double[] logDensities = new double[chains * s];
        double[] acceptanceRates = new double[chains];
        double[] finalStepSizes = new double[chains];
        ChainState[] finalStates = new ChainState[chains];
        long[] densityEvaluations = new long[chains];
        long[] gradientEvaluations = new long[chains];
        ParallelEnergies.of(pool, 1).run(0, chains, (from, count) -> {
            double[] start = new double[d];
            for (int c = from; c < from + count; c++) {
                McmcKernel kernel = algorithm.kernel(density, stepSizes[c]);
                System.arraycopy(starts, c * d, start, 0, d);
                ChainState state = kernel.init(start);
                UniformRandomProvider rng = streams.stream(c);
                int firstRow = c * s;
                long accepted = schedule.run(kernel, state, rng, algorithm.targetAcceptance(),
                        (k, kept) -> {
                            System.arraycopy(kept.position(), 0, samples, (firstRow + k) * d, d);
                            logDensities[firstRow + k] = kept.logDensity();
                        });
                acceptanceRates[c] = accepted / schedule.samplingSteps();
                finalStepSizes[c] = kernel.stepSize();
                finalStates[c] = state;
                densityEvaluations[c] = kernel.densityEvaluations();
                gradientEvaluations[c] = kernel.gradientEvaluations();
                progress.finished(c);
            }
        });
        return new MultiChainResult(chains, s, d, samples, logDensities, acceptanceRates,
                finalStepSizes, finalStates, Arrays.stream(densityEvaluations).sum(),
                Arrays.stream(gradientEvaluations).sum());
    }

    private static int chains(LogDensity density, double[] starts) {
        int d = density.manifold().dimension();
        if (starts.length == 0 || starts.length % d != 0) {
            throw new IllegalArgumentException("start positions must be C ≥ 1 rows of dimension "
                    + d + ", got " + starts.length + " values");
        }
        return starts.length / d;
    }
}
