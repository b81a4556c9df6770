package io.github.targetscore.cli;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.diffusion.DiffusionPrior;
import io.github.targetscore.samplers.mcmc.ChainSchedule;
import io.github.targetscore.samplers.mcmc.McmcAlgorithm;
import io.github.targetscore.samplers.mcmc.MultiChainResult;
import io.github.targetscore.samplers.mcmc.MultiChainRunner;
import io.github.targetscore.samplers.metrics.MetricWithFloor;
import io.github.targetscore.samplers.metrics.SampleMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcmc}: the plain-MCMC baseline. N independent MALA or HMC chains run on the target
 * p(x) ∝ exp(−U(x)) itself (kT = 1) for S steps each, the first W adapting the step size, and
 * each chain's final state is one sample. Chain c starts at s·Pξ_c, ξ_c ~ N(0, I) (the
 * diffusion sampler's Gaussian prior, mean-free for particle systems), drawn from stream c of
 * family 0 of {@code --seed}, and runs on stream c of family 1, so the output does not depend on
 * {@code --threads}.
 *
 * <p>A budget of E target evaluations ({@code --evaluations}, counted in gradient equivalents)
 * is split evenly over the chains: each spends one evaluation with gradient at its start and k
 * per step (MALA k = 1, HMC k = L), so S = ⌊(E − N) / (N·k)⌋ and the run spends
 * N·(1 + k·S) ≤ E.
 */
@Command(name = "mcmc",
        description = {"Plain MCMC baseline: N independent MALA or HMC chains on the target "
                + "exp(−U(x)) (β = 1) for S steps each; each chain's final state is one sample.",
            "Chains start from N(0, s² I) projected onto the sampled subspace (mean-free for "
                + "particle systems), the diffusion sampler's prior; rotations (SO(3) factors) "
                + "start uniform (Haar).",
            "--evaluations E splits a budget of E gradient evaluations evenly: each chain spends "
                + "1 at its start and k per step (MALA 1, HMC L), so S = floor((E − N) / (N k)).",
            "Writes OUT/samples.npy (N × d), OUT/energies.npy (N) and OUT/metrics.json "
                + "(with --reference: x-W2, E-W2 and MMD against N reference rows, beside their "
                + "floors)."})
final class McmcCommand implements Callable<Integer> {

    private static final int DEFAULT_LEAPFROG_STEPS = 5;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnergyOptions energy;

    @Mixin
    private ThreadOptions threads;

    @Option(names = "--chains", required = true, paramLabel = "N",
            description = "independent chains, one sample each, >= 2")
    private int chains;

    /** The chain length: steps per chain, or a total evaluation budget. */
    static final class Length {
        @Option(names = "--steps", required = true, paramLabel = "S",
                description = "steps per chain, >= 1")
        private int steps;

        @Option(names = "--evaluations", required = true, paramLabel = "E",
                description = "budget of gradient evaluations for all chains together, an "
                        + "integer (1e8 and 100000000 alike)")
        private String evaluations;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Length length;

    @Option(names = "--algorithm", defaultValue = "mala", paramLabel = "NAME",
            description = "mala or hmc (default: ${DEFAULT-VALUE})")
    private String algorithmName;

    @Option(names = "--leapfrog", paramLabel = "L",
            description = "HMC leapfrog steps per proposal, >= 1 (default: 5)")
    private Integer leapfrog;

    @Option(names = "--warmup", paramLabel = "W",
            description = "the first W steps of each chain adapt its step size toward the "
                    + "algorithm's acceptance rate (MALA 0.574, HMC 0.65), 0 <= W < S "
                    + "(default: S/2, rounded down)")
    private Integer warmup;

    @Option(names = "--init-scale", defaultValue = "1", paramLabel = "s",
            description = "standard deviation of the Gaussian start, > 0 (default: "
                    + "${DEFAULT-VALUE})")
    private double initScale;

    @Option(names = "--step-size", paramLabel = "H",
            description = "step size before adaptation (MALA's h, HMC's ε), > 0 (default: "
                    + "the kernel's optimal step for a unit Gaussian in the target's degrees of "
                    + "freedom)")
    private Double stepSize;

