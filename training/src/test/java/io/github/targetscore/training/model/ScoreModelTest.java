package io.github.targetscore.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.training.IsotropicGaussian;
import io.github.targetscore.training.ParameterGradients;
import io.github.targetscore.training.network.FlatParameters;
import io.github.targetscore.training.network.Mlp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

class ScoreModelTest {

    static List<NoiseSchedule> schedules() {
        return List.of(NoiseSchedule.cosine(), NoiseSchedule.geometric(0.01, 3));
    }

    private static Mlp zeroNetwork(int d) {
        Mlp net = Mlp.builder(d).width(8).depth(1).embeddingDimension(4)
                .dataType(DataType.DOUBLE).build();
        net.parameters().values().assign(0);
        return net;
    }

    private static final double VARIANCE = 0.7;
    private static final IsotropicGaussian GAUSSIAN = new IsotropicGaussian(2, VARIANCE);

    /** Each schedule with each parameterisation whose base alone is the Gaussian's noised score. */
    static Stream<Arguments> exactForGaussians() {
        return schedules().stream().flatMap(schedule -> Stream.of(
                Arguments.of(schedule, Parameterisation.preconditioned(VARIANCE)),
                Arguments.of(schedule, Parameterisation.blendedTargetScore(GAUSSIAN,
                        ScoreClipping.none(), VARIANCE))));
    }

    /**
     * With F = 0, TSM preconditioning (c_skip y) and the blended target-score base
     * (w_t α⁻¹∇log p_X(y/α), w_t = α²v/(α²v + σ²)) are both the exact noised score of a Gaussian
     * of variance v, under both schedules.
     */
    @ParameterizedTest
    @MethodSource("exactForGaussians")
    void zeroNetworkIsTheExactGaussianScore(NoiseSchedule schedule,
            Parameterisation parameterisation) {
        ScoreModel model = ScoreModel.of(zeroNetwork(2), parameterisation, schedule);
        double[] ys = {0.3, -1.2, 2.0, 0.5, -0.1, 4.0};
        double[] times = {0.05, 0.5, 0.95};
        double[] out = new double[6];
        model.score(ys, times, 0, 3, out);
        for (int i = 0; i < 3; i++) {
            double a = schedule.alpha(times[i]);
            double s = schedule.sigma(times[i]);
            for (int j = 0; j < 2; j++) {
                double exact = GAUSSIAN.noisedScore(ys[2 * i + j], a, s);
                assertEquals(exact, out[2 * i + j], 1e-12 * Math.max(1, Math.abs(exact)));
            }
        }
    }

    @Test
    void theBlendedBaseNeedsAFiniteVariance() {
        assertThrows(IllegalArgumentException.class,
                () -> Parameterisation.blendedTargetScore(GAUSSIAN, ScoreClipping.none(), 0));
        assertThrows(IllegalArgumentException.class, () -> Parameterisation.blendedTargetScore(
                GAUSSIAN, ScoreClipping.none(), Double.POSITIVE_INFINITY));
    }

    @Test
    void targetScoreParameterisationAddsTheRescaledTargetScore() {
        IsotropicGaussian gaussian = new IsotropicGaussian(2, 0.5);
        NoiseSchedule schedule = NoiseSchedule.cosine();
        ScoreModel model = ScoreModel.of(zeroNetwork(2),
                Parameterisation.targetScore(gaussian, ScoreClipping.none()), schedule);
        double[] ys = {0.3, -1.2};
        double[] out = new double[2];
        model.score(ys, new double[] {0.4}, 0, 1, out);
        double a = schedule.alpha(0.4);
        for (int j = 0; j < 2; j++) {
            assertEquals(-(ys[j] / a) / 0.5 / a, out[j], 1e-12);
        }
        ScoreClipping cap = ScoreClipping.of(gaussian.manifold(), 1.0);
        ScoreModel clipped = ScoreModel.of(zeroNetwork(2),
                Parameterisation.targetScore(gaussian, cap), schedule);
        clipped.score(ys, new double[] {0.4}, 0, 1, out);
        assertEquals(1 / a, Math.hypot(out[0], out[1]), 1e-12);
        // a cap from a noise level above σ(0.4) leaves the base whole there, and caps above it
        double sigma = schedule.sigma(0.4);
        ScoreModel fromAbove = ScoreModel.of(zeroNetwork(2), Parameterisation.targetScore(
                gaussian, cap.fromNoiseLevel(1.01 * sigma)), schedule);
        fromAbove.score(ys, new double[] {0.4}, 0, 1, out);
        for (int j = 0; j < 2; j++) {
            assertEquals(-(ys[j] / a) / 0.5 / a, out[j], 1e-12);
        }
        ScoreModel fromBelow = ScoreModel.of(zeroNetwork(2), Parameterisation.targetScore(
                gaussian, cap.fromNoiseLevel(0.99 * sigma)), schedule);
        fromBelow.score(ys, new double[] {0.4}, 0, 1, out);
        assertEquals(1 / a, Math.hypot(out[0], out[1]), 1e-12);
    }

    /** ℓ(θ) of a fixed batch: its gradient from lossAndGradient against central differences. */
    @Test
    void lossGradientMatchesCentralDifferences() {
        NoiseSchedule schedule = NoiseSchedule.cosine();
        Mlp net = Mlp.builder(2).width(6).depth(2).embeddingDimension(4)
                .dataType(DataType.DOUBLE).seed(9).build();
        ScoreModel model = ScoreModel.of(net, Parameterisation.preconditioned(0.8), schedule);
        RegressionBatch batch = RegressionBatch.withCapacity(2, 4);
        batch.reset(4);
        double[] y = {0.5, -0.3, 1.1, 0.2, -0.7, -0.9, 0.05, 2.0};
        System.arraycopy(y, 0, batch.points(), 0, 8);
        double[] l = {1, -2, 0.3, 0.1, 0.4, -0.5, 2.5, 0.0};
        System.arraycopy(l, 0, batch.targets(), 0, 8);
        double[] t = {0.1, 0.3, 0.6, 0.9};
        System.arraycopy(t, 0, batch.times(), 0, 4);
        double[] w = {1, 0.5, 2, 0.25};
        System.arraycopy(w, 0, batch.weights(), 0, 4);
        FlatParameters p = net.parameters();
        p.zeroGradients();
        double loss = model.lossAndGradient(batch);
        double rowSum = 0;
        for (int i = 0; i < 4; i++) {
            rowSum += batch.rowLosses()[i];
        }
        assertEquals(loss, rowSum / 4, 1e-14);
        ParameterGradients.assertMatchCentralDifferences(p, p.gradients().toDoubleVector(),
                () -> model.lossAndGradient(batch), 5, "regression loss");
    }

    @Test
    void rejectsNonFiniteInputsAndWrongWidths() {
        ScoreModel model = ScoreModel.of(zeroNetwork(2), Parameterisation.plain(),
                NoiseSchedule.cosine());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.score(new double[] {0, Double.NaN}, new double[] {0.5}, 0, 1,
                        new double[2]));
        assertTrue(e.getMessage().contains("row 0, column 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.score(new double[] {0, 0}, new double[] {1.5}, 0, 1, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> model.lossAndGradient(RegressionBatch.withCapacity(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> Parameterisation.preconditioned(0));
    }
}
