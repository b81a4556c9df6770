package io.github.targetscore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.parameters.InvalidParameterException;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnergyRegistryTest {

    /** U(x) = (k/2)|x|² in d dimensions. */
    static final class Harmonic implements EnergyModel {
        final double k;
        final Manifold space;

        Harmonic(int d, double k) {
            this.k = k;
            this.space = EuclideanSpace.of(d);
        }

        @Override
        public Manifold manifold() {
            return space;
        }

        @Override
        public double energy(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return 0.5 * k * s;
        }

        @Override
        public double energyAndGradient(double[] x, double[] gradient) {
            for (int i = 0; i < x.length; i++) {
                gradient[i] = k * x[i];
            }
            return energy(x);
        }
    }

    static final class HarmonicProvider implements EnergyModelProvider {
        @Override
        public String name() {
            return "harmonic";
        }

        @Override
        public String description() {
            return "isotropic harmonic well";
        }

        @Override
        public String formula() {
            return "U(x) = (k/2)|x|²";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("dimension", "d").atLeast(1),
                    ParameterSpec.real("k", "stiffness").withDefault(1.0).greaterThan(0));
        }

        @Override
        public List<Preset> presets() {
            return List.of(new Preset("stiff-3d", "k = 10 in 3-D", Map.of("dimension", 3, "k", 10.0)));
        }

        @Override
        public EnergyModel create(Parameters p) {
            return new Harmonic(p.integer("dimension"), p.real("k"));
        }
    }

    private final EnergyRegistry registry = EnergyRegistry.of(List.of(new HarmonicProvider()));

    @Test
    void createsByProviderName() {
        EnergyModel m = registry.create("harmonic", Map.of("dimension", 2, "k", 4));
        assertEquals(2, m.dimension());
        assertEquals(8.0, m.energy(new double[] {2, 0}));
    }

    @Test
    void presetsFixParametersAndAcceptOverrides() {
        assertEquals(10 * 0.5 * 3, registry.create("stiff-3d", Map.of()).energy(new double[] {1, 1, 1}));
        EnergyModel softer = registry.create("stiff-3d", Map.of("k", 2.0));
        assertEquals(3.0, softer.energy(new double[] {1, 1, 1}));
        assertEquals(List.of("harmonic", "stiff-3d"), registry.names());
        assertEquals("harmonic", registry.provider("stiff-3d").orElseThrow().name());
    }

    @Test
    void resolvedParametersIncludeDefaultsAndPresetValues() {
        assertEquals(1.0, registry.parameters("harmonic", Map.of("dimension", 2)).real("k"));
        assertEquals(10.0, registry.parameters("stiff-3d", Map.of()).real("k"));
        assertEquals(3, registry.parameters("stiff-3d", Map.of("k", 1)).integer("dimension"));
        assertThrows(UnknownEnergyException.class, () -> registry.parameters("nope", Map.of()));
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        UnknownEnergyException e = assertThrows(UnknownEnergyException.class,
                () -> registry.create("harmonik", Map.of()));
        assertEquals("unknown energy 'harmonik'; known energies: harmonic, stiff-3d", e.getMessage());
    }

    @Test
    void parametersAreValidated() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> registry.create("harmonic", Map.of("dimension", 2, "k", -1)));
        assertEquals("k", e.parameter());
        assertTrue(e.getMessage().startsWith("harmonic: parameter 'k' must be > 0"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EnergyRegistry.of(List.of(new HarmonicProvider(), new HarmonicProvider())));
        assertTrue(e.getMessage().contains("'harmonic' is registered twice"), e.getMessage());
    }

    @Test
    void defaultBatchMethodsLoopOverRowsInRange() {
        EnergyModel m = new Harmonic(2, 1);
        double[] xs = {1, 0, 0, 2, 3, 4};
        double[] e = new double[3];
        double[] g = new double[6];
        m.energyAndGradient(xs, 1, 2, e, g);
        assertEquals(0, e[0]);
        assertEquals(2, e[1]);
        assertEquals(12.5, e[2]);
        assertEquals(4, g[5]);
        assertThrows(IllegalArgumentException.class, () -> m.energies(xs, 2, 2, new double[4]));
    }

    @Test
    void boltzmannDensityScalesByBeta() {
        BoltzmannDensity p = BoltzmannDensity.of(new Harmonic(2, 1), 2.0);
        double[] score = new double[2];
        assertEquals(-2 * 2.5, p.logDensityAndScore(new double[] {1, 2}, score));
        assertEquals(-2.0, score[0]);
        assertEquals(-4.0, score[1]);
        assertThrows(IllegalArgumentException.class, () -> BoltzmannDensity.of(p.model(), 0));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannDensity.of(p.model(), Double.NaN));
    }
}
