package io.github.targetscore.benchmarks;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.samplers.metrics.CoordinateWasserstein;
import io.github.targetscore.samplers.metrics.EnergyWasserstein;
import io.github.targetscore.samplers.metrics.LinearAssignment;
import io.github.targetscore.samplers.metrics.MaximumMeanDiscrepancy;
import io.github.targetscore.samplers.metrics.MmdEstimate;
import io.github.targetscore.samplers.metrics.ReferenceSplit;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;

/**
 * The sample-quality metrics of {@code io.github.targetscore.samplers.metrics} on DW-4 sets of
 * {@code size} configurations (8 coordinates each): the finite-sample floor's workload, two
 * disjoint subsets of a reference set compared with each other.
 *
 * <ul>
 *   <li>{@link #coordinateW2}: x-W2, everything included (centring, the n × n squared-distance
 *       matrix, the exact assignment);
 *   <li>{@link #assignment}: the Jonker–Volgenant solver alone on the precomputed matrix;
 *   <li>{@link #energyW2}: E-W2 between the two sets' energies (two sorts);
 *   <li>{@link #mmdOneThread}, {@link #mmdTwoThreads}: both MMD² statistics with the RBF kernel of
 *       the reference's median bandwidth, on the calling thread and over a two-worker pool.
 * </ul>
 *
 * <p>{@code data}: {@code dw4}, two disjoint random subsets (seed 1) of the reference samples
 * {@code reference-data/val_split_DW4.npy} (found under {@code $TARGETSCORE_SHARED},
 * {@code ../shared} or {@code ../../shared}); or {@code gaussian}, two independent 2·N(0, I₈)
 * sets ({@link Configurations#gaussian}), which shows how much the assignment's cost depends on
 * the data. Compare timings within one run only.
 *
 * <p>The mode is average time per call in milliseconds. Defaults (2 × 2 s warm-up, 4 × 3 s
 * measurement, one fork) make each of the 20 benchmarks take about 15 s; override with the usual
 * JMH options ({@code -p size=2000 -p data=dw4 -wi -i -w -r -f}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 3, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MetricsBenchmark {

    /** Seed of the reference split and of the Gaussian sets. */
    public static final long SEED = 1;

    /** The reference samples, relative to the shared data directory. */
    public static final String REFERENCE = "reference-data/val_split_DW4.npy";

    /** Configurations per set. */
    @Param({"1000", "2000"})
    public int size;

    /** {@code dw4} (reference samples) or {@code gaussian} (2·N(0, I₈)). */
    @Param({"dw4", "gaussian"})
    public String data;

    private EnergyModel dw4;
    private CoordinateWasserstein w2;
    private MaximumMeanDiscrepancy mmd;
    private double[] first;
    private double[] second;
    private double[] firstEnergies;
    private double[] secondEnergies;
    private double[] cost;
    private ForkJoinPool twoWorkers;

    /** Loads or draws the two sets and precomputes what the partial benchmarks take as input. */
    @Setup(Level.Trial)
    public void setUp() {
        dw4 = EnergyRegistry.load().create("dw4", Map.of());
        int d = dw4.dimension();
        if (data.equals("dw4")) {
            double[] reference = readReference(d);
            ReferenceSplit split = ReferenceSplit.of(reference.length / d, size, SEED);
            first = split.first(reference, d);
            second = split.second(reference, d);
        } else if (data.equals("gaussian")) {
            first = Configurations.gaussian(size, d, Configurations.DW4_SCALE, SEED);
            second = Configurations.gaussian(size, d, Configurations.DW4_SCALE, SEED + 1);
        } else {
            throw new IllegalArgumentException("data must be dw4 or gaussian, got " + data);
        }
        w2 = CoordinateWasserstein.of(dw4.manifold());
        mmd = MaximumMeanDiscrepancy.rbfMedianHeuristic(dw4.manifold(), second);
        firstEnergies = new double[size];
        secondEnergies = new double[size];
        dw4.energies(first, 0, size, firstEnergies);
        dw4.energies(second, 0, size, secondEnergies);
        cost = w2.costMatrix(first, second);
        twoWorkers = new ForkJoinPool(2);
    }

    /** Releases the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        twoWorkers.shutdown();
    }

    private double[] readReference(int d) {
        List<File> tried = new ArrayList<>();
        String env = System.getenv("TARGETSCORE_SHARED");
        for (String dir : env == null ? new String[] {"../shared", "../../shared"}
                : new String[] {env, "../shared", "../../shared"}) {
            File file = new File(dir, REFERENCE);
            tried.add(file.getAbsoluteFile());
            if (file.isFile()) {
                NpyArray<?> array = Npy.read(file);
                int[] shape = array.shape();
                if (shape.length != 2 || shape[1] != d || array.hasColumnOrder()) {
                    throw new IllegalStateException(file + ": expected a row-major (n, " + d
                            + ") array");
                }
                return array.asDoubleArray().data();
            }
        }
        throw new IllegalStateException("DW-4 reference samples not found; tried " + tried
                + " (set TARGETSCORE_SHARED, or run with -p data=gaussian)");
    }

    /** x-W2 from the raw sets. */
    @Benchmark
    public double coordinateW2() {
        return w2.distance(first, second);
    }

    /** The exact assignment alone; returns its total cost. */
    @Benchmark
    public double assignment() {
        return LinearAssignment.solve(cost, size).totalCost();
    }

    /** E-W2 between the two sets' energies. */
    @Benchmark
    public double energyW2() {
        return EnergyWasserstein.distance(firstEnergies, secondEnergies);
    }

    /** Both MMD² statistics on the calling thread. */
    @Benchmark
    public MmdEstimate mmdOneThread() {
        return mmd.estimate(first, second);
    }

    /** Both MMD² statistics over a two-worker pool. */
    @Benchmark
    public MmdEstimate mmdTwoThreads() {
        return mmd.estimate(first, second, twoWorkers);
    }
}