    @Option(names = "--reference", paramLabel = "FILE.npy",
            description = "reference samples, at least 2N rows: the metrics compare the final "
                    + "states with N random rows, beside two disjoint sets of N rows")
    private Path reference;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "master seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory, created if missing; its files are replaced")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (chains < 2) {
            throw new IllegalArgumentException("--chains must be >= 2, got " + chains);
        }
        Integer leapfrogSteps = leapfrogSteps();
        McmcAlgorithm algorithm = leapfrogSteps == null ? McmcAlgorithm.mala()
                : McmcAlgorithm.hmc(leapfrogSteps);
        int perStep = leapfrogSteps == null ? 1 : leapfrogSteps;
        Long budget = length.evaluations == null ? null : budget(length.evaluations);
        int steps = budget == null ? length.steps : stepsWithin(budget, perStep);
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        int warmUp = warmup == null ? steps / 2 : warmup;
        if (warmUp < 0 || warmUp >= steps) {
            throw new IllegalArgumentException("--warmup must be >= 0 and < the " + steps
                    + " steps per chain, got " + warmUp);
        }
        if (!(initScale > 0) || !Double.isFinite(initScale)) {
            throw new IllegalArgumentException("--init-scale must be finite and > 0, got "
                    + initScale);
        }
        if (stepSize != null && !(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("--step-size must be finite and > 0, got "
                    + stepSize);
        }
        EnergyOptions.Selection selection = energy.select(EnergyRegistry.load());
        EnergyModel model = selection.model();
        Manifold space = model.manifold();
        int d = space.dimension();
        double[] referenceRows = reference == null ? null : referenceRows(selection);
        double h = stepSize != null ? stepSize
                : algorithm.stepSizeForScale(1, space.degreesOfFreedom());
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("mcmc: %s on %s, %d chains × %d steps (%d adapting), %s%n", algorithm,
                selection.name(), chains, steps, warmUp, budget == null ? "no budget"
                        : "budget " + budget + " gradient evaluations");
        printer.flush();
        ForkJoinPool pool = threads.newPool();
        MultiChainResult result;
        long start = System.nanoTime();
        try {
            result = MultiChainRunner.of(algorithm, ChainSchedule.of(warmUp, 1, steps - warmUp))
                    .withProgress(new WorkProgress("mcmc", chains, "chains",
                            spec.commandLine().getErr()))
                    .run(BoltzmannDensity.of(model, 1), starts(space), h,
                            RandomStreams.of(seed).family(1), pool);
        } finally {
            pool.shutdown();
        }
        double samplingSeconds = (System.nanoTime() - start) * 1e-9;
        double[] samples = result.finalPositions();
        double[] energies = result.logDensities();
        for (int c = 0; c < chains; c++) {
            energies[c] = -energies[c]; // log p = −U at β = 1
        }
        List<MetricWithFloor> metrics = null;
        double metricsSeconds = 0;
        if (referenceRows != null) {
            long metricsStart = System.nanoTime();
            metrics = SampleMetrics.of(model).compare(samples, referenceRows, seed);
            metricsSeconds = (System.nanoTime() - metricsStart) * 1e-9;
        }
        double[] rates = result.acceptanceRates();
        double[] stepSizes = result.stepSizes();
        McmcSummary summary = new McmcSummary(selection.name(),
                selection.parameters().asMap(), algorithm.name(), leapfrogSteps, chains, steps,
                warmUp, initScale, h, budget, seed, pool.getParallelism(),
                result.gradientEvaluations(), result.densityEvaluations(),
                result.gradientEvaluations() + result.densityEvaluations(),
                Arrays.stream(rates).average().orElseThrow(),
                Arrays.stream(rates).min().orElseThrow(),
                Arrays.stream(stepSizes).average().orElseThrow(),
                Arrays.stream(stepSizes).min().orElseThrow(),
                Arrays.stream(stepSizes).max().orElseThrow(),
                Arrays.stream(energies).average().orElseThrow(), samplingSeconds,
                reference == null ? null : reference.toString(), metrics,
                metricsSeconds, ManifestVersion.version());
        Files.createDirectories(out);
        NpyArrays.write(out.resolve("samples.npy"), samples, chains, d);
        NpyArrays.write(out.resolve("energies.npy"), energies);
        Json.write(out.resolve("metrics.json"), summary);
        print(printer, summary);
        return 0;
    }

