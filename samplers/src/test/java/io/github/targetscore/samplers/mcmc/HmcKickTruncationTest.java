package io.github.targetscore.samplers.mcmc;

import static io.github.targetscore.samplers.mcmc.ReplicateMeans.assertMean;
import static io.github.targetscore.samplers.mcmc.ReplicateMeans.perGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.particles.LennardJones;
import io.github.targetscore.samplers.posterior.Posterior;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HMC's truncated kicks (see {@link Hmc}): the truncated leapfrog map is still reversible and
 * volume-preserving, the kernel still reproduces exact moments where the truncation binds, and
 * it keeps chains moving on Lennard-Jones posteriors where textbook HMC sticks.
 */
class HmcKickTruncationTest {

    /** Noisy LJ-13 points and chains per point, as in the variance study. */
    private static final int POINTS = 32;
    private static final int CHAINS = 8;

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    /** A narrow correlated Gaussian far from its mean: |∇log π| ≈ 400, every kick truncated. */
    private static final Targets.Gaussian STEEP = Targets.Gaussian.of(new double[] {0, 0},
            new double[] {0.01, 0.005, 0.005, 0.02});
    private static final double[] FAR = {3, -2};
    private static final double EPSILON = 0.05;
    private static final int STEPS = 3;

    /** (x, p) ↦ Φ^L(x, p) with truncated kicks, as one vector (x', p'). */
    private static double[] leapfrog(Hmc kernel, double[] z) {
        ChainState state = kernel.init(new double[] {z[0], z[1]});
        double[] p = {z[2], z[3]};
        assertTrue(Double.isFinite(kernel.leapfrog(state, p, EPSILON, STEPS)));
        return new double[] {state.position()[0], state.position()[1], p[0], p[1]};
    }

    @Test
    void truncatedLeapfrogIsReversibleAndVolumePreserving() {
        Hmc kernel = Hmc.of(STEEP, EPSILON, STEPS);
        double[] z = {FAR[0], FAR[1], 0.3, -0.7};
        double[] end = leapfrog(kernel, z);
        assertEquals(2 * STEPS, kernel.truncatedKicks(), "every kick must be truncated here");
        // reversible: flip the momentum, integrate again, flip back
        double[] back = leapfrog(kernel, new double[] {end[0], end[1], -end[2], -end[3]});
        for (int i = 0; i < 4; i++) {
            double expected = i < 2 ? z[i] : -z[i];
            assertEquals(expected, back[i], 1e-12 * (1 + Math.abs(expected)), "coordinate " + i);
        }
        // volume-preserving: det ∂Φ^L/∂z = 1 (central differences, error O(δ²))
        double delta = 1e-6;
        double[][] jacobian = new double[4][4];
        for (int j = 0; j < 4; j++) {
            double[] plus = z.clone();
            double[] minus = z.clone();
            plus[j] += delta;
            minus[j] -= delta;
            double[] fPlus = leapfrog(kernel, plus);
            double[] fMinus = leapfrog(kernel, minus);
            for (int i = 0; i < 4; i++) {
                jacobian[i][j] = (fPlus[i] - fMinus[i]) / (2 * delta);
            }
        }
        assertEquals(2 * STEPS * 10, kernel.truncatedKicks(), "all kicks truncated");
        assertEquals(1, determinant(jacobian), 1e-6);
        // the truncated force is not the gradient: the map differs from textbook leapfrog
        Hmc plain = Hmc.of(STEEP, EPSILON, STEPS, 0, false, false);
        double[] untruncated = leapfrog(plain, z);
        assertEquals(0, plain.truncatedKicks());
        assertTrue(Math.abs(untruncated[0] - end[0]) > 0.1, "the truncation changed nothing");
    }

