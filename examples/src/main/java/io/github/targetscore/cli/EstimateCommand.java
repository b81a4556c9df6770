package io.github.targetscore.cli;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.estimator.ScoreEstimates;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code estimate}: Monte Carlo estimates of the noised score ∇log p_Y(y) at the points of an
 * NPY file, for one noise time t of a schedule, with a chosen identity and posterior sampler.
 * Point i draws from random stream i of {@code --seed}, so the output does not depend on
 * {@code --threads}.
 */
@Command(name = "estimate",
        description = {"Estimates the noised score ∇log p_Y(y) at points y read from an NPY file.",
            "Writes OUT/estimates.npy (n × d), OUT/variances.npy (n × d, per-component Monte Carlo"
                + " variance), OUT/ess.npy (n) and OUT/summary.json."})
final class EstimateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnergyOptions energy;

    @Option(names = "--beta", defaultValue = "1", description = "inverse temperature β = 1/kT (default ${DEFAULT-VALUE})")
    private double beta;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "noisy points y, NPY (n, d) or (d)")
    private Path input;

    @Option(names = "--t", required = true, paramLabel = "T", description = "noise time t ∈ (0, 1)")
    private double t;

    @Mixin
    private ScheduleOptions scheduleOptions;

    @Option(names = "--identity", defaultValue = "tsi",
            description = "dsi, tsi, kappa, kappa-bar or phillips (default ${DEFAULT-VALUE})")
    private String identityName;

    @Option(names = "--data-variance", description = "σ_data² for kappa")
    private Double dataVariance;

    @Option(names = "--mode-variance", description = "σ_mode² for kappa-bar")
    private Double modeVariance;

    @Option(names = "--clip", description = "cap on each estimate's norm (per particle for particle systems)")
    private Double clip;

    @Mixin
    private PosteriorSamplerOptions samplerOptions;

    @Option(names = "--seed", defaultValue = "0", description = "master seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    private Path out;

    @Mixin
    private ThreadOptions threads;

    @Override
    public Integer call() throws IOException {
        EnergyOptions.Selection selection = energy.select(EnergyRegistry.load());
        EnergyModel model = selection.model();
        int d = model.dimension();
        NpyArrays.Rows rows = NpyArrays.readRows(input, d, selection.name());
        double[] ys = rows.values();
        BoltzmannDensity target = BoltzmannDensity.of(model, beta);
        NoiseSchedule schedule = scheduleOptions.schedule();
        ScoreEstimator estimator = ScoreEstimator.of(target,
                IdentityNames.parse(identityName, dataVariance, modeVariance),
                samplerOptions.create(target));
        if (clip != null) {
            estimator = estimator.withClipping(clip);
        }
        double[] times = new double[rows.rows()];
        java.util.Arrays.fill(times, t);
        long start = System.nanoTime();
        ScoreEstimates e;
        ForkJoinPool pool = threads.newPool();
        try {
            e = estimator.estimate(ys, times, schedule, RandomStreams.of(seed), pool);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        Files.createDirectories(out);
        NpyArrays.write(out.resolve("estimates.npy"), e.estimates(), e.count(), d);
        NpyArrays.write(out.resolve("variances.npy"), e.variances(), e.count(), d);
        NpyArrays.write(out.resolve("ess.npy"), e.effectiveSampleSizes());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("energy", selection.name());
        summary.put("parameters", selection.parameters().asMap());
        summary.put("beta", beta);
        summary.put("schedule", schedule.toString());
        summary.put("t", t);
        summary.put("alpha", schedule.alpha(t));
        summary.put("sigma", schedule.sigma(t));
        summary.put("identity", estimator.identity().name());
        summary.put("sampler", estimator.sampler().name());
        summary.put("samples", estimator.sampler().sampleSize());
        summary.put("points", e.count());
        summary.put("seed", seed);
        summary.put("clipNorm", clip);
        summary.put("clippedPoints", e.clippedPoints());
        summary.put("energyEvaluations", e.energyEvaluations());
        summary.put("gradientEvaluations", e.gradientEvaluations());
        summary.put("wallTimeSeconds", seconds);
        summary.put("version", ManifestVersion.version());
        Json.write(out.resolve("summary.json"), summary);
        double meanVariance = 0;
        double meanEss = 0;
        for (int i = 0; i < e.count(); i++) {
            meanVariance += e.totalVariance(i) / e.count();
            meanEss += e.effectiveSampleSizes()[i] / e.count();
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("%s: %d points, t = %.4g (α = %.4g, σ = %.4g), %s with %s, K = %d (%.2f s)%n",
                selection.name(), e.count(), t, schedule.alpha(t), schedule.sigma(t),
                estimator.identity(), estimator.sampler().name(), estimator.sampler().sampleSize(), seconds);
        printer.printf("mean summed Monte Carlo variance %.4g, mean ESS %.4g, %d clipped%n",
                meanVariance, meanEss, e.clippedPoints());
        printer.println("written: " + out.resolve("estimates.npy") + ", variances.npy, ess.npy, summary.json");
        printer.flush();
        return 0;
    }
}