    /**
     * L for {@code --algorithm hmc} ({@code --leapfrog}, default 5), {@code null} for MALA,
     * which takes no {@code --leapfrog}.
     */
    private Integer leapfrogSteps() {
        switch (algorithmName) {
            case "mala":
                if (leapfrog != null) {
                    throw new IllegalArgumentException("--leapfrog is an HMC option; "
                            + "--algorithm mala takes one gradient step per proposal");
                }
                return null;
            case "hmc":
                int l = leapfrog == null ? DEFAULT_LEAPFROG_STEPS : leapfrog;
                if (l < 1) {
                    throw new IllegalArgumentException("--leapfrog must be >= 1, got " + l);
                }
                return l;
            default:
                throw new IllegalArgumentException("unknown --algorithm '" + algorithmName
                        + "'; known: mala, hmc");
        }
    }

    /** E of {@code --evaluations}, a positive integer written plainly or in exponent form. */
    private static long budget(String text) {
        long e;
        try {
            e = new BigDecimal(text.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException notWhole) {
            throw new IllegalArgumentException("--evaluations must be a whole number of "
                    + "evaluations (e.g. 1000000 or 1e6), got '" + text + "'");
        }
        if (e < 1) {
            throw new IllegalArgumentException("--evaluations must be >= 1, got " + text);
        }
        return e;
    }

    /** S = ⌊(E − N) / (N·k)⌋: each chain spends 1 evaluation at its start and k per step. */
    private int stepsWithin(long budget, int perStep) {
        long steps = (budget - chains) / ((long) chains * perStep);
        if (budget < chains || steps < 1) {
            throw new IllegalArgumentException("--evaluations " + budget + " is less than one "
                    + "step of each chain: " + chains + " chains need N·(1 + k) = "
                    + (long) chains * (1 + perStep) + " evaluations (k = " + perStep
                    + " per step)");
        }
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--evaluations " + budget + " gives " + steps
                    + " steps per chain, more than " + Integer.MAX_VALUE);
        }
        return (int) steps;
    }

    /** Row c: s·Pξ_c, ξ_c ~ N(0, I) from stream c of family 0, canonicalised. */
    private double[] starts(Manifold space) {
        int d = space.dimension();
        RandomStreams streams = RandomStreams.of(seed).family(0);
        double[] starts = new double[Math.multiplyExact(chains, d)];
        if (space.tangentDimension() != d) {
            double[] scratch = new double[space.tangentDimension()];
            for (int c = 0; c < chains; c++) {
                DiffusionPrior.draw(space, ZigguratSampler.NormalizedGaussian.of(
                        streams.stream(c)), initScale, starts, c * d, scratch, 0);
            }
            return starts;
        }
        for (int c = 0; c < chains; c++) {
            space.gaussianTangent(ZigguratSampler.NormalizedGaussian.of(streams.stream(c)),
                    starts, c * d);
            for (int i = c * d; i < (c + 1) * d; i++) {
                starts[i] *= initScale;
            }
            space.canonicalise(starts, c * d);
        }
        return starts;
    }

    /** The reference file's rows, at least 2N of them. */
    private double[] referenceRows(EnergyOptions.Selection selection) throws IOException {
        NpyArrays.Rows rows = NpyArrays.readRows(reference, selection.model().dimension(),
                selection.name());
        if (rows.rows() < 2 * chains) {
            throw new IllegalArgumentException("--reference " + reference + ": " + rows.rows()
                    + " rows, need 2N = " + 2 * chains + " (N rows to compare with and N "
                    + "more for the floor)");
        }
        return rows.values();
    }

    private void print(PrintWriter printer, McmcSummary summary) {
        printer.printf("mcmc: %d gradient evaluations (%d energy-only), acceptance %.3f "
                + "(lowest chain %.3f), step size %.4g (%.4g–%.4g), mean energy %.6g, %.1f s%n",
                summary.gradientEvaluations(), summary.energyEvaluations(),
                summary.acceptanceRate(), summary.minAcceptanceRate(), summary.meanStepSize(),
                summary.minStepSize(), summary.maxStepSize(), summary.meanEnergy(),
                summary.samplingSeconds());
        if (summary.metrics() != null) {
            for (MetricWithFloor m : summary.metrics()) {
                printer.printf("mcmc: %-20s %.4g (floor %.4g", m.metric().label(), m.value(),
                        m.floor());
                if (m.hasDistinctSymmetrisedFloor()) {
                    printer.printf(", symmetrised %.4g", m.symmetrisedFloor());
                }
                printer.println(")");
            }
        }
        printer.println("written: " + out.resolve("samples.npy") + ", energies.npy, "
                + "metrics.json");
        printer.flush();
    }
}
