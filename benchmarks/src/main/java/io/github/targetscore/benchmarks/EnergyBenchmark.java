package io.github.targetscore.benchmarks;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.ParallelEnergies;
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
 * Energy plus full gradient of the {@code lj13}, {@code lj55} and {@code dw4} presets (iDEM
 * convention, from {@link EnergyRegistry}) over batches of 1, 64 and 1024 configurations in
 * double precision: the workload of {@code peer_bench.py}'s {@code *_energy_grad_*} cases.
 *
 * <p>Two variants:
 *
 * <ul>
 *   <li>{@link #singleThread}: the model's own batch method,
 *       {@link EnergyModel#energyAndGradient(double[], int, int, double[], double[])}, on the
 *       benchmark thread;
 *   <li>{@link #twoThreads}: {@link ParallelEnergies} over a two-worker {@link ForkJoinPool},
 *       which cuts the batch into two contiguous halves. A batch of 1 cannot be split and runs
 *       on the calling thread, so at batch 1 this variant measures the single-threaded path
 *       plus the dispatch check.
 * </ul>
 *
 * <p><b>Units.</b> The mode is throughput, and one benchmark call evaluates {@code batch}
 * configurations. The batch size is a {@link Param}, so it cannot go into
 * {@code @OperationsPerInvocation}; instead an {@link AuxCounters} counter adds {@code batch}
 * per call, and JMH reports it as the secondary metric <b>{@code configs}</b> in
 * <b>configurations per second</b> (shown as {@code EnergyBenchmark.singleThread:configs}).
 * The primary score is <em>calls</em> per second; multiply it by {@code batch} for the same
 * figure. One configuration is one energy and its full gradient.
 *
 * <p>Inputs are made once per trial by {@link Configurations#forPreset} with a fixed seed:
 * jittered cubic lattices (spacing 1.1, jitter 0.07) for Lennard-Jones and 2·N(0, I) for DW-4,
 * like the peer's.
 *
 * <p>Defaults (3 × 1 s warm-up, 5 × 1 s measurement, one fork) make the 18 benchmarks take
 * about three minutes; override with the usual JMH options ({@code -wi -i -w -r -f}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EnergyBenchmark {

    /** Seed of the test configurations (fixed, so every run times the same inputs). */
    public static final long SEED = 20_261_122L;

    /** Registry name of the energy: a preset of the {@code energies} module. */
    @Param({"lj13", "lj55", "dw4"})
    public String energy;

    /** Configurations per call. */
    @Param({"1", "64", "1024"})
    public int batch;

    private EnergyModel model;
    private ForkJoinPool pool;
    private ParallelEnergies parallel;
    private double[] xs;
    private double[] energies;
    private double[] gradients;

    /**
     * Counts evaluated configurations; JMH normalises it by time into the secondary metric
     * {@code configs} (configurations per second).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ConfigCounter {
        /** Configurations evaluated in the current iteration. */
        public long configs;

        /** Resets the count at the start of each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            configs = 0;
        }
    }

    /** Creates the model, the two-worker pool and the inputs, and checks one evaluation. */
    @Setup(Level.Trial)
    public void setUp() {
        model = EnergyRegistry.load().create(energy, Map.of());
        int d = model.dimension();
        int t = model.manifold().tangentDimension();
        xs = Configurations.forPreset(energy, d, batch, SEED);
        energies = new double[batch];
        gradients = new double[batch * t];
        pool = new ForkJoinPool(2);
        // one row per task at least: a batch of 64 goes out as two blocks of 32
        parallel = ParallelEnergies.of(pool, 1);

        model.energyAndGradient(xs, 0, batch, energies, gradients);
        for (int i = 0; i < batch; i++) {
            if (!Double.isFinite(energies[i])) {
                throw new IllegalStateException(energy + ": energy of test configuration " + i
                        + " is " + energies[i]);
            }
        }
        double[] e2 = new double[batch];
        double[] g2 = new double[batch * t];
        parallel.energyAndGradient(model, xs, 0, batch, e2, g2);
        if (!java.util.Arrays.equals(energies, e2) || !java.util.Arrays.equals(gradients, g2)) {
            throw new IllegalStateException(energy + ": parallel and sequential results differ");
        }
    }

    /** Shuts the pool down. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    /**
     * Energy and gradient of the whole batch through the model's batch method, one thread.
     *
     * @param counter counts configurations (secondary metric {@code configs})
     * @param bh consumes the results
     */
    @Benchmark
    public void singleThread(ConfigCounter counter, Blackhole bh) {
        model.energyAndGradient(xs, 0, batch, energies, gradients);
        counter.configs += batch;
        bh.consume(energies[batch - 1]);
        bh.consume(gradients[gradients.length - 1]);
    }

    /**
     * Energy and gradient of the whole batch through {@link ParallelEnergies} on two workers
     * (a batch of 1 stays on the calling thread).
     *
     * @param counter counts configurations (secondary metric {@code configs})
     * @param bh consumes the results
     */
    @Benchmark
    public void twoThreads(ConfigCounter counter, Blackhole bh) {
        parallel.energyAndGradient(model, xs, 0, batch, energies, gradients);
        counter.configs += batch;
        bh.consume(energies[batch - 1]);
        bh.consume(gradients[gradients.length - 1]);
    }
}
