package io.github.targetscore.training.idem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.loss.Weighting;
import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.diffusion.Corrector;
import io.github.targetscore.samplers.diffusion.ReverseDiffusion;
import io.github.targetscore.samplers.diffusion.Scheme;
import io.github.targetscore.samplers.diffusion.SnrRule;
import io.github.targetscore.samplers.diffusion.TimeGrid;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.training.IsotropicGaussian;
import io.github.targetscore.training.model.Parameterisation;
import io.github.targetscore.training.model.ScoreModel;
import io.github.targetscore.training.network.Mlp;
import io.github.targetscore.training.trainer.AdamOptimiser;
import io.github.targetscore.training.trainer.LearningRateSchedule;
import io.github.targetscore.training.trainer.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IteratedDenoisingTest {

    private static final int D = 2;
    private static final double VARIANCE = 0.5;
    private static final int K = 200;
    private static final IsotropicGaussian TARGET = new IsotropicGaussian(D, VARIANCE);
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.geometric(0.01, 3);
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    private static IteratedDenoising loop(int innerSteps) {
        Mlp net = Mlp.builder(D).width(48).depth(2).embeddingDimension(16).seed(4).build();
        AdamOptimiser adam = AdamOptimiser.builder(net.parameters())
                .learningRate(LearningRateSchedule.constant(3e-3)).gradientClipping(10)
                .emaDecay(0.99).build();
        ScoreModel model = ScoreModel.of(net, Parameterisation.plain(), SCHEDULE);
        ScoreEstimator estimator = ScoreEstimator.of(TARGET, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(K)).withClipping(50);
        ReverseDiffusion diffusion = ReverseDiffusion.of(Scheme.EULER_MARUYAMA, SCHEDULE,
                TimeGrid.uniform(1, 1e-3, 100), EuclideanSpace.of(D));
        return IteratedDenoising.builder(model, estimator, diffusion, adam)
                .samplesPerEpoch(400).innerSteps(innerSteps).batchSize(128).bufferCapacity(2000)
                .times(1e-3, 1).weighting(Weighting.uniform()).seed(11).pool(POOL).build();
    }

    private static double meanSquare(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s / x.length;
    }

    /**
     * With no data, only the target's score, the loop learns N(0, ½I) from SNIS-TSI targets:
     * the first epoch samples the untrained network (variance far from ½), and after a dozen
     * epochs the generated samples' variance is ½ within 0.05 (the standard error of a
     * variance from 4000 × 2 draws is ½√(2/8000) ≈ 0.008; the rest is the network's and the
     * SDE discretisation's bias: 0.5007 when this was written). The weighting is uniform: with
     * iDEM's λ = σ² the loss sits on the noisiest targets (t near 1, where SNIS's ESS is
     * lowest), the network misfits the score below σ ≈ 0.2 by half, and the variance stalls near
     * 0.59. The buffer fills, and the estimator's cost is K per point. The same network
     * generating by predictor–corrector sampling (two Langevin steps of r = 0.16 per step, whose
     * fixed point is 2.6 % above the variance, 0.013) gives other samples of variance ½ within
     * the same 0.05.
     */
    @Test
    void learnsAGaussianFromItsScoreAlone() {
        IteratedDenoising loop = loop(60);
        double first = Double.NaN;
        for (int e = 0; e < 12; e++) {
            loop.runEpoch(TrainingListener.none());
            if (e == 0) {
                first = meanSquare(loop.buffer().contents());
            }
        }
        assertTrue(Math.abs(first - VARIANCE) > 0.15, "untrained variance " + first);
        double[] samples = loop.generate(4000, RandomStreams.of(99));
        assertEquals(VARIANCE, meanSquare(samples), 0.05);
        ReverseDiffusion corrected = ReverseDiffusion.of(Scheme.EULER_MARUYAMA, SCHEDULE,
                TimeGrid.uniform(1, 1e-3, 100), EuclideanSpace.of(D))
                .withCorrector(Corrector.langevin(2, 0.16, SnrRule.BATCH_MEAN));
        double[] pc = loop.generate(4000, RandomStreams.of(99), corrected);
        assertFalse(Arrays.equals(samples, pc));
        assertEquals(VARIANCE, meanSquare(pc), 0.05);
        assertEquals(12, loop.epoch());
        assertEquals(2000, loop.buffer().size());
        EpochRecord last = loop.records().get(11);
        assertEquals(12 * 60, last.step());
        assertEquals(60L * 128 * K, last.evaluations());
        assertEquals(12L * 60 * 128 * K, loop.evaluations());
        assertTrue(last.meanEffectiveSampleSize() > 1 && last.meanEffectiveSampleSize() <= K);
    }

    /**
     * A loop restored from a checkpoint after epoch 2 and run one more epoch equals the loop run
     * three epochs straight: network, weight average, buffer, records and generated samples.
     */
    @Test
    void resumesExactlyFromACheckpoint(@TempDir Path dir) throws IOException {
        IteratedDenoising straight = loop(5);
        IteratedDenoising interrupted = loop(5);
        for (int e = 0; e < 2; e++) {
            straight.runEpoch(TrainingListener.none());
            interrupted.runEpoch(TrainingListener.none());
        }
        straight.runEpoch(TrainingListener.none());
        Path file = dir.resolve("loop.ckpt");
        IdemCheckpoint.save(interrupted, file);
        IteratedDenoising resumed = loop(5);
        IdemCheckpoint.restore(resumed, file);
        assertEquals(2, resumed.epoch());
        resumed.runEpoch(TrainingListener.none());

        assertArrayEquals(straight.trainer().model().network().parameters().values()
                .toFloatVector(), resumed.trainer().model().network().parameters().values()
                .toFloatVector());
        assertArrayEquals(straight.buffer().contents(), resumed.buffer().contents());
        assertArrayEquals(straight.trainer().history().losses(),
                resumed.trainer().history().losses());
        for (int e = 0; e < 3; e++) {
            EpochRecord a = straight.records().get(e);
            EpochRecord b = resumed.records().get(e);
            assertEquals(a.meanLoss(), b.meanLoss());
            assertEquals(a.meanEffectiveSampleSize(), b.meanEffectiveSampleSize());
            assertEquals(a.step(), b.step());
            assertEquals(a.evaluations(), b.evaluations());
        }
        assertArrayEquals(straight.generate(50, RandomStreams.of(3)),
                resumed.generate(50, RandomStreams.of(3)));
    }

    /**
     * A generation cap bounds the network's score: with a negligible cap the reverse SDE only
     * adds its noise to the prior, so the samples' variance per coordinate is σ(1)² +
     * (σ(1)² − σ(t_end)²) ≈ 18 for σ_max = 3, within 5 standard errors (√(2/8000)·18).
     */
    @Test
    void aGenerationCapBoundsTheNetworksScore() {
        Mlp net = Mlp.builder(D).width(8).depth(1).embeddingDimension(4).seed(4).build();
        AdamOptimiser adam = AdamOptimiser.builder(net.parameters()).build();
        ScoreModel model = ScoreModel.of(net, Parameterisation.plain(), SCHEDULE);
        ScoreEstimator estimator = ScoreEstimator.of(TARGET, ScoreIdentity.tsi(),
                SelfNormalisedImportanceSampler.of(K));
        ReverseDiffusion diffusion = ReverseDiffusion.of(Scheme.EULER_MARUYAMA, SCHEDULE,
                TimeGrid.uniform(1, 1e-3, 100), EuclideanSpace.of(D));
        ScoreClipping cap = ScoreClipping.of(EuclideanSpace.of(D), 1e-12);
        IteratedDenoising capped = IteratedDenoising.builder(model, estimator, diffusion, adam)
                .generationClipping(cap).pool(POOL).build();
        double expected = 2 * SCHEDULE.variance(1) - SCHEDULE.variance(1e-3);
        double variance = meanSquare(capped.generate(4000, RandomStreams.of(5)));
        assertEquals(expected, variance, 5 * Math.sqrt(2.0 / 8000) * expected);
        // from a noise level above σ(1) the cap never applies: the uncapped samples, bit for bit
        IteratedDenoising never = IteratedDenoising.builder(model, estimator, diffusion, adam)
                .generationClipping(cap.fromNoiseLevel(2 * SCHEDULE.sigma(1))).pool(POOL)
                .build();
        IteratedDenoising uncapped = IteratedDenoising.builder(model, estimator, diffusion, adam)
                .pool(POOL).build();
        assertArrayEquals(uncapped.generate(50, RandomStreams.of(6)),
                never.generate(50, RandomStreams.of(6)));
        assertThrows(IllegalArgumentException.class, () -> IteratedDenoising.builder(model,
                estimator, diffusion, adam)
                .generationClipping(ScoreClipping.of(EuclideanSpace.of(D + 1), 1)).build());
    }

    @Test
    void refusesAnotherKindOfCheckpoint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("junk.ckpt");
        Files.writeString(file, "not a checkpoint");
        IOException e = assertThrows(IOException.class,
                () -> IdemCheckpoint.restore(loop(5), file));
        assertTrue(e.getMessage().contains("junk.ckpt"), e.getMessage());
    }
}
