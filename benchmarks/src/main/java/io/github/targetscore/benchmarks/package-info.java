/**
 * JMH benchmarks of targetscore, and the inputs they share with the PyTorch peer benchmark
 * ({@code shared/peer-bench/peer_bench.py}).
 *
 * <p>{@link io.github.targetscore.benchmarks.EnergyBenchmark} times energy plus full gradient of
 * the {@code lj13}, {@code lj55} and {@code dw4} presets at batch sizes 1, 64 and 1024 in double
 * precision, on one thread and on two threads, and reports configurations per second.
 * {@link io.github.targetscore.benchmarks.Configurations} makes the same kind of test
 * configurations as the peer (jittered cubic lattices for Lennard-Jones, 2·N(0, I) for DW-4).
 * {@link io.github.targetscore.benchmarks.EgnnBenchmark} times one training step (batch, forward,
 * backward, Adam) of the E(n)-equivariant score network in iDEM's DW-4 and LJ-13 sizes.
 *
 * <p>Build and run (the module builds an executable uber-jar and runs nothing during the build):
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EnergyBenchmark            # full run, a few minutes
 * java -jar benchmarks/target/benchmarks.jar EnergyBenchmark -p energy=lj13 -p batch=64
 * benchmarks/peer-compare.sh                                              # side by side with PyTorch
 * </pre>
 */
package io.github.targetscore.benchmarks;
