package io.github.targetscore.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelEnergiesTest {

    @Test
    void everyRowIsVisitedOnceWhateverTheParallelism() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                for (int count : new int[] {0, 1, 5, 17, 1000}) {
                    AtomicIntegerArray visits = new AtomicIntegerArray(count + 3);
                    ParallelEnergies.of(pool, 2).run(3, count, (from, n) -> {
                        for (int i = from; i < from + n; i++) {
                            visits.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < count + 3; i++) {
                        assertEquals(i < 3 ? 0 : 1, visits.get(i), "row " + i);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void parallelBatchesEqualSequentialOnes() {
        EnergyModel m = new EnergyRegistryTest.Harmonic(3, 2.0);
        int n = 301;
        double[] xs = new double[n * 3];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.sin(i);
        }
        double[] e1 = new double[n];
        double[] g1 = new double[n * 3];
        m.energyAndGradient(xs, 0, n, e1, g1);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            double[] e2 = new double[n];
            double[] g2 = new double[n * 3];
            ParallelEnergies parallel = ParallelEnergies.of(pool, 16);
            parallel.energyAndGradient(m, xs, 0, n, e2, g2);
            assertArrayEquals(e1, e2, 0);
            assertArrayEquals(g1, g2, 0);
            double[] e3 = new double[n];
            parallel.energies(m, xs, 0, n, e3);
            assertArrayEquals(e1, e3, 0);
            assertEquals(2, parallel.parallelism());
        } finally {
            pool.shutdown();
        }
        assertThrows(IllegalArgumentException.class, () -> ParallelEnergies.of(ForkJoinPool.commonPool(), 0));
    }
}
