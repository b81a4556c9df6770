package io.github.targetscore.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void aStreamDependsOnlyOnSeedAndIndex() {
        RandomStreams a = RandomStreams.of(7);
        RandomStreams b = RandomStreams.of(7);
        // different order of creation, same streams
        long[] later = draw(b.stream(5), 10);
        draw(b.stream(3), 10);
        assertEquals(java.util.Arrays.toString(draw(a.stream(5), 10)), java.util.Arrays.toString(later));
        assertEquals(a.family(2).stream(1).nextLong(), b.family(2).stream(1).nextLong());
        assertEquals(7, a.seed());
    }

    @Test
    void streamsFamiliesAndSeedsDiffer() {
        RandomStreams s = RandomStreams.of(7);
        assertNotEquals(s.stream(0).nextLong(), s.stream(1).nextLong());
        assertNotEquals(s.stream(0).nextLong(), s.family(0).stream(0).nextLong());
        assertNotEquals(s.family(0).stream(0).nextLong(), s.family(1).stream(0).nextLong());
        assertNotEquals(s.stream(0).nextLong(), RandomStreams.of(8).stream(0).nextLong());
    }

    /**
     * Neighbouring streams are uncorrelated: the sample correlation of uniforms from streams i and
     * i+1 over 20000 pairs, per pair of streams, has standard error 1/√20000; all 50 lie within 5
     * standard errors and their mean within 5/√50 standard errors of 0.
     */
    @Test
    void neighbouringStreamsAreUncorrelated() {
        RandomStreams s = RandomStreams.of(12345);
        int n = 20000;
        int pairs = 50;
        double se = 1 / Math.sqrt(n);
        double sum = 0;
        for (int i = 0; i < pairs; i++) {
            UniformRandomProvider u = s.stream(i);
            UniformRandomProvider v = s.stream(i + 1);
            double c = 0;
            for (int k = 0; k < n; k++) {
                c += (u.nextDouble() - 0.5) * (v.nextDouble() - 0.5);
            }
            double correlation = c / n * 12;
            assertTrue(Math.abs(correlation) < 5 * se, "stream " + i + " correlation " + correlation);
            sum += correlation;
        }
        assertTrue(Math.abs(sum / pairs) < 5 * se / Math.sqrt(pairs), "mean correlation " + sum / pairs);
    }
}
