package io.github.targetscore.energies.wells;

/**
 * The double well in one or two dimensions (energies in kT, coordinates dimensionless):
 *
 * <pre>
 * U(x) = a x₁⁴ + b x₁² + c x₁            (d = 1)
 * U(x) = a x₁⁴ + b x₁² + c x₁ + ½ x₂²    (d = 2)
 * </pre>
 *
 * with a &gt; 0. The defaults a = 1, b = −6, c = −0.5 give the factor of the many-well target
 * (MATH §8): wells near x₁ = ±√3, the one at +√3 deeper by about √3 kT, and barriers of
 * about 8 and 10 kT at x₁ = 0.
 *
 * <p>log Z = log Z₁ (+ ½ log 2π for d = 2), where Z₁ = ∫ exp(−(a x⁴ + b x² + c x)) dx is
 * computed by trapezoidal quadrature at construction, accurate to about 10^−13 relative
 * (Z₁ = 11784.50927 for the defaults). Exact samples: x₁ by rejection from a Gaussian mixture
 * centred at the local minima with a bound found numerically, x₂ standard normal; see
 * {@link QuarticWell} for the construction. Immutable and thread-safe.
 */
public final class DoubleWell extends WellSum {

    /** Default quartic coefficient a. */
    public static final double DEFAULT_A = 1;
    /** Default quadratic coefficient b. */
    public static final double DEFAULT_B = -6;
    /** Default linear coefficient c. */
    public static final double DEFAULT_C = -0.5;

    private DoubleWell(QuarticWell well, int dimension) {
        super(well, 1, dimension);
    }

    /**
     * @param dimension 1 or 2
     * @param a quartic coefficient, finite and &gt; 0
     * @param b quadratic coefficient, finite
     * @param c linear coefficient, finite
     * @return the double well
     * @throws IllegalArgumentException on a bad dimension or coefficient
     */
    public static DoubleWell of(int dimension, double a, double b, double c) {
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("double well dimension must be 1 or 2, got "
                    + dimension);
        }
        return new DoubleWell(QuarticWell.of(a, b, c), dimension);
    }

    /** The double well with the default coefficients a = 1, b = −6, c = −0.5. */
    public static DoubleWell of(int dimension) {
        return of(dimension, DEFAULT_A, DEFAULT_B, DEFAULT_C);
    }

    /** The quartic coefficient a. */
    public double a() {
        return well().a();
    }

    /** The quadratic coefficient b. */
    public double b() {
        return well().b();
    }

    /** The linear coefficient c. */
    public double c() {
        return well().c();
    }

    @Override
    public String toString() {
        return "DoubleWell[dimension=" + dimension() + ", a=" + a() + ", b=" + b() + ", c=" + c()
                + "]";
    }
}
