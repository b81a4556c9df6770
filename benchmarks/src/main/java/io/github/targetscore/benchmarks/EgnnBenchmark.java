package io.github.targetscore.benchmarks;

import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.training.Nd4jRuntime;
import io.github.targetscore.training.model.Parameterisation;
import io.github.targetscore.training.model.ScoreModel;
import io.github.targetscore.training.network.Egnn;
import io.github.targetscore.training.trainer.AdamOptimiser;
import io.github.targetscore.training.trainer.DenoisingBatches;
import io.github.targetscore.training.trainer.Trainer;
import io.github.targetscore.training.trainer.TrainingListener;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the {@link Egnn} score network in the sizes iDEM trains: a DSM batch
 * drawn by {@link DenoisingBatches}, the forward pass, the backward pass into the flat gradient
 * and an Adam update (the body of {@link Trainer#trainUntil}), in float32.
 *
 * <ul>
 *   <li>{@code dw4}: n = 4 particles in 2-D, 3 layers of width 128, batch 512;
 *   <li>{@code lj13}: n = 13 particles in 3-D, 5 layers of width 128, batch 128.
 * </ul>
 *
 * <p>Clean samples are {@link Configurations#forPreset} configurations (2·N(0, I) for DW-4,
 * jittered lattices for LJ-13) on the centre-of-mass-free particle space. {@code threads} sets
 * both ND4J's OpenMP threads and the BLAS threads ({@link Nd4jRuntime#configureThreads}).
 *
 * <p><b>Units.</b> Average time per training step in milliseconds. Defaults (2 × 5 s warm-up,
 * 4 × 8 s measurement, one fork) take about a minute per setting.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EgnnBenchmark
 * java -jar benchmarks/target/benchmarks.jar EgnnBenchmark -p system=dw4 -p threads=1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 8, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class EgnnBenchmark {

    /** Seed of the clean samples, the batches and the weights. */
    public static final long SEED = 20_261_122L;
    /** Clean samples the batches draw from. */
    private static final int SAMPLES = 4096;

    /** The iDEM setting: {@code dw4} or {@code lj13}. */
    @Param({"dw4", "lj13"})
    public String system;

    /**
     * OpenMP and BLAS threads of ND4J (default 1, the fastest on a shared 2-core machine, where
     * a second thread's pools spin against other work; try {@code -p threads=2} on idle cores).
     */
    @Param({"1"})
    public int threads;

    private Trainer trainer;

    /** Builds network, model, batch source and optimiser, and takes one step. */
    @Setup(Level.Trial)
    public void setUp() {
        Nd4jRuntime.configureThreads(threads, threads);
        boolean dw4 = system.equals("dw4");
        if (!dw4 && !system.equals("lj13")) {
            throw new IllegalArgumentException("system must be dw4 or lj13, got " + system);
        }
        int particles = dw4 ? 4 : 13;
        int spatial = dw4 ? 2 : 3;
        int layers = dw4 ? 3 : 5;
        int batch = dw4 ? 512 : 128;
        ParticleSpace space = ParticleSpace.of(particles, spatial, true);
        NoiseSchedule schedule = NoiseSchedule.cosine();
        DenoisingBatches source = DenoisingBatches.builder(Configurations.forPreset(system,
                space.dimension(), SAMPLES, SEED), space).schedule(schedule).seed(SEED).build();
        Egnn net = Egnn.builder(particles, spatial).width(128).layers(layers).seed(SEED).build();
        AdamOptimiser adam = AdamOptimiser.builder(net.parameters()).build();
        trainer = Trainer.of(ScoreModel.of(net, Parameterisation.plain(), schedule), source,
                adam, batch);
        step();
    }

    /**
     * One training step.
     *
     * @return its loss (consumed by JMH)
     */
    @Benchmark
    public double step() {
        return trainer.trainUntil(trainer.optimiser().step() + 1, TrainingListener.none());
    }
}
