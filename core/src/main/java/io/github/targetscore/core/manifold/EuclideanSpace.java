package io.github.targetscore.core.manifold;

/** The Euclidean space R^d: no symmetry, tangent vectors are coordinate differences. */
public final class EuclideanSpace implements Manifold {

    private final int dimension;

    private EuclideanSpace(int dimension) {
        this.dimension = dimension;
    }

    /**
     * @param dimension d ≥ 1
     * @return R^d
     */
    public static EuclideanSpace of(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        return new EuclideanSpace(dimension);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int tangentDimension() {
        return dimension;
    }

    @Override
    public int degreesOfFreedom() {
        return dimension;
    }

    @Override
    public void projectTangent(double[] v, int offset) {
        // every direction is sampled
    }

    @Override
    public void canonicalise(double[] x, int offset) {
        // every point is its own representative
    }

    @Override
    public void retract(double[] x, int xOffset, double[] v, int vOffset, double step,
            double[] destination, int destinationOffset) {
        for (int i = 0; i < dimension; i++) {
            destination[destinationOffset + i] = x[xOffset + i] + step * v[vOffset + i];
        }
    }

    @Override
    public String toString() {
        return "R^" + dimension;
    }
}
