package io.github.targetscore.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Plugging in an energy" example, verbatim, with its results checked. */
class ReadmeExampleTest {

    /** Three particles on a line joined by springs: U = ½ k Σ (x_{i+1} − x_i − r0)². */
    static final class Springs implements EnergyModel {
        private final Manifold space = ParticleSpace.of(3, 1, true);   // translation invariant
        public Manifold manifold() { return space; }
        public double energy(double[] x) { return energyAndGradient(x, new double[3]); }
        public double energyAndGradient(double[] x, double[] g) {
            java.util.Arrays.fill(g, 0);
            double u = 0;
            for (int i = 0; i < 2; i++) {
                double s = x[i + 1] - x[i] - 1.0;                       // k = 1, r0 = 1
                u += 0.5 * s * s;  g[i] -= s;  g[i + 1] += s;
            }
            return u;
        }
    }

    @Test
    void theExampleComputesTheBoltzmannScore() {
        BoltzmannDensity p = BoltzmannDensity.of(new Springs(), 1 / 0.6);   // kT = 0.6
        double[] score = new double[3];
        double logp = p.logDensityAndScore(new double[] {0, 1.2, 2.1}, score);   // −βU and −β∇U
        EnergyModel lj13 = EnergyRegistry.load().create("lj13", Map.of()); // a built-in

        double u = 0.5 * 0.2 * 0.2 + 0.5 * 0.1 * 0.1;
        assertEquals(-u / 0.6, logp, 1e-14);
        // s = (0.2, −0.1): ∇U = (−s0, s0 − s1, s1) = (−0.2, 0.3, −0.1), score = −∇U/kT
        assertArrayEquals(new double[] {0.2 / 0.6, -0.3 / 0.6, 0.1 / 0.6}, score, 1e-14);
        assertEquals(39, lj13.dimension());
    }
}
