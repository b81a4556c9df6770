package io.github.targetscore.core.parameters;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one parameter of an energy model: name, type, meaning, default and
 * admissible range. Immutable; the {@code with...} methods return modified copies.
 *
 * <pre>{@code
 * ParameterSpec.real("epsilon", "well depth ε, energy units").withDefault(1.0).greaterThan(0)
 * }</pre>
 *
 * @param name the key in parameter maps and configs
 * @param type the value type
 * @param description meaning and units, shown by {@code list-energies}
 * @param defaultValue the value used when the parameter is absent; {@code null} if required
 * @param minimum lower bound for numbers (or vector/matrix entries), {@code -∞} if none
 * @param minimumExclusive whether the lower bound itself is excluded
 * @param maximum upper bound, {@code +∞} if none
 * @param choices the admissible words of a {@link ParameterType#CHOICE}, otherwise empty
 */
public record ParameterSpec(String name, ParameterType type, String description,
        Object defaultValue, double minimum, boolean minimumExclusive, double maximum,
        List<String> choices) {

    /** Validates the declaration itself. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter " + name + " needs choices");
        }
    }

    /** A required real parameter. */
    public static ParameterSpec real(String name, String description) {
        return of(name, ParameterType.REAL, description);
    }

    /** A required integer parameter. */
    public static ParameterSpec integer(String name, String description) {
        return of(name, ParameterType.INTEGER, description);
    }

    /** A required boolean parameter. */
    public static ParameterSpec flag(String name, String description) {
        return of(name, ParameterType.FLAG, description);
    }

    /** A required real-vector parameter. */
    public static ParameterSpec realVector(String name, String description) {
        return of(name, ParameterType.REAL_VECTOR, description);
    }

    /** A required real-matrix parameter. */
    public static ParameterSpec realMatrix(String name, String description) {
        return of(name, ParameterType.REAL_MATRIX, description);
    }

    /** A required parameter taking one of {@code choices}. */
    public static ParameterSpec choice(String name, String description, String... choices) {
        return new ParameterSpec(name, ParameterType.CHOICE, description, null,
                Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, List.of(choices));
    }

    private static ParameterSpec of(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, description, null, Double.NEGATIVE_INFINITY, false,
                Double.POSITIVE_INFINITY, List.of());
    }

    /** A copy that is optional with the given default (numbers, booleans, strings, arrays). */
    public ParameterSpec withDefault(Object value) {
        return new ParameterSpec(name, type, description, value, minimum, minimumExclusive,
                maximum, choices);
    }

    /** A copy requiring values ≥ {@code bound}. */
    public ParameterSpec atLeast(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, bound, false, maximum,
                choices);
    }

    /** A copy requiring values &gt; {@code bound}. */
    public ParameterSpec greaterThan(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, bound, true, maximum,
                choices);
    }

    /** A copy requiring values ≤ {@code bound}. */
    public ParameterSpec atMost(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, minimum,
                minimumExclusive, bound, choices);
    }

    /** Whether the parameter must be given. */
    public boolean required() {
        return defaultValue == null;
    }

    /** The admissible range as text, e.g. {@code "> 0"}, or the choices; empty if unbounded. */
    public String rangeText() {
        if (type == ParameterType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        boolean low = minimum != Double.NEGATIVE_INFINITY;
        boolean high = maximum != Double.POSITIVE_INFINITY;
        String lowText = (minimumExclusive ? "> " : ">= ") + format(minimum);
        String highText = "<= " + format(maximum);
        if (low && high) {
            return lowText + " and " + highText;
        }
        return low ? lowText : high ? highText : "";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }

    boolean inRange(double v) {
        boolean aboveMin = minimumExclusive ? v > minimum : v >= minimum;
        return aboveMin && v <= maximum;
    }
}
