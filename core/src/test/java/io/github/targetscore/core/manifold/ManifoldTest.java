package io.github.targetscore.core.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ManifoldTest {

    @Test
    void euclideanRetractionIsAStraightStep() {
        Manifold r3 = EuclideanSpace.of(3);
        double[] x = {1, 2, 3};
        double[] v = {0, 0, 1, 1, 1};
        double[] out = new double[4];
        r3.retract(x, 0, v, 2, 0.5, out, 1);
        assertArrayEquals(new double[] {0, 1.5, 2.5, 3.5}, out);
        assertEquals(3, r3.degreesOfFreedom());
        assertThrows(IllegalArgumentException.class, () -> EuclideanSpace.of(0));
    }

    @Test
    void translationInvariantParticlesLoseOneParticleOfFreedom() {
        ParticleSpace s = ParticleSpace.of(4, 2, true);
        assertEquals(8, s.dimension());
        assertEquals(8, s.tangentDimension());
        assertEquals(6, s.degreesOfFreedom());
        assertEquals(8, ParticleSpace.of(4, 2, false).degreesOfFreedom());
    }

    @Test
    void canonicaliseRemovesTheCentreOfMassAtAnOffset() {
        ParticleSpace s = ParticleSpace.of(3, 2, true);
        double[] x = {9, 1, 2, 3, 4, 5, 6};
        s.canonicalise(x, 1);
        assertArrayEquals(new double[] {9, -2, -2, 0, 0, 2, 2}, x, 1e-15);
        double[] v = {1, 1, 1, 1, 4, 4};
        s.projectTangent(v, 0);
        assertArrayEquals(new double[] {-1, -1, -1, -1, 2, 2}, v, 1e-15);
    }

    @Test
    void particlesWithoutInvarianceKeepTheirCentre() {
        ParticleSpace s = ParticleSpace.of(2, 1, false);
        double[] x = {1, 2};
        s.canonicalise(x, 0);
        s.projectTangent(x, 0);
        assertArrayEquals(new double[] {1, 2}, x);
    }

    @Test
    void rejectsDegenerateSystems() {
        assertThrows(IllegalArgumentException.class, () -> ParticleSpace.of(1, 3, true));
        assertThrows(IllegalArgumentException.class, () -> ParticleSpace.of(3, 0, false));
    }
}
