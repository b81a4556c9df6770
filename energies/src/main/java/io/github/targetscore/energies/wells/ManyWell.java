package io.github.targetscore.energies.wells;

/**
 * The many-well target in d = 2m dimensions (MATH §8; energies in kT, coordinates
 * dimensionless): m independent copies of the 2-D {@link DoubleWell} with its default
 * coefficients,
 *
 * <pre>
 * U(x) = Σ_{i&lt;m} [ x_{2i}⁴ − 6 x_{2i}² − 0.5 x_{2i} + ½ x_{2i+1}² ],
 * log Z = m log(Z₁ √(2π)),   Z₁ = ∫ exp(−(x⁴ − 6x² − 0.5x)) dx = 11784.50927,
 * </pre>
 *
 * so many-well-32 (m = 16) has log Z = 164.6957 and 2^16 modes. Z₁ is computed by quadrature
 * (see {@link QuarticWell}); exact samples draw each factor independently, the quartic
 * coordinate by rejection. Immutable and thread-safe.
 */
public final class ManyWell extends WellSum {

    /** The shared factor, computed once. */
    private static final QuarticWell FACTOR = QuarticWell.of(DoubleWell.DEFAULT_A,
            DoubleWell.DEFAULT_B, DoubleWell.DEFAULT_C);

    private ManyWell(int wells) {
        super(FACTOR, wells, 2);
    }

    /**
     * @param dimension d, even and ≥ 2
     * @return the many-well target on R^d
     * @throws IllegalArgumentException if d is odd or &lt; 2
     */
    public static ManyWell of(int dimension) {
        if (dimension < 2 || dimension % 2 != 0) {
            throw new IllegalArgumentException("many-well dimension must be even and >= 2, got "
                    + dimension);
        }
        return new ManyWell(dimension / 2);
    }

    /** The number m = d / 2 of double-well factors. */
    public int wells() {
        return dimension() / 2;
    }

    @Override
    public String toString() {
        return "ManyWell[dimension=" + dimension() + "]";
    }
}
