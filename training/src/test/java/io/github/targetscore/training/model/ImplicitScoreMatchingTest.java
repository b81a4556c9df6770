package io.github.targetscore.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.training.IsotropicGaussian;
import io.github.targetscore.training.ParameterGradients;
import io.github.targetscore.training.network.FlatParameters;
import io.github.targetscore.training.network.Mlp;
import io.github.targetscore.training.trainer.ScoreMatchingObjective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

class ImplicitScoreMatchingTest {

    private static final int D = 2;
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.cosine();

    private static ScoreModel model(Parameterisation parameterisation) {
        Mlp net = Mlp.builder(D).width(6).depth(2).embeddingDimension(4)
                .dataType(DataType.DOUBLE).seed(21).build();
        return ScoreModel.of(net, parameterisation, SCHEDULE);
    }

    private static RegressionBatch batch() {
        RegressionBatch batch = RegressionBatch.withCapacity(D, 3);
        batch.reset(3);
        System.arraycopy(new double[] {0.4, -1.1, 0.9, 0.3, -0.2, 1.7}, 0, batch.points(), 0, 6);
        System.arraycopy(new double[] {0.2, 0.5, 0.8}, 0, batch.times(), 0, 3);
        System.arraycopy(new double[] {1, 0.5, 2}, 0, batch.weights(), 0, 3);
        return batch;
    }

    /** J by its definition, with the divergence of s_θ from central differences in y. */
    private static double definition(ScoreModel model, RegressionBatch batch) {
        double h = 1e-5;
        double total = 0;
        for (int i = 0; i < batch.size(); i++) {
            double[] y = {batch.points()[2 * i], batch.points()[2 * i + 1]};
            double[] t = {batch.times()[i]};
            double[] s = new double[D];
            model.score(y, t, 0, 1, s);
            double divergence = 0;
            for (int k = 0; k < D; k++) {
                double[] up = y.clone();
                double[] down = y.clone();
                up[k] += h;
                down[k] -= h;
                double[] su = new double[D];
                double[] sd = new double[D];
                model.score(up, t, 0, 1, su);
                model.score(down, t, 0, 1, sd);
                divergence += (su[k] - sd[k]) / (2 * h);
            }
            total += batch.weights()[i] * (0.5 * (s[0] * s[0] + s[1] * s[1]) + divergence);
        }
        return total / batch.size();
    }

    @Test
    void exactDivergenceLossMatchesItsDefinition() {
        for (Parameterisation p : new Parameterisation[] {Parameterisation.plain(),
                Parameterisation.preconditioned(0.7)}) {
            ScoreModel model = model(p);
            RegressionBatch batch = batch();
            double loss = ScoreMatchingObjective.implicitExact().lossAndGradient(model, batch, 0);
            assertEquals(definition(model, batch), loss, 1e-7, p.toString());
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        ScoreModel model = model(Parameterisation.preconditioned(0.7));
        RegressionBatch batch = batch();
        FlatParameters p = model.network().parameters();
        ScoreMatchingObjective ism = ScoreMatchingObjective.implicitExact();
        p.zeroGradients();
        ism.lossAndGradient(model, batch, 0);
        ParameterGradients.assertMatchCentralDifferences(p, p.gradients().toDoubleVector(),
                () -> ism.lossAndGradient(model, batch, 0), 3, "ISM");
    }

    /**
     * Hutchinson's estimate is unbiased with one probe or several (each scaled by 1/√P): the
     * mean over N independent steps' probes equals the exact loss within 5 standard errors.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void hutchinsonIsUnbiased(int probes) {
        ScoreModel model = model(Parameterisation.plain());
        RegressionBatch batch = batch();
        double exact = ScoreMatchingObjective.implicitExact().lossAndGradient(model, batch, 0);
        ScoreMatchingObjective hutchinson = ScoreMatchingObjective.implicitHutchinson(probes, 4);
        int n = 400;
        double sum = 0;
        double squares = 0;
        for (int k = 0; k < n; k++) {
            double value = hutchinson.lossAndGradient(model, batch, k);
            sum += value;
            squares += value * value;
        }
        double mean = sum / n;
        double standardError = Math.sqrt((squares / n - mean * mean) / (n - 1));
        assertEquals(exact, mean, 5 * standardError, probes + " probes");
    }

    @Test
    void targetScoreParameterisationIsRefused() {
        ScoreModel model = model(Parameterisation.targetScore(new IsotropicGaussian(D, 1),
                ScoreClipping.none()));
        assertThrows(IllegalStateException.class,
                () -> ScoreMatchingObjective.implicitExact().lossAndGradient(model, batch(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreMatchingObjective.implicitHutchinson(0, 1));
    }
}
