package io.github.targetscore.samplers.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.energies.mixture.GaussianMixture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 1-D mixture 0.3 N(−1.4, 0.15²) + 0.7 N(0.6, 0.2²) (mean 0, variance 0.925) sampled with
 * its exact noised score ({@link ScoreFunction#exact}) by Euler–Maruyama and by the Heun ODE,
 * {@value #STEPS} uniform steps to t = 0 under the VP cosine and VE geometric (σ_min = 0.01,
 * σ_max = 3) schedules, the prior's data variance set to 0.925. Samples below c = −0.5 are
 * counted as the first mode (each component puts less than 2·10⁻⁸ of its mass across c); the
 * fraction, and each mode's sample mean and variance, must match π_1, μ_i and σ_i² within 5
 * standard errors (binomial √(π(1 − π)/n), σ_i/√n_i, σ_i² √(2/n_i)) plus the discretisation
 * bias of the grid. That bias was measured from 10⁵ samples at 100 and 400 steps (an order-1
 * scheme's bias at N is about 4/3 of the difference): at most 0.0044 in the weight, 0.0022 in
 * a mean and 0.0010 in a variance (Euler–Maruyama, VP), below the Monte Carlo noise for Heun.
 * The bounds used are 0.005, 0.003 and 0.0012.
 */
class MixtureTargetDiffusionTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final int STEPS = 100;
    private static final int SAMPLES = 10000;
    private static final double CUT = -0.5;
    private static final double WEIGHT_BIAS = 0.005;
    private static final double MEAN_BIAS = 0.003;
    private static final double VARIANCE_BIAS = 0.0012;
    private static final GaussianMixture MIXTURE = GaussianMixture.of(new double[] {0.3, 0.7},
            new double[][] {{-1.4}, {0.6}}, new double[][] {{0.0225}, {0.04}});

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"vp, EULER_MARUYAMA", "vp, PROBABILITY_FLOW_HEUN", "ve, EULER_MARUYAMA",
            "ve, PROBABILITY_FLOW_HEUN"})
    void samplesReproduceTheModesWeightsMeansAndVariances(String scheduleName, Scheme scheme) {
        NoiseSchedule schedule = GaussianDiffusion.schedule(scheduleName);
        double[] x = ReverseDiffusion.of(scheme, schedule,
                TimeGrid.uniform(TimeGrid.defaultStart(schedule), 0, STEPS), EuclideanSpace.of(1))
                .withPriorDataVariance(MIXTURE.dataVariance())
                .sample(ScoreFunction.exact(MIXTURE, schedule), SAMPLES, RandomStreams.of(21), POOL);
        double[] count = new double[2];
        double[] sum = new double[2];
        double[] squares = new double[2];
        for (double v : x) {
            int mode = v < CUT ? 0 : 1;
            count[mode]++;
            sum[mode] += v;
            squares[mode] += v * v;
        }
        double weight = MIXTURE.weights()[0];
        assertEquals(weight, count[0] / SAMPLES,
                5 * Math.sqrt(weight * (1 - weight) / SAMPLES) + WEIGHT_BIAS, "weight of mode 0");
        for (int mode = 0; mode < 2; mode++) {
            double mean = sum[mode] / count[mode];
            double variance = squares[mode] / count[mode] - mean * mean;
            double expectedVariance = MIXTURE.variances()[mode][0];
            assertEquals(MIXTURE.means()[mode][0], mean,
                    5 * Math.sqrt(expectedVariance / count[mode]) + MEAN_BIAS, "mean of mode " + mode);
            assertEquals(expectedVariance, variance,
                    5 * expectedVariance * Math.sqrt(2 / count[mode]) + VARIANCE_BIAS,
                    "variance of mode " + mode);
        }
    }
}
