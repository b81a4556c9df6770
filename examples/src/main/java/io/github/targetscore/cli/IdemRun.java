package io.github.targetscore.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.CountingLogDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.loss.Weighting;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.ExactSampling;
import io.github.targetscore.samplers.diffusion.ReverseDiffusion;
import io.github.targetscore.samplers.diffusion.Scheme;
import io.github.targetscore.samplers.diffusion.TimeGrid;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import io.github.targetscore.samplers.mcmc.ChainSchedule;
import io.github.targetscore.samplers.mcmc.MultiChainResult;
import io.github.targetscore.samplers.mcmc.MultiChainRunner;
import io.github.targetscore.samplers.metrics.MetricWithFloor;
import io.github.targetscore.samplers.metrics.SampleMetrics;
import io.github.targetscore.training.Nd4jRuntime;
import io.github.targetscore.training.idem.EpochRecord;
import io.github.targetscore.training.idem.IdemCheckpoint;
import io.github.targetscore.training.idem.IteratedDenoising;
import io.github.targetscore.training.model.ScoreModel;
import io.github.targetscore.training.network.ScoreNetwork;
import io.github.targetscore.training.trainer.AdamOptimiser;
import io.github.targetscore.training.trainer.LearningRateSchedule;
import io.github.targetscore.training.trainer.TrainingListener;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * One iDEM sampling run from a {@link RunConfig} into a run folder: builds the target, the
 * estimator, the network and the loop; resumes from {@code checkpoints/loop.ckpt} when asked;
 * runs the epochs with a progress line each, optional evaluations and periodic checkpoints; then
 * generates the final samples (evaluated and final samples by the loop's reverse diffusion with
 * the config's corrector) and writes them with their energies, the epoch table, metrics
 * and figures. Every file is written atomically.
 *
 * <p>Random streams: family 1 of the master seed draws reference samples (targets with an
 * exact sampler), family 3 the evaluation samples (family e of it after epoch e), family 4 the
 * final samples, family 5 the refinement's chains; the loop uses the master seed itself (see {@link IteratedDenoising}).
 */
final class IdemRun {

    static final String CHECKPOINT = "checkpoints/loop.ckpt";
    static final String EVALUATIONS = "checkpoints/evaluations.json";
    static final String CONFIG = "config.json";
    private static final long REFERENCE_STREAMS = 1;
    private static final long EVALUATION_STREAMS = 3;
    private static final long FINAL_STREAMS = 4;
    private static final long REFINEMENT_STREAMS = 5;

    /**
     * One evaluation of the network's samples during a run.
     *
     * @param epoch epochs completed
     * @param evaluations gradient-equivalent target evaluations of the estimator spent by then
     * @param modelEvaluations target evaluations the score model made generating these samples
     * @param metrics by label: {value, floor}, or {value, floor, symmetrised floor} where the
     *     symmetrised floor differs
     */
    record Evaluation(int epoch, long evaluations, long modelEvaluations,
            Map<String, double[]> metrics) {
    }

    /**
     * What a finished run reports to a sweep.
     *
     * @param name the run's name
     * @param out its folder
     * @param epochs epochs run
     * @param evaluations gradient-equivalent target evaluations of the estimator
     * @param modelEvaluations target evaluations the score model made itself (a target-score
     *     parameterisation), in the epochs, the evaluations and the final generation
     * @param refinementEvaluations gradient-equivalent target evaluations of the refinement
     * @param seconds wall-clock time of the epochs (summed over resumed parts)
     * @param generatedMetrics metrics of the generated samples before refinement, with their
     *     floors (empty without a reference)
     * @param metrics metrics of the final (refined) samples with their floors (empty without a
     *     reference)
     */
    record Summary(String name, Path out, int epochs, long evaluations, long modelEvaluations,
            long refinementEvaluations, double seconds, List<MetricWithFloor> generatedMetrics,
            List<MetricWithFloor> metrics) {
    }

    /** Samples after the refinement and the target evaluations it spent. */
    private record Refined(double[] samples, long evaluations) {
    }

    private final RunConfig config;
    private final Path out;
    private final EnergyModel model;
    private final RandomStreams master;
    /** The target as the score model sees it (a target-score parameterisation evaluates it). */
    private final CountingLogDensity modelTarget;

    private IdemRun(RunConfig config, Path out, EnergyModel model) {
        this.config = config;
        this.out = out;
        this.model = model;
        this.master = RandomStreams.of(config.seed());
        this.modelTarget = CountingLogDensity.of(BoltzmannDensity.of(model, 1));
    }

    /** A run of {@code config} into folder {@code out}. */
    static IdemRun of(RunConfig config, Path out) {
        EnergyModel model = EnergyRegistry.load().create(config.target().energy(),
                config.target().parameters());
        return new IdemRun(config, out, model);
    }

    /**
     * Runs (or resumes) to the end and writes the outputs.
     *
     * @param resume continue from the folder's checkpoint if there is one
     * @param pool workers of the estimator and the reverse diffusion
     * @param printer progress and results
     * @throws IllegalStateException if the folder holds a checkpoint and {@code resume} is
     *     false, or holds one of another config
     */
    Summary run(boolean resume, ForkJoinPool pool, PrintWriter printer) throws IOException {
        NoiseSchedule schedule = config.schedule().create();
        IteratedDenoising loop = loop(schedule, pool);
        ReverseDiffusion output = outputDiffusion(schedule);
        double[] reference = reference(pool);
        List<Evaluation> evaluations = new ArrayList<>();
        Files.createDirectories(out.resolve(CHECKPOINT).getParent());
        start(loop, evaluations, resume);
        String name = config.name();
        RunConfig.Loop sizes = config.loop();
        printer.printf("run %s: %s, %s, %s/%s K = %d, %d epochs of %d samples and %d steps"
                + " of %d%n", name, model, schedule, config.estimator().identity(),
                config.estimator().sampler(), config.estimator().samples(), sizes.epochs(),
                sizes.samplesPerEpoch(), sizes.innerSteps(), sizes.batchSize());
        printer.flush();
        while (loop.epoch() < sizes.epochs()) {
            EpochRecord r = loop.runEpoch(TrainingListener.none());
            progress(loop, r, printer);
            int done = loop.epoch();
            int every = config.evaluation().every();
            if (reference != null && every > 0 && done % every == 0) {
                Evaluation e = evaluate(loop, output, reference, done);
                evaluations.add(e);
                printer.printf("run %s: epoch %d, %s%n", name, done, describe(e.metrics()));
            }
            if (done % config.checkpointEvery() == 0 || done == sizes.epochs()) {
                Json.write(out.resolve(EVALUATIONS), evaluations);
                IdemCheckpoint.save(loop, out.resolve(CHECKPOINT));
            }
            printer.flush();
        }
        int n = config.evaluation().samples();
        long before = modelTarget.gradientEvaluations();
        double[] generated = loop.generate(n, master.family(FINAL_STREAMS), output);
        long modelEvaluations = modelTarget.gradientEvaluations() - before;
        for (EpochRecord r : loop.records()) {
            modelEvaluations += r.modelEvaluations();
        }
        for (Evaluation e : evaluations) {
            modelEvaluations += e.modelEvaluations();
        }
        List<MetricWithFloor> generatedMetrics = metrics(generated, reference);
        Refined refined = refine(generated, pool);
        List<MetricWithFloor> metrics = metrics(refined.samples(), reference);
        double[] samples = refined.samples();
        double seconds = 0;
        for (EpochRecord r : loop.records()) {
            seconds += r.seconds();
        }
        Summary summary = new Summary(name, out, loop.epoch(), loop.evaluations(),
                modelEvaluations, refined.evaluations(), seconds, generatedMetrics, metrics);
        double[] energies = energies(samples);
        RunOutputs.write(out, config, model, generated, samples, energies, reference,
                loop.records(), evaluations, summary);
        if (config.refinement().steps() > 0) {
            printer.printf(Locale.ROOT, "run %s: generated samples, median U %.4g%s%n", name,
                    median(energies(generated)), generatedMetrics.isEmpty() ? ""
                            : ", " + describe(generatedMetrics));
        }
        printer.printf(Locale.ROOT, "run %s: %d samples, median U %.4g, %s; wrote %s%n", name, n,
                median(energies), metrics.isEmpty() ? "no reference" : describe(metrics),
                out);
        printer.flush();
        return summary;
    }

    /**
     * The summary of this run if it has finished in its folder, read back from its
     * {@code metrics.json}; empty if the folder holds no finished run.
     *
     * @throws IllegalStateException if the folder holds a finished run of another config
     */
    Optional<Summary> finished() throws IOException {
        if (!Files.exists(out.resolve(RunOutputs.METRICS))) {
            return Optional.empty();
        }
        requireSameConfig();
        return Optional.of(RunOutputs.readSummary(out));
    }

    private void requireSameConfig() throws IOException {
        RunConfig saved = ConfigFiles.read(out.resolve(CONFIG), RunConfig.class);
        if (!saved.equals(config)) {
            throw new IllegalStateException(out + " holds a run of another config ("
                    + out.resolve(CONFIG) + "); resume with that config or choose another --out");
        }
    }

    /** Restores a checkpoint, or records the config of a fresh run. */
    private void start(IteratedDenoising loop, List<Evaluation> evaluations, boolean resume)
            throws IOException {
        Path checkpoint = out.resolve(CHECKPOINT);
        if (!Files.exists(checkpoint)) {
            Json.write(out.resolve(CONFIG), config);
            return;
        }
        if (!resume) {
            throw new IllegalStateException(out + " holds a checkpoint of an earlier run: pass "
                    + "--resume to continue it, or choose another --out");
        }
        requireSameConfig();
        IdemCheckpoint.restore(loop, checkpoint);
        if (Files.exists(out.resolve(EVALUATIONS))) {
            for (Evaluation e : Json.read(out.resolve(EVALUATIONS),
                    new TypeReference<List<Evaluation>>() { })) {
                if (e.epoch() <= loop.epoch()) {
                    evaluations.add(e);
                }
            }
        }
    }

    private IteratedDenoising loop(NoiseSchedule schedule, ForkJoinPool pool) {
        BoltzmannDensity target = BoltzmannDensity.of(model, 1);
        RunConfig.Estimator e = config.estimator();
        ScoreEstimator estimator = ScoreEstimator.of(target, identity(e),
                PosteriorSamplers.create(e.sampler(), e.samples(), e.chains(), e.warmup(),
                        e.leapfrogSteps(), target, "estimator.sampler"))
                .withClipping(e.clipping(target.manifold()));
        double dataVariance = e.dataVariance() != null ? e.dataVariance() : 1;
        ScoreNetwork network = config.network().create(model, config.seed());
        ScoreModel scoreModel = ScoreModel.of(network,
                config.network().parameterisation(modelTarget, dataVariance,
                        e.modeVariance() != null ? e.modeVariance() : Double.NaN,
                        e.clipping(target.manifold())),
                schedule);
        RunConfig.Loop sizes = config.loop();
        RunConfig.Optimiser opt = config.optimiser();
        long steps = (long) sizes.epochs() * sizes.innerSteps();
        LearningRateSchedule rate = opt.warmupSteps() == 0
                ? LearningRateSchedule.constant(opt.learningRate())
                : LearningRateSchedule.cosine(opt.learningRate(), opt.warmupSteps(), steps, 0.1);
        AdamOptimiser adam = AdamOptimiser.builder(network.parameters()).learningRate(rate)
                .gradientClipping(opt.gradientClip()).emaDecay(opt.ema()).build();
        ReverseDiffusion diffusion = config.diffusion().corrector().inLoop()
                ? outputDiffusion(schedule) : diffusion(schedule);
        return IteratedDenoising.builder(scoreModel, estimator, diffusion, adam)
                .samplesPerEpoch(sizes.samplesPerEpoch()).innerSteps(sizes.innerSteps())
                .batchSize(sizes.batchSize()).bufferCapacity(sizes.bufferCapacity())
                .times(config.schedule().minTime(), config.schedule().maxTime())
                .weighting(Weighting.byName(sizes.weighting(), dataVariance))
                .generationClipping(e.clipping(target.manifold()))
                .modelEvaluationCounter(modelTarget::gradientEvaluations)
                .seed(config.seed()).pool(pool).build();
    }

    /** The reverse diffusion of the reported samples: the loop's, with the corrector. */
    private ReverseDiffusion outputDiffusion(NoiseSchedule schedule) {
        return diffusion(schedule).withCorrector(config.diffusion().corrector().create());
    }

    /** The reverse diffusion of the loop's samples, without corrector. */
    private ReverseDiffusion diffusion(NoiseSchedule schedule) {
        // start where the network was trained: never above the largest training time
        double start = Math.min(TimeGrid.defaultStart(schedule), config.schedule().maxTime());
        double end = config.schedule().minTime();
        int steps = config.diffusion().steps();
        TimeGrid grid = config.diffusion().grid().equals("uniform")
                ? TimeGrid.uniform(start, end, steps) : TimeGrid.logSnr(schedule, start, end, steps);
        return ReverseDiffusion.of(Scheme.EULER_MARUYAMA, schedule, grid, model.manifold());
    }

    private static ScoreIdentity identity(RunConfig.Estimator e) {
        switch (e.identity()) {
            case "tsi": return ScoreIdentity.tsi();
            case "dsi": return ScoreIdentity.dsi();
            case "kappa": return ScoreIdentity.kappa(required(e.dataVariance(),
                    "estimator.dataVariance", "kappa"));
            case "kappa-bar": return ScoreIdentity.kappaBar(required(e.modeVariance(),
                    "estimator.modeVariance", "kappa-bar"));
            default:
                throw new IllegalArgumentException("estimator.identity: unknown '" + e.identity()
                        + "'; known: tsi, dsi, kappa, kappa-bar");
        }
    }

    private static double required(Double value, String field, String identity) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required by identity " + identity);
        }
        return value;
    }

    /** 2·samples reference configurations, or null when there is none to compare with. */
    private double[] reference(ForkJoinPool pool) throws IOException {
        int n = 2 * config.evaluation().samples();
        String named = config.evaluation().reference();
        if (RunConfig.Evaluation.EXACT.equals(named)) {
            if (model.exactSampler().isEmpty()) {
                throw new IllegalArgumentException("evaluation.reference: exact, but " + model
                        + " has no exact sampler; give an NPY file (e.g. from targetscore mcmc)");
            }
        } else if (named != null) {
            return ReferenceSamples.load(Path.of(config.evaluation().reference()), model,
                    config.target().energy(), n, "evaluation.reference (2 · evaluation.samples)");
        }
        if (model.exactSampler().isPresent()) {
            return ExactSampling.of(model).draw(n, master.family(REFERENCE_STREAMS), pool);
        }
        return null;
    }

    /** The energies U of the configurations xs (kT = 1). */
    private double[] energies(double[] xs) {
        int n = xs.length / model.dimension();
        double[] energies = new double[n];
        model.energies(xs, 0, n, energies);
        return energies;
    }

    /** The median of {@code values} (not changed). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private List<MetricWithFloor> metrics(double[] samples, double[] reference) {
        return reference == null ? List.of()
                : SampleMetrics.of(model).compare(samples, reference, config.seed());
    }

    /** Runs the refinement's chains from the generated samples (chain i on stream i). */
    private Refined refine(double[] generated, ForkJoinPool pool) {
        RunConfig.Refinement r = config.refinement();
        if (r.steps() == 0) {
            return new Refined(generated, 0);
        }
        int warmUp = r.steps() / 2;
        MultiChainResult chains = MultiChainRunner.of(r.createAlgorithm(),
                ChainSchedule.of(warmUp, 1, r.steps() - warmUp))
                .run(BoltzmannDensity.of(model, 1), generated, r.stepSize(),
                        master.family(REFINEMENT_STREAMS), pool);
        return new Refined(chains.finalPositions(),
                chains.densityEvaluations() + chains.gradientEvaluations());
    }

    private Evaluation evaluate(IteratedDenoising loop, ReverseDiffusion output,
            double[] reference, int epoch) {
        long before = modelTarget.gradientEvaluations();
        double[] samples = loop.generate(config.evaluation().samples(),
                master.family(EVALUATION_STREAMS).family(epoch), output);
        return new Evaluation(epoch, loop.evaluations(),
                modelTarget.gradientEvaluations() - before, byLabel(metrics(samples, reference)));
    }

    /** As {@link #describe(Map)} of {@link #byLabel}. */
    private static String describe(List<MetricWithFloor> metrics) {
        return describe(byLabel(metrics));
    }

    /**
     * {value, floor} per metric label, {value, floor, symmetrised floor} where the symmetrised
     * floor differs from the floor.
     */
    private static Map<String, double[]> byLabel(List<MetricWithFloor> metrics) {
        Map<String, double[]> byLabel = new LinkedHashMap<>();
        for (MetricWithFloor m : metrics) {
            byLabel.put(m.metric().label(), m.hasDistinctSymmetrisedFloor()
                    ? new double[] {m.value(), m.floor(), m.symmetrisedFloor()}
                    : new double[] {m.value(), m.floor()});
        }
        return byLabel;
    }

    /** "label v (floor f)" per {value, floor} entry, "(floor f, symmetrised s)" per triple. */
    private static String describe(Map<String, double[]> metrics) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, double[]> m : metrics.entrySet()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            double[] v = m.getValue();
            s.append(String.format(Locale.ROOT, "%s %.4g (floor %.4g", m.getKey(), v[0], v[1]));
            s.append(v.length > 2 ? String.format(Locale.ROOT, ", symmetrised %.4g)", v[2]) : ")");
        }
        return s.toString();
    }

    private void progress(IteratedDenoising loop, EpochRecord r, PrintWriter printer) {
        int epochs = config.loop().epochs();
        double mean = 0;
        for (EpochRecord e : loop.records()) {
            mean += e.seconds();
        }
        mean /= loop.epoch();
        printer.printf(Locale.ROOT, "run %s: epoch %d/%d  loss %.4g  ESS %.1f  clipped %.1f%%"
                + "  %.3g evaluations  %.1f s/epoch, about %.0f s left%n", config.name(),
                r.epoch() + 1, epochs, r.meanLoss(), r.meanEffectiveSampleSize(),
                100 * r.clippedFraction(), (double) loop.evaluations(), r.seconds(),
                mean * (epochs - loop.epoch()));
    }

    /** The ND4J backend and its thread count, for metrics.json. */
    static Map<String, Object> backend() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("backend", Nd4jRuntime.backend());
        b.put("ompThreads", Nd4jRuntime.ompThreads());
        return b;
    }
}
