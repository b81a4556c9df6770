package io.github.targetscore.samplers.mcmc;

import static io.github.targetscore.samplers.mcmc.ReplicateMeans.assertMean;
import static io.github.targetscore.samplers.mcmc.ReplicateMeans.perChain;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.random.RandomStreams;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kernel's moments on targets with exact answers. 100 independent chains start from
 * overdispersed points, warm up (with adaptation) for W = 1000 steps and keep S = 2000 states;
 * each chain's averages are one replicate, so the tolerance (5 standard errors of the mean of
 * 100 chain averages) accounts for autocorrelation honestly.
 */
class KernelMomentsTest {

    private static final int CHAINS = 100;
    private static final ChainSchedule SCHEDULE = ChainSchedule.of(1000, 2000, 1);
    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static Stream<McmcAlgorithm> algorithms() {
        return Stream.of(McmcAlgorithm.rwmh(), McmcAlgorithm.mala(), McmcAlgorithm.hmc(10),
                McmcAlgorithm.hmc(10, 0.2, true));
    }

    private static MultiChainResult run(McmcAlgorithm algorithm, LogDensity target,
            double[] starts, long seed) {
        double h = algorithm.stepSizeForScale(1, target.manifold().degreesOfFreedom());
        return MultiChainRunner.of(algorithm, SCHEDULE)
                .run(target, starts, h, RandomStreams.of(seed), pool);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void correlatedAnisotropicGaussian(McmcAlgorithm algorithm) {
        // sd 1 and 3, correlation 0.8
        Targets.Gaussian target = Targets.Gaussian.of(new double[] {1, -2},
                new double[] {1, 2.4, 2.4, 9});
        double[] starts = new double[CHAINS * 2];
        UniformRandomProvider rng = RandomStreams.of(11).stream(0);
        for (int c = 0; c < CHAINS; c++) {
            target.draw(rng, 2, starts, c);
        }
        MultiChainResult run = run(algorithm, target, starts, 12);
        String name = algorithm.toString();
        for (int i = 0; i < 2; i++) {
            int a = i;
            assertMean(name + " E[x" + i + "]", target.mean(i), perChain(run, (x, o) -> x[o + a]));
            for (int j = i; j < 2; j++) {
                int b = j;
                assertMean(name + " Cov[x" + i + ", x" + j + "]", target.covariance(i, j),
                        perChain(run, (x, o) -> (x[o + a] - target.mean(a))
                                * (x[o + b] - target.mean(b))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void isotropicGaussianIn5d(McmcAlgorithm algorithm) {
        double s = 0.7;
        Targets.Gaussian target = Targets.Gaussian.isotropic(new double[] {1, -1, 0.5, 0, 2}, s);
        double[] starts = new double[CHAINS * 5];
        UniformRandomProvider rng = RandomStreams.of(21).stream(0);
        for (int c = 0; c < CHAINS; c++) {
            target.draw(rng, 2, starts, c);
        }
        MultiChainResult run = run(algorithm, target, starts, 22);
        String name = algorithm.toString();
        for (int i = 0; i < 5; i++) {
            int a = i;
            double m = target.mean(i);
            assertMean(name + " E[x" + i + "]", m, perChain(run, (x, o) -> x[o + a]));
            assertMean(name + " Var[x" + i + "]", s * s,
                    perChain(run, (x, o) -> (x[o + a] - m) * (x[o + a] - m)));
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void gaussianMixtureIn1d(McmcAlgorithm algorithm) {
        Targets.Mixture1d target = new Targets.Mixture1d(new double[] {0.3, 0.7},
                new double[] {-1.5, 1.0}, new double[] {0.6, 0.8});
        double[] starts = new double[CHAINS];
        UniformRandomProvider rng = RandomStreams.of(31).stream(0);
        for (int c = 0; c < CHAINS; c++) {
            starts[c] = -4 + 8 * rng.nextDouble();
        }
        MultiChainResult run = run(algorithm, target, starts, 32);
        double m = target.mean();
        assertMean(algorithm + " mixture mean", m, perChain(run, (x, o) -> x[o]));
        assertMean(algorithm + " mixture variance", target.variance(),
                perChain(run, (x, o) -> (x[o] - m) * (x[o] - m)));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void marginalsOfManyWellProduct(McmcAlgorithm algorithm) {
        Targets.WellProduct target = new Targets.WellProduct(2, 0.5, 0.8);
        double mean = target.wellExpectation(a -> a);
        double second = target.wellExpectation(a -> a * a);
        double positive = target.wellExpectation(a -> a > 0 ? 1 : 0);
        double[] starts = new double[CHAINS * 4];
        UniformRandomProvider rng = RandomStreams.of(41).stream(0);
        for (int c = 0; c < CHAINS; c++) {
            for (int k = 0; k < 2; k++) {
                starts[c * 4 + 2 * k] = -2 + 4 * rng.nextDouble();
                starts[c * 4 + 2 * k + 1] = -2 + 4 * rng.nextDouble();
            }
        }
        MultiChainResult run = run(algorithm, target, starts, 42);
        double gaussianVariance = target.gaussianSd() * target.gaussianSd();
        for (int k = 0; k < 2; k++) {
            int a = 2 * k;
            int b = 2 * k + 1;
            String name = algorithm + " well " + k;
            assertMean(name + " E[a]", mean, perChain(run, (x, o) -> x[o + a]));
            assertMean(name + " E[a²]", second, perChain(run, (x, o) -> x[o + a] * x[o + a]));
            assertMean(name + " P(a > 0)", positive,
                    perChain(run, (x, o) -> x[o + a] > 0 ? 1 : 0));
            assertMean(name + " E[b]", 0, perChain(run, (x, o) -> x[o + b]));
            assertMean(name + " E[b²]", gaussianVariance,
                    perChain(run, (x, o) -> x[o + b] * x[o + b]));
        }
    }
}
