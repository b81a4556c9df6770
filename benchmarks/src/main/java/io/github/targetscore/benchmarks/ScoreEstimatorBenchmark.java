package io.github.targetscore.benchmarks;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.estimator.ScoreEstimates;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.mcmc.ChainSchedule;
import io.github.targetscore.samplers.mcmc.McmcAlgorithm;
import io.github.targetscore.samplers.mcmc.McmcPosteriorSampler;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Monte Carlo score estimator ({@link ScoreEstimator}) with the Target Score Identity on the
 * {@code dw4} and {@code lj13} presets: the workload of {@code peer_bench.py}'s {@code mc} case
 * ({@code mc_score_{dw4,lj13}_{analytic,autograd}/B=256,K=500}).
 *
 * <p>One benchmark call estimates the noised score ∇log p_Y(y) at {@value #POINTS} noisy points
 * y with α = 1 and σ = {@value #SIGMA} for the Boltzmann density exp(−U) (β = 1) of the preset
 * (iDEM convention, from {@link EnergyRegistry}), in double precision:
 *
 * <ul>
 *   <li>sampler {@code snis}: {@link SelfNormalisedImportanceSampler} with K = {@value #K}
 *       proposals x_k = y + σξ_k per point, so that ŝ(y) = Σ_k softmax_k(−U(x_k)) (−∇U(x_k)),
 *       exactly the peer's estimator (iDEM's ∇_y logsumexp). The fresh Gaussian draws (and
 *       the per-point stream set-up) are inside the timed call, as in the peer;
 *   <li>sampler {@code mala}: {@link McmcPosteriorSampler} with MALA chains at the same gradient
 *       budget per point: {@value #MALA_CHAINS} chains started at y, each evaluating the
 *       gradient once at its start, then {@value #MALA_WARMUP} warm-up steps (step-size
 *       adaptation, automatic initial step) and {@value #MALA_SAMPLES} kept steps, one
 *       gradient per step: {@value #MALA_CHAINS} × (1 + {@value #MALA_WARMUP} +
 *       {@value #MALA_SAMPLES}) = 500 energy+gradient evaluations per point, like K = 500
 *       for SNIS (checked in set-up from the estimator's own count). The estimate averages the
 *       {@value #MALA_CHAINS} × {@value #MALA_SAMPLES} kept states. The peer has no
 *       counterpart; this measures what the MCMC path costs against the batch SNIS path, not
 *       statistical efficiency.
 * </ul>
 *
 * <p>Two thread variants, as in {@link EnergyBenchmark}: {@link #singleThread} passes a
 * one-worker {@link ForkJoinPool} (the estimator then runs on the calling thread) and
 * {@link #twoThreads} a two-worker pool, over which the estimator splits the points into two
 * blocks of 128. Point i draws from stream i of a {@link RandomStreams} seeded per call, so both
 * variants compute the same numbers (checked in set-up).
 *
 * <p><b>Units.</b> The mode is throughput, the primary score is calls per second. Two
 * {@link AuxCounters} secondary metrics give the figures the peer reports:
 * <b>{@code estimates}</b>, score estimates per second ({@value #POINTS} per call), and
 * <b>{@code evals}</b>, target evaluations per second in gradient equivalents (the estimator's own
 * count, {@link ScoreEstimates#gradientEquivalentEvaluations()}: {@value #BUDGET}
 * energy-and-gradient evaluations per point for both samplers, none of the energy alone).
 *
 * <p>Noisy points are made once per trial by {@link Configurations#forPreset} with a fixed seed,
 * like the peer's y: jittered lattice clusters for {@code lj13}, 2·N(0, I) for {@code dw4}.
 *
 * <p>Defaults (3 × 1 s warm-up, 5 × 2 s measurement, one fork) make the 8 benchmarks take about
 * 15 s each, two minutes in all; override with the usual JMH options ({@code -wi -i -w -r -f}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ScoreEstimatorBenchmark {

    /** Seed of the noisy points (fixed, so every run times the same inputs). */
    public static final long SEED = 20_261_123L;

    /** Noisy points per call (the peer's B). */
    public static final int POINTS = 256;

    /** Proposals per point (the peer's K). */
    public static final int K = 500;

    /** Signal scale α of the noise model Y = αX + σW. */
    public static final double ALPHA = 1.0;

    /** Noise level σ. */
    public static final double SIGMA = 0.5;

    /** Inverse temperature of the Boltzmann target. */
    public static final double BETA = 1.0;

    /** MALA chains per point. */
    public static final int MALA_CHAINS = 4;

    /** MALA warm-up (adaptation) steps per chain. */
    public static final int MALA_WARMUP = 24;

    /** MALA kept steps per chain (no thinning). */
    public static final int MALA_SAMPLES = 100;

    /** Energy+gradient evaluations per point of every sampler: K for SNIS, the MALA budget. */
    public static final int BUDGET = K;

    /** Allowed relative deviation of a sampler's measured evaluations from {@link #BUDGET}. */
    private static final double BUDGET_TOLERANCE = 0.02;

    /** Registry name of the energy: a preset of the {@code energies} module. */
    @Param({"dw4", "lj13"})
    public String energy;

    /**
     * Posterior sampler: {@code snis} (self-normalised importance sampling, K proposals) or
     * {@code mala} (MALA chains at the same gradient budget).
     */
    @Param({"snis", "mala"})
    public String sampler;

    private ScoreEstimator estimator;
    private ForkJoinPool onePool;
    private ForkJoinPool twoPool;
    private double[] ys;
    private double[] alphas;
    private double[] sigmas;
    private long call;

    /**
     * Counts score estimates and energy-plus-gradient evaluations; JMH normalises them by time
     * into the secondary metrics {@code estimates} and {@code evals} (per second).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Score estimates (noisy points) in the current iteration. */
        public long estimates;
        /** Energy-plus-gradient evaluations in the current iteration. */
        public long evals;

        /** Resets the counts at the start of each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            estimates = 0;
            evals = 0;
        }
    }

    /**
     * The posterior sampler of a name: {@code snis} or {@code mala}.
     *
     * @param name the {@link #sampler} parameter
     * @return the sampler
     */
    static PosteriorSampler posteriorSampler(String name) {
        switch (name) {
            case "snis":
                return SelfNormalisedImportanceSampler.of(K);
            case "mala":
                return McmcPosteriorSampler.of(McmcAlgorithm.mala(), MALA_CHAINS,
                        ChainSchedule.of(MALA_WARMUP, MALA_SAMPLES, 1));
            default:
                throw new IllegalArgumentException("unknown sampler '" + name + "' (snis, mala)");
        }
    }

    /**
     * Creates the target, the estimator, the pools and the noisy points, and checks one call on
     * each pool: finite estimates, the expected evaluation count, equal results on 1 and 2
     * workers.
     */
    @Setup(Level.Trial)
    public void setUp() {
        EnergyModel model = EnergyRegistry.load().create(energy, Map.of());
        BoltzmannDensity target = BoltzmannDensity.of(model, BETA);
        estimator = ScoreEstimator.of(target, ScoreIdentity.tsi(), posteriorSampler(sampler));
        int d = model.dimension();
        ys = Configurations.forPreset(energy, d, POINTS, SEED);
        alphas = new double[POINTS];
        sigmas = new double[POINTS];
        Arrays.fill(alphas, ALPHA);
        Arrays.fill(sigmas, SIGMA);
        onePool = new ForkJoinPool(1);
        twoPool = new ForkJoinPool(2);
        call = 0;

        RandomStreams streams = RandomStreams.of(SEED);
        ScoreEstimates one = estimator.estimate(ys, alphas, sigmas, streams, onePool);
        ScoreEstimates two = estimator.estimate(ys, alphas, sigmas, streams, twoPool);
        String what = energy + "/" + sampler;
        double[] e = one.estimates();
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw new IllegalStateException(what + ": estimate " + (i / d) + "[" + (i % d)
                        + "] is " + e[i]);
            }
        }
        double perPoint = one.gradientEvaluations() / (double) POINTS;
        if (Math.abs(perPoint / BUDGET - 1) > BUDGET_TOLERANCE || one.energyEvaluations() != 0) {
            throw new IllegalStateException(what + ": " + perPoint + " energy+gradient and "
                    + one.energyEvaluations() / (double) POINTS + " energy-only evaluations per"
                    + " point, expected the budget of " + BUDGET + " energy+gradient ones");
        }
        if (!Arrays.equals(e, two.estimates())) {
            throw new IllegalStateException(what + ": estimates on 1 and 2 workers differ");
        }
        if (one.clippedPoints() != 0) {
            throw new IllegalStateException(what + ": " + one.clippedPoints() + " points clipped");
        }
        System.out.printf("%n%s: %.0f evaluations/point, median ESS %.1f of %d, mean acceptance"
                + " %.3f%n", what, perPoint, median(one.effectiveSampleSizes()),
                estimator.sampler().sampleSize(), mean(one.acceptanceRates()));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** Shuts the pools down. */
    @TearDown(Level.Trial)
    public void tearDown() {
        onePool.shutdownNow();
        twoPool.shutdownNow();
    }

    private void estimate(ForkJoinPool pool, Counters counters, Blackhole bh) {
        // fresh draws on every call, as in the peer
        ScoreEstimates s = estimator.estimate(ys, alphas, sigmas, RandomStreams.of(SEED + ++call),
                pool);
        counters.estimates += s.count();
        counters.evals += s.gradientEquivalentEvaluations();
        bh.consume(s.estimates());
        bh.consume(s.variances());
    }

    /**
     * {@value #POINTS} score estimates on one worker (the calling thread).
     *
     * @param counters secondary metrics {@code estimates} and {@code evals}
     * @param bh consumes the results
     */
    @Benchmark
    public void singleThread(Counters counters, Blackhole bh) {
        estimate(onePool, counters, bh);
    }

    /**
     * {@value #POINTS} score estimates on two workers (two blocks of 128 points).
     *
     * @param counters secondary metrics {@code estimates} and {@code evals}
     * @param bh consumes the results
     */
    @Benchmark
    public void twoThreads(Counters counters, Blackhole bh) {
        estimate(twoPool, counters, bh);
    }
}
