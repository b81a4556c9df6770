package io.github.targetscore.samplers.metrics;

import io.github.targetscore.core.manifold.Manifold;

/**
 * x-W2: the exact 2-Wasserstein distance between two equal-size sets of configurations, on
 * their flattened coordinates,
 * <pre>
 *   W₂(x, y) = ( min_σ (1/n) Σ_i |x_i − y_σ(i)|² )^{1/2},
 * </pre>
 * the minimum over all permutations σ found exactly by {@link LinearAssignment} on the n × n
 * matrix of squared Euclidean distances. Units: those of the coordinates.
 *
 * <p>Each configuration is first replaced by its canonical representative on the given manifold
 * ({@link Manifold#canonicalise}): a translation-invariant
 * {@link io.github.targetscore.core.manifold.ParticleSpace} is centred (centre of mass at the
 * origin), R^d is left as it is. There is no rotation or permutation alignment, as iDEM reports
 * the metric (MATH §9). Memory: the n² cost matrix (32 MB for n = 2000). Immutable and
 * thread-safe.
 */
public final class CoordinateWasserstein {

    private final Manifold space;

    private CoordinateWasserstein(Manifold space) {
        this.space = space;
    }

    /** x-W2 between configurations of {@code space}, canonicalised as that space defines. */
    public static CoordinateWasserstein of(Manifold space) {
        return new CoordinateWasserstein(space);
    }

    /** The space whose configurations are compared. */
    public Manifold space() {
        return space;
    }

    /**
     * x-W2, the square root of {@link #squaredDistance}.
     *
     * @param xs n configurations, row-major
     * @param ys n configurations, row-major
     */
    public double distance(double[] xs, double[] ys) {
        return Math.sqrt(squaredDistance(xs, ys));
    }

    /**
     * The squared x-W2: the least mean squared distance (1/n) Σ_i |x_i − y_σ(i)|² over matchings.
     *
     * @param xs n ≥ 1 configurations, row-major, finite
     * @param ys n configurations, row-major, finite
     * @throws IllegalArgumentException if a set is not whole rows of the manifold's width, holds
     *     a non-finite coordinate (naming it), or the two sizes differ
     */
    public double squaredDistance(double[] xs, double[] ys) {
        double[] cost = costMatrix(xs, ys);
        int n = xs.length / space.dimension();
        return LinearAssignment.solve(cost, n).totalCost() / n;
    }

    /**
     * The n × n matrix of squared distances |x_i − y_j|² between the canonicalised
     * configurations, row-major: the cost matrix of the assignment.
     *
     * @param xs n ≥ 1 configurations, row-major, finite
     * @param ys n configurations, row-major, finite
     * @throws IllegalArgumentException as {@link #squaredDistance}
     */
    public double[] costMatrix(double[] xs, double[] ys) {
        double[] x = Configurations.canonicalCopy(space, xs, 1, "x-W2 first set");
        double[] y = Configurations.canonicalCopy(space, ys, 1, "x-W2 second set");
        int width = space.dimension();
        int n = x.length / width;
        if (y.length != x.length) {
            throw new IllegalArgumentException("x-W2 needs two sets of equal size, got " + n
                    + " and " + y.length / width + " configurations");
        }
        double[] cost = new double[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i * n + j] = Configurations.squaredDistance(x, i, y, j, width);
            }
        }
        return cost;
    }

    @Override
    public String toString() {
        return "CoordinateWasserstein[" + space + "]";
    }
}
