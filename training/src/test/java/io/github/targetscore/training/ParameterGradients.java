package io.github.targetscore.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.training.network.FlatParameters;
import java.util.function.DoubleSupplier;

/** Central-difference checks of parameter gradients (networks in DataType.DOUBLE). */
public final class ParameterGradients {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;

    private ParameterGradients() {
    }

    /**
     * Asserts that {@code analytic[i]} equals (ℓ(θ + h e_i) − ℓ(θ − h e_i))/2h, h = 1e−6, to a
     * relative 1e−6 for every {@code stride}-th parameter i, ℓ being {@code objective}
     * evaluated at the network's current parameters (restored after each probe).
     */
    public static void assertMatchCentralDifferences(FlatParameters parameters, double[] analytic,
            DoubleSupplier objective, int stride, String label) {
        for (int i = 0; i < parameters.size(); i += stride) {
            double value = parameters.values().getDouble(i);
            parameters.values().putScalar(i, value + STEP);
            double up = objective.getAsDouble();
            parameters.values().putScalar(i, value - STEP);
            double down = objective.getAsDouble();
            parameters.values().putScalar(i, value);
            double numeric = (up - down) / (2 * STEP);
            assertEquals(numeric, analytic[i], TOLERANCE * Math.max(1, Math.abs(numeric)),
                    label + ": parameter " + i);
        }
    }
}