    private static double determinant(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (pivot != c) {
                double[] swap = a[pivot];
                a[pivot] = a[c];
                a[c] = swap;
                det = -det;
            }
            det *= a[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        return det;
    }

    /**
     * In one dimension the cap binds on a good share of kicks in the bulk (|x − μ| beyond about
     * 2ℓ²/ε), so this is where the kernel's exactness with truncated kicks shows: 100 chains
     * of 1000 adapted warm-up steps and 2000 kept states, each chain's averages one replicate,
     * 5 standard errors of their mean (autocorrelation included).
     */
    @Test
    void momentsAreExactWhereTheTruncationBinds() {
        double s = 0.5;
        Targets.Gaussian gaussian = Targets.Gaussian.isotropic(new double[] {1}, s);
        double[] gaussianMoments = {1, s * s, 3 * s * s * s * s};
        Targets.Mixture1d mixture = new Targets.Mixture1d(new double[] {0.3, 0.7},
                new double[] {-1.5, 1.0}, new double[] {0.6, 0.8});
        double m = mixture.mean();
        double[] mixtureMoments = {m, mixture.variance()};
        checkMoments("Gaussian", gaussian, gaussianMoments, 1, 51);
        checkMoments("mixture", mixture, mixtureMoments, m, 52);
    }

    /** E[x], E[(x − c)²] and, if given, E[(x − c)⁴] against {@code exact}. */
    private static void checkMoments(String name, LogDensity target, double[] exact, double c,
            long seed) {
        int chains = 100;
        int kept = 2000;
        ChainSchedule schedule = ChainSchedule.of(1000, kept, 1);
        McmcAlgorithm hmc = McmcAlgorithm.hmc(10);
        double[] samples = new double[chains * kept];
        long[] truncated = new long[chains];
        long[] gradients = new long[chains];
        RandomStreams streams = RandomStreams.of(seed);
        pool.submit(() -> IntStream.range(0, chains).parallel().forEach(k -> {
            UniformRandomProvider rng = streams.stream(k);
            Hmc kernel = (Hmc) hmc.kernel(target, hmc.stepSizeForScale(1, 1));
            ChainState state = kernel.init(new double[] {-4 + 8 * rng.nextDouble()});
            schedule.run(kernel, state, rng, hmc.targetAcceptance(),
                    (i, state1) -> samples[k * kept + i] = state1.position()[0]);
            truncated[k] = kernel.truncatedKicks();
            gradients[k] = kernel.gradientEvaluations();
        })).join();
        double share = (double) Arrays.stream(truncated).sum()
                / (2 * Arrays.stream(gradients).sum());
        assertTrue(share > 0.02, name + ": the truncation bound on only " + share
                + " of the kicks; this test would not exercise it");
        String[] what = {"E[x]", "E[(x − c)²]", "E[(x − c)⁴]"};
        for (int j = 0; j < exact.length; j++) {
            int power = j == 0 ? 1 : 2 * j;
            double shift = j == 0 ? 0 : c;
            assertMean(name + " " + what[j] + " (kicks truncated: " + share + ")", exact[j],
                    perGroup(samples, chains, kept, 1, (x, o) -> Math.pow(x[o] - shift, power)));
        }
    }

    /**
     * LJ-13 (iDEM convention) posteriors at σ = 0.5 (iDEM's VE schedule σ_min = 10⁻³,
     * σ_max = 2 at t ≈ 0.82): noisy points y = x + σw around an icosahedral cluster, where
     * particles of y often overlap (forces up to 10¹²), 8 chains per point started at y with
     * the posterior sampler's initial step, 100 adapted warm-up steps and 32 kept states, as
     * in the variance study. Textbook HMC leaves whole points with chains that never accept a
     * move after warm-up; with truncated kicks no chain sticks. (At low noise, σ ≲ 0.1, y has
     * no such overlaps and neither variant sticks.)
     */
    @Test
    void truncatedKicksKeepLennardJonesChainsMoving() {
        McmcAlgorithm guarded = McmcAlgorithm.hmc(5);
        McmcAlgorithm plain = guarded.withoutKickTruncation();
        int stuckWithGuard = stuckChains(guarded);
        int stuckWithout = stuckChains(plain);
        assertTrue(stuckWithout >= 8, "the situation must make textbook HMC stick, but only "
                + stuckWithout + " of " + POINTS * CHAINS + " chains stuck");
        assertEquals(0, stuckWithGuard, "chains stuck with truncated kicks");
    }

    /** Chains that accepted no move after warm-up, over all noisy points. */
    private static int stuckChains(McmcAlgorithm algorithm) {
        LennardJones lj13 = LennardJones.idem(13);
        BoltzmannDensity target = BoltzmannDensity.of(lj13, 1);
        int d = lj13.dimension();
        double sigma = 0.5;
        double[] cluster = icosahedron(1.0);
        UniformRandomProvider rng = RandomStreams.of(61).stream(0);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        McmcPosteriorSampler starting =
                McmcPosteriorSampler.of(algorithm, CHAINS, ChainSchedule.of(100, 32, 1));
        MultiChainRunner runner = MultiChainRunner.of(algorithm, starting.schedule());
        int stuck = 0;
        for (int point = 0; point < POINTS; point++) {
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = normal.sample();
            }
            lj13.manifold().projectTangent(w, 0);
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                y[i] = cluster[i] + sigma * w[i];
            }
            Posterior posterior = Posterior.of(target, y, 1, sigma);
            double[] starts = new double[CHAINS * d];
            for (int c = 0; c < CHAINS; c++) {
                System.arraycopy(y, 0, starts, c * d, d);
            }
            MultiChainResult run = runner.run(posterior, starts,
                    starting.initialStepSize(posterior), RandomStreams.of(62).family(point),
                    pool);
            for (double rate : run.acceptanceRates()) {
                stuck += rate == 0 ? 1 : 0;
            }
        }
        return stuck;
    }

    /**
     * 13 particles: one at the origin and 12 on the vertices (0, ±1, ±φ) (cyclically permuted)
     * of an icosahedron scaled to centre–vertex distance {@code radius} (edges 1.05·radius).
     */
    private static double[] icosahedron(double radius) {
        double phi = (1 + Math.sqrt(5)) / 2;
        double scale = radius / Math.sqrt(1 + phi * phi);
        double[] x = new double[39];
        int particle = 1;
        for (int axis = 0; axis < 3; axis++) {
            for (int a = -1; a <= 1; a += 2) {
                for (int b = -1; b <= 1; b += 2) {
                    x[3 * particle + (axis + 1) % 3] = a * scale;
                    x[3 * particle + (axis + 2) % 3] = b * phi * scale;
                    particle++;
                }
            }
        }
        return x;
    }

    @Test
    void truncationIsAnHmcOptionOnByDefault() {
        McmcAlgorithm hmc = McmcAlgorithm.hmc(4, 0.1, true);
        Targets.Gaussian target = Targets.Gaussian.isotropic(new double[2], 1);
        assertTrue(((Hmc) hmc.kernel(target, 0.1)).truncatesKicks());
        assertTrue(Hmc.of(target, 0.1, 4).truncatesKicks());
        McmcAlgorithm plain = hmc.withoutKickTruncation().withTargetAcceptance(0.8);
        Hmc kernel = (Hmc) plain.kernel(target, 0.1);
        assertFalse(kernel.truncatesKicks());
        assertEquals(4, kernel.leapfrogSteps());
        assertTrue(kernel.randomPathLength());
        assertTrue(plain.toString().contains("untruncated kicks"), plain.toString());
        assertFalse(hmc.toString().contains("untruncated"), hmc.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> McmcAlgorithm.mala().withoutKickTruncation());
        assertEquals("kick truncation is an HMC option; mala has no kicks", e.getMessage());
    }
}
