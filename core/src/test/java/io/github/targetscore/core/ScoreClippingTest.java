package io.github.targetscore.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.ParticleSpace;
import org.junit.jupiter.api.Test;

class ScoreClippingTest {

    @Test
    void capsEachParticleOfAParticleSpace() {
        ScoreClipping clip = ScoreClipping.of(ParticleSpace.of(2, 2, true), 5);
        double[] v = {9, 3, 4, 0, 6, 8}; // one row at offset 1: particles (3, 4) and (0, 6)
        assertTrue(clip.apply(v, 1));
        assertArrayEquals(new double[] {9, 3, 4, 0, 5, 8}, v, 1e-15);
        assertEquals(5, clip.maxNorm(), 0);
    }

    @Test
    void capsTheWholeVectorOnEuclideanSpace() {
        ScoreClipping clip = ScoreClipping.of(EuclideanSpace.of(2), 1);
        double[] v = {3, 4};
        assertTrue(clip.apply(v, 0));
        assertArrayEquals(new double[] {0.6, 0.8}, v, 1e-15);
        assertFalse(clip.apply(v, 0));
        assertFalse(ScoreClipping.of(EuclideanSpace.of(2), Double.POSITIVE_INFINITY).isActive());
        assertFalse(ScoreClipping.none().apply(new double[] {1e300, 1e300}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreClipping.of(EuclideanSpace.of(2), 0));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreClipping.of(EuclideanSpace.of(2), Double.NaN));
    }

    @Test
    void aNoiseLevelLeavesScoresBelowItWhole() {
        ScoreClipping clip = ScoreClipping.of(EuclideanSpace.of(2), 1).fromNoiseLevel(0.1);
        assertEquals(0.1, clip.minNoiseLevel(), 0);
        assertEquals(0, ScoreClipping.of(EuclideanSpace.of(2), 1).minNoiseLevel(), 0);
        double[] v = {3, 4};
        assertFalse(clip.apply(v, 0, 0.099));
        assertArrayEquals(new double[] {3, 4}, v, 0);
        assertTrue(clip.apply(v, 0, 0.1));
        assertArrayEquals(new double[] {0.6, 0.8}, v, 1e-15);
        v = new double[] {3, 4};
        assertTrue(clip.apply(v, 0)); // a vector of no noise level is capped
        assertEquals(2, clip.dimension());
        assertFalse(ScoreClipping.none().fromNoiseLevel(0.1).isActive());
        assertThrows(IllegalArgumentException.class, () -> clip.fromNoiseLevel(-1));
        assertThrows(IllegalArgumentException.class, () -> clip.fromNoiseLevel(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> clip.fromNoiseLevel(Double.POSITIVE_INFINITY));
    }
}
