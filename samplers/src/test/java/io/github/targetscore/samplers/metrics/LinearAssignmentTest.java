package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    /** The least Σ_i c[i][σ(i)] over all n! permutations (Heap's algorithm). */
    private static double bruteForceMinimum(double[] cost, int n) {
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        double best = costOf(cost, n, permutation);
        int[] counters = new int[n];
        int i = 1;
        while (i < n) {
            if (counters[i] < i) {
                int swapWith = i % 2 == 0 ? 0 : counters[i];
                int t = permutation[swapWith];
                permutation[swapWith] = permutation[i];
                permutation[i] = t;
                best = Math.min(best, costOf(cost, n, permutation));
                counters[i]++;
                i = 1;
            } else {
                counters[i] = 0;
                i++;
            }
        }
        return best;
    }

    private static double costOf(double[] cost, int n, int[] columns) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += cost[i * n + columns[i]];
        }
        return sum;
    }

    /**
     * Checks that the answer is a permutation, that its total is what it claims, and that its
     * duals certify it: feasible (c − u − v ≥ −tol), tight on the assignment, Σu + Σv = total.
     */
    private static void assertCertified(double[] cost, int n, Assignment a) {
        double scale = 1;
        for (double c : cost) {
            scale = Math.max(scale, Math.abs(c));
        }
        double tolerance = 1e-12 * scale * Math.max(1, n);
        boolean[] taken = new boolean[n];
        int[] columns = a.columns();
        for (int i = 0; i < n; i++) {
            assertTrue(columns[i] >= 0 && columns[i] < n && !taken[columns[i]],
                    "row " + i + " has column " + columns[i]);
            taken[columns[i]] = true;
        }
        assertEquals(costOf(cost, n, columns), a.totalCost(), tolerance);
        double[] u = a.rowDuals();
        double[] v = a.columnDuals();
        double dual = 0;
        for (int i = 0; i < n; i++) {
            dual += u[i] + v[i];
            for (int j = 0; j < n; j++) {
                double reduced = cost[i * n + j] - u[i] - v[j];
                assertTrue(reduced >= -tolerance, "reduced cost " + reduced + " at (" + i + ", "
                        + j + ")");
            }
            assertEquals(0, cost[i * n + columns[i]] - u[i] - v[columns[i]], tolerance);
        }
        assertEquals(a.totalCost(), dual, tolerance);
    }

    private static void assertOptimal(double[] cost, int n) {
        Assignment a = LinearAssignment.solve(cost, n);
        assertCertified(cost, n, a);
        double best = bruteForceMinimum(cost, n);
        assertEquals(best, a.totalCost(), 1e-12 * Math.max(1, Math.abs(best)),
                () -> n + " × " + n + " matrix " + java.util.Arrays.toString(cost));
    }

    /** Makes the cost matrix of one random instance of size n. */
    @FunctionalInterface
    private interface Instance {
        double[] cost(int n, int instance, UniformRandomProvider rng);
    }

    /**
     * Checks random instances of every size 1 … 8 against brute force: many small ones, fewer
     * of 7 and 8 (8! = 40320 permutations each).
     */
    private static void assertOptimalOnRandomInstances(long seed, Instance instances) {
        RandomStreams streams = RandomStreams.of(seed);
        for (int n = 1; n <= 8; n++) {
            int count = n <= 6 ? 200 : n == 7 ? 40 : 10;
            for (int instance = 0; instance < count; instance++) {
                assertOptimal(instances.cost(n, instance, streams.family(n).stream(instance)), n);
            }
        }
    }

    /** Squared distances between n random points of [0, 1)^d and n of [0.5, 1.5)^d. */
    private static double[] squaredEuclideanCost(UniformRandomProvider rng, int n, int d) {
        double[] a = new double[n * d];
        double[] b = new double[n * d];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextDouble();
            b[k] = rng.nextDouble() + 0.5;
        }
        return CoordinateWasserstein.of(EuclideanSpace.of(d)).costMatrix(a, b);
    }

    @Test
    void matchesBruteForceOnRandomUniformCosts() {
        assertOptimalOnRandomInstances(101, (n, instance, rng) -> {
            double[] cost = new double[n * n];
            for (int k = 0; k < cost.length; k++) {
                cost[k] = 100 * rng.nextDouble() - 30;
            }
            return cost;
        });
    }

    /** Small integer costs: many optimal permutations and many equal reduced costs. */
    @Test
    void matchesBruteForceWithTies() {
        assertOptimalOnRandomInstances(202, (n, instance, rng) -> {
            double[] cost = new double[n * n];
            for (int k = 0; k < cost.length; k++) {
                cost[k] = rng.nextInt(2 + instance % 3);
            }
            return cost;
        });
    }

    /** Squared distances between random points: the metric's own cost matrices. */
    @Test
    void matchesBruteForceOnSquaredEuclideanCosts() {
        assertOptimalOnRandomInstances(303,
                (n, instance, rng) -> squaredEuclideanCost(rng, n, 1 + instance % 3));
    }

    @Test
    void degenerateMatrices() {
        assertEquals(0, LinearAssignment.solve(new double[0], 0).size());
        Assignment one = LinearAssignment.solve(new double[] {-2.5}, 1);
        assertEquals(0, one.column(0));
        assertEquals(-2.5, one.totalCost());
        for (int n : new int[] {2, 5, 40}) {
            double[] constant = new double[n * n];
            java.util.Arrays.fill(constant, 3);
            Assignment a = LinearAssignment.solve(constant, n);
            assertCertified(constant, n, a);
            assertEquals(3.0 * n, a.totalCost());
        }
    }

    /** A permuted diagonal of zeros among positive costs is found exactly. */
    @Test
    void findsAHiddenZeroPermutation() {
        int n = 300;
        UniformRandomProvider rng = RandomStreams.of(404).stream(0);
        int[] hidden = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, hidden);
        double[] cost = new double[n * n];
        for (int k = 0; k < cost.length; k++) {
            cost[k] = 1 + rng.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            cost[i * n + hidden[i]] = 0;
        }
        Assignment a = LinearAssignment.solve(cost, n);
        assertArrayEquals(hidden, a.columns());
        assertEquals(0, a.totalCost());
    }

    /** Large instances cannot be brute-forced: the duals certify optimality. */
    @Test
    void largeEuclideanInstanceIsCertifiedByItsDuals() {
        int n = 700;
        double[] cost = squaredEuclideanCost(RandomStreams.of(505).stream(0), n, 8);
        Assignment first = LinearAssignment.solve(cost, n);
        assertCertified(cost, n, first);
        assertArrayEquals(first.columns(), LinearAssignment.solve(cost, n).columns(),
                "deterministic");
    }

    @Test
    void badInputFailsWithItsPlace() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(new double[5], 2));
        assertEquals("cost matrix of length 5 is not 2 × 2 (needs 4)", length.getMessage());
        double[] cost = {0, 1, 2, 3, 4, Double.NaN, 6, 7, 8};
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(cost, 3));
        assertEquals("cost[1][2] is NaN; costs must be finite", nan.getMessage());
        cost[5] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(cost, 3));
        assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(new double[0], -1));
    }
}
