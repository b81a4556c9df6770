package io.github.targetscore.training.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.targetscore.training.network.FlatParameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamOptimiserTest {

    private static final double[] START = {0.5, -1.0, 2.0, 0.0, 3.0, -0.25};

    private static FlatParameters parameters(DataType type) {
        FlatParameters p = FlatParameters.layout(type).matrix("w", 2, 2).matrix("b", 1, 2)
                .allocate();
        p.values().assign(Nd4j.createFromArray(START).castTo(type));
        return p;
    }

    private static void setGradients(FlatParameters p, double... g) {
        p.gradients().assign(Nd4j.createFromArray(g).castTo(p.dataType()));
    }

    /** At step 1, m̂ = g and v̂ = g², so each parameter moves by η g/(|g| + ε). */
    @Test
    void firstStepMovesByTheLearningRateAgainstTheGradientSign() {
        FlatParameters p = parameters(DataType.DOUBLE);
        double rate = 0.01;
        double epsilon = 1e-3;
        AdamOptimiser adam = AdamOptimiser.builder(p)
                .learningRate(LearningRateSchedule.constant(rate)).moments(0.8, 0.99, epsilon)
                .build();
        double[] g = {0.3, -2.0, 1e-4, 0.0, -0.05, 7.0};
        setGradients(p, g);
        double norm = adam.apply();
        double squares = 0;
        for (int i = 0; i < g.length; i++) {
            squares += g[i] * g[i];
            double expected = START[i] - rate * g[i] / (Math.abs(g[i]) + epsilon);
            assertEquals(expected, p.values().getDouble(i), 1e-15, "parameter " + i);
        }
        assertEquals(Math.sqrt(squares), norm, 1e-14);
        assertEquals(1, adam.step());
    }

    /** Three steps against the recurrence written out for one scalar parameter at a time. */
    @Test
    void laterStepsFollowTheBiasCorrectedRecurrence() {
        FlatParameters p = parameters(DataType.DOUBLE);
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        LearningRateSchedule schedule = LearningRateSchedule.cosine(1e-2, 1, 10, 0.1);
        AdamOptimiser adam = AdamOptimiser.builder(p).learningRate(schedule)
                .moments(b1, b2, eps).build();
        double[][] gradients = {{1, -2, 3, 0.5, -0.5, 4}, {-1, 1, 2, 0.25, 0, -3},
            {0.5, 0.5, -1, 2, 1, 1}};
        double[] theta = START.clone();
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        for (int k = 1; k <= gradients.length; k++) {
            setGradients(p, gradients[k - 1]);
            adam.apply();
            p.zeroGradients();
            for (int i = 0; i < theta.length; i++) {
                double g = gradients[k - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, k));
                double vHat = v[i] / (1 - Math.pow(b2, k));
                theta[i] -= schedule.rate(k - 1) * mHat / (Math.sqrt(vHat) + eps);
                assertEquals(theta[i], p.values().getDouble(i), 1e-14, "step " + k + ", " + i);
            }
        }
        double[] state = adam.state().toDoubleVector();
        for (int i = 0; i < theta.length; i++) {
            assertEquals(m[i], state[i], 1e-15);
            assertEquals(v[i], state[theta.length + i], 1e-15);
        }
    }

    @Test
    void clippingScalesTheGradientBeforeTheMoments() {
        FlatParameters p = parameters(DataType.FLOAT);
        AdamOptimiser adam = AdamOptimiser.builder(p).gradientClipping(1).build();
        double[] g = {3, 0, 0, 4, 0, 0}; // ‖g‖ = 5
        setGradients(p, g);
        assertEquals(5, adam.apply(), 1e-6);
        double[] m = adam.state().toDoubleVector();
        for (int i = 0; i < g.length; i++) {
            assertEquals(0.1 * g[i] / 5, m[i], 1e-8, "m of parameter " + i);
        }
    }

    @Test
    void nonFiniteGradientLeavesTheParametersUntouched() {
        FlatParameters p = parameters(DataType.FLOAT);
        AdamOptimiser adam = AdamOptimiser.builder(p).build();
        setGradients(p, 1, Double.NaN, 0, 0, 0, 0);
        float[] before = p.values().toFloatVector();
        assertThrows(ArithmeticException.class, adam::apply);
        assertArrayEquals(before, p.values().toFloatVector());
        assertEquals(0, adam.step());
    }

    @Test
    void restoreRefusesAStateOfAnotherSize() {
        AdamOptimiser adam = AdamOptimiser.builder(parameters(DataType.FLOAT)).build();
        INDArray wrong = Nd4j.zeros(DataType.DOUBLE, 5);
        assertThrows(IllegalArgumentException.class,
                () -> adam.restore(3, wrong, Nd4j.zeros(DataType.FLOAT, 6)));
    }
}
