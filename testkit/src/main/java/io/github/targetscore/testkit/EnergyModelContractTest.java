package io.github.targetscore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EnergyModel} must meet, as one abstract JUnit 5 test to extend:
 * gradients against central finite differences (taken along the manifold's retraction, so they
 * also hold on curved spaces), batch methods equal to the single-configuration ones, finite
 * energies, thread safety, clear errors for wrong lengths and NaN coordinates, and discovery
 * through {@link EnergyRegistry}.
 *
 * <pre>{@code
 * class HarmonicChainTest extends EnergyModelContractTest {
 *     protected EnergyModel model() { return HarmonicChain.of(8, 1.0); }
 *     protected void randomConfiguration(UniformRandomProvider rng, double[] x) { ... }
 *     protected String registeredName() { return "harmonic-chain"; }
 *     protected Map<String, Object> registeredParameters() { return Map.of("n", 8); }
 * }
 * }</pre>
 */
public abstract class EnergyModelContractTest {

    /** Number of random configurations each check runs on. */
    protected static final int CONFIGURATIONS = 16;

    /** The model under test. */
    protected abstract EnergyModel model();

    /**
     * Fills {@code x} with a random configuration where the energy is smooth and finite (e.g.
     * particles not overlapping).
     */
    protected abstract void randomConfiguration(UniformRandomProvider rng, double[] x);

    /** The name the registry knows this model by. */
    protected abstract String registeredName();

    /** The parameters that make the registry create a model equal to {@link #model()}. */
    protected abstract Map<String, Object> registeredParameters();

    /** Step h of the central difference (U(x ⊕ h e_i) − U(x ⊕ −h e_i)) / 2h. */
    protected double finiteDifferenceStep() {
        return 1e-5;
    }

    /**
     * Allowed |finite difference − gradient|, relative to max(1, |gradient|_∞). The central
     * difference has error O(h² U''') plus rounding O(ε|U|/h): 1e-6 suits h = 1e-5 and smooth
     * energies of moderate scale.
     */
    protected double gradientTolerance() {
        return 1e-6;
    }

    /** The master seed of the random configurations. */
    protected long seed() {
        return 20240213L;
    }

    private double[][] configurations() {
        EnergyModel model = model();
        RandomStreams streams = RandomStreams.of(seed());
        double[][] xs = new double[CONFIGURATIONS][model.dimension()];
        for (int k = 0; k < CONFIGURATIONS; k++) {
            randomConfiguration(streams.stream(k), xs[k]);
        }
        return xs;
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        EnergyModel model = model();
        int t = model.manifold().tangentDimension();
        double h = finiteDifferenceStep();
        double[] gradient = new double[t];
        double[] direction = new double[t];
        double[] moved = new double[model.dimension()];
        for (double[] x : configurations()) {
            model.energyAndGradient(x, gradient);
            double scale = 1;
            for (double g : gradient) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < t; i++) {
                direction[i] = 1;
                model.manifold().retract(x, 0, direction, 0, h, moved, 0);
                double up = model.energy(moved);
                model.manifold().retract(x, 0, direction, 0, -h, moved, 0);
                double down = model.energy(moved);
                direction[i] = 0;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, gradient[i], gradientTolerance() * scale,
                        "gradient component " + i + " against central finite difference");
            }
        }
    }

    @Test
    void energyAndGradientReturnsTheEnergy() {
        EnergyModel model = model();
        double[] gradient = new double[model.manifold().tangentDimension()];
        for (double[] x : configurations()) {
            double u = model.energy(x);
            assertTrue(Double.isFinite(u), "energy must be finite at a random configuration");
            assertEquals(u, model.energyAndGradient(x, gradient), 1e-12 * Math.max(1, Math.abs(u)));
        }
    }

    @Test
    void batchMethodsEqualSingleConfigurationMethods() {
        EnergyModel model = model();
        int d = model.dimension();
        int t = model.manifold().tangentDimension();
        double[][] xs = configurations();
        int start = 3;
        int count = CONFIGURATIONS - start - 2;
        double[] flat = new double[CONFIGURATIONS * d];
        for (int k = 0; k < CONFIGURATIONS; k++) {
            System.arraycopy(xs[k], 0, flat, k * d, d);
        }
        double[] energies = new double[CONFIGURATIONS];
        double[] energiesOnly = new double[CONFIGURATIONS];
        double[] gradients = new double[CONFIGURATIONS * t];
        model.energyAndGradient(flat, start, count, energies, gradients);
        model.energies(flat, start, count, energiesOnly);
        double[] gradient = new double[t];
        for (int k = 0; k < CONFIGURATIONS; k++) {
            if (k < start || k >= start + count) {
                assertEquals(0.0, energies[k], "row " + k + " is outside the range: untouched");
                continue;
            }
            double u = model.energyAndGradient(xs[k], gradient);
            double tol = 1e-12 * Math.max(1, Math.abs(u));
            assertEquals(u, energies[k], tol, "batch energy of row " + k);
            assertEquals(u, energiesOnly[k], tol, "batch energy-only of row " + k);
            for (int i = 0; i < t; i++) {
                assertEquals(gradient[i], gradients[k * t + i],
                        1e-12 * Math.max(1, Math.abs(gradient[i])), "batch gradient of row " + k);
            }
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        EnergyModel model = model();
        int t = model.manifold().tangentDimension();
        double[][] xs = configurations();
        double[] expected = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            expected[k] = model.energyAndGradient(xs[k], new double[t]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                futures.add(pool.submit(() -> {
                    double[] out = new double[xs.length];
                    double[] g = new double[t];
                    for (int repeat = 0; repeat < 50; repeat++) {
                        for (int k = 0; k < xs.length; k++) {
                            out[k] = model.energyAndGradient(xs[k], g);
                        }
                    }
                    return out;
                }));
            }
            for (Future<double[]> f : futures) {
                double[] out = f.get();
                for (int k = 0; k < xs.length; k++) {
                    assertEquals(expected[k], out[k], 0.0, "energy of row " + k + " under concurrency");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsConfigurationsOfTheWrongLength() {
        EnergyModel model = model();
        int t = model.manifold().tangentDimension();
        assertThrows(IllegalArgumentException.class, () -> model.energy(new double[model.dimension() + 1]));
        assertThrows(IllegalArgumentException.class,
                () -> model.energyAndGradient(new double[model.dimension() - 1], new double[t]));
        assertThrows(IllegalArgumentException.class,
                () -> model.energyAndGradient(configurations()[0], new double[t + 1]));
    }

    @Test
    void rejectsNaNCoordinatesWithAMessage() {
        EnergyModel model = model();
        double[] x = configurations()[0];
        x[x.length - 1] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.energy(x));
        assertTrue(e.getMessage().contains("NaN"), "message should name the NaN: " + e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.energyAndGradient(x, new double[model.manifold().tangentDimension()]));
    }

    @Test
    void registryCreatesTheSameModel() {
        EnergyModel model = model();
        EnergyModel registered = EnergyRegistry.load().create(registeredName(), registeredParameters());
        assertEquals(model.dimension(), registered.dimension());
        for (double[] x : configurations()) {
            assertEquals(model.energy(x), registered.energy(x), 0.0);
        }
    }
}
