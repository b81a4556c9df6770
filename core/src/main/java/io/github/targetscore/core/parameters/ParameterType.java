package io.github.targetscore.core.parameters;

/** The value types an energy parameter can take. */
public enum ParameterType {
    /** A real number ({@code double}); JSON numbers of any kind are accepted. */
    REAL("real"),
    /** A whole number ({@code int}); a JSON number without fractional part. */
    INTEGER("integer"),
    /** {@code true} or {@code false}. */
    FLAG("boolean"),
    /** One of a fixed set of words. */
    CHOICE("choice"),
    /** A list of real numbers ({@code double[]}). */
    REAL_VECTOR("list of reals"),
    /** A list of equally long lists of real numbers ({@code double[][]}), row-major. */
    REAL_MATRIX("list of lists of reals");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    /** How the type is named in messages and help texts. */
    public String label() {
        return label;
    }
}
