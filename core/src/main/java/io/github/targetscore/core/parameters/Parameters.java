package io.github.targetscore.core.parameters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Validated parameter values of one energy model: every declared parameter present (given or
 * defaulted), converted to its declared type, inside its range. Immutable; arrays are copied on
 * the way in and out.
 *
 * <p>Raw values may come from Java code or from JSON (Jackson): {@link Number} of any kind,
 * {@link Boolean}, {@link CharSequence}, {@code double[]}, {@code double[][]} or {@link List}s of
 * numbers.
 */
public final class Parameters {

    private final String owner;
    private final Map<String, Object> values;

    private Parameters(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values;
    }

    /**
     * Validates raw values against declarations.
     *
     * @param owner the model's name, used in messages
     * @param specs the declared parameters
     * @param raw the given values; absent ones take their defaults
     * @return the validated values
     * @throws InvalidParameterException naming the first unknown, missing, mistyped or
     *     out-of-range parameter
     */
    public static Parameters validate(String owner, List<ParameterSpec> specs,
            Map<String, ?> raw) {
        Objects.requireNonNull(raw, "raw");
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new InvalidParameterException(key, owner + ": unknown parameter '" + key
                        + "'; known parameters: " + String.join(", ", new TreeSet<>(byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object value = raw.containsKey(spec.name()) ? raw.get(spec.name()) : spec.defaultValue();
            if (value == null) {
                throw new InvalidParameterException(spec.name(), owner + ": missing parameter '"
                        + spec.name() + "' (" + spec.type().label() + ": " + spec.description() + ")");
            }
            values.put(spec.name(), convert(owner, spec, value));
        }
        return new Parameters(owner, Collections.unmodifiableMap(values));
    }

    /** The model these parameters belong to. */
    public String owner() {
        return owner;
    }

    /** A real parameter. */
    public double real(String name) {
        return (Double) get(name, ParameterType.REAL);
    }

    /**
     * A real parameter that must be finite (a declared range admits ±∞ unless it bounds them).
     *
     * @throws InvalidParameterException naming the parameter if it is infinite
     */
    public double finiteReal(String name) {
        double value = real(name);
        if (!Double.isFinite(value)) {
            throw invalid(name, "must be finite, got " + value);
        }
        return value;
    }

    /** An integer parameter. */
    public int integer(String name) {
        return (Integer) get(name, ParameterType.INTEGER);
    }

    /** A boolean parameter. */
    public boolean flag(String name) {
        return (Boolean) get(name, ParameterType.FLAG);
    }

    /** A choice parameter. */
    public String choice(String name) {
        return (String) get(name, ParameterType.CHOICE);
    }

    /** A real-vector parameter (a copy). */
    public double[] realVector(String name) {
        return ((double[]) get(name, ParameterType.REAL_VECTOR)).clone();
    }

    /** A real-matrix parameter (a deep copy). */
    public double[][] realMatrix(String name) {
        double[][] m = (double[][]) get(name, ParameterType.REAL_MATRIX);
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }

    /**
     * Fails with an {@link InvalidParameterException} about {@code name}; for cross-parameter
     * checks a model makes after the per-parameter ones (e.g. matching lengths).
     */
    public InvalidParameterException invalid(String name, String problem) {
        return new InvalidParameterException(name, owner + ": parameter '" + name + "' " + problem);
    }

    /** The validated values by name, in declaration order (arrays are shared: do not modify). */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name, ParameterType type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + " declares no parameter '" + name + "'");
        }
        if (!typeOf(name, type)) {
            throw new IllegalArgumentException(owner + ": parameter '" + name
                    + "' is not of type " + type.label());
        }
        return v;
    }

    private boolean typeOf(String name, ParameterType type) {
        Object v = values.get(name);
        switch (type) {
            case REAL: return v instanceof Double;
            case INTEGER: return v instanceof Integer;
            case FLAG: return v instanceof Boolean;
            case CHOICE: return v instanceof String;
            case REAL_VECTOR: return v instanceof double[];
            case REAL_MATRIX: return v instanceof double[][];
            default: throw new AssertionError(type);
        }
    }

    private static Object convert(String owner, ParameterSpec spec, Object value) {
        switch (spec.type()) {
            case REAL: {
                double v = realValue(owner, spec, value, "");
                checkRange(owner, spec, v, "");
                return v;
            }
            case INTEGER: {
                int v = integerValue(owner, spec, value);
                checkRange(owner, spec, v, "");
                return v;
            }
            case FLAG:
                if (value instanceof Boolean) {
                    return value;
                }
                throw wrongType(owner, spec, value);
            case CHOICE: {
                if (!(value instanceof CharSequence)) {
                    throw wrongType(owner, spec, value);
                }
                String word = value.toString();
                if (!spec.choices().contains(word)) {
                    throw new InvalidParameterException(spec.name(), owner + ": parameter '"
                            + spec.name() + "' must be " + spec.rangeText() + ", got '" + word + "'");
                }
                return word;
            }
            case REAL_VECTOR:
                return vectorValue(owner, spec, value, "");
            case REAL_MATRIX:
                return matrixValue(owner, spec, value);
            default:
                throw new AssertionError(spec.type());
        }
    }

    private static double realValue(String owner, ParameterSpec spec, Object value, String at) {
        if (value instanceof Number) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v)) {
                throw new InvalidParameterException(spec.name(), owner + ": parameter '"
                        + spec.name() + "'" + at + " is NaN");
            }
            return v;
        }
        throw new InvalidParameterException(spec.name(), owner + ": parameter '" + spec.name()
                + "'" + at + " must be a real number, got " + describe(value));
    }

    private static int integerValue(String owner, ParameterSpec spec, Object value) {
        boolean integral = value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger
                || (value instanceof BigDecimal && ((BigDecimal) value).stripTrailingZeros().scale() <= 0)
                || ((value instanceof Double || value instanceof Float)
                        && ((Number) value).doubleValue() == Math.rint(((Number) value).doubleValue()));
        if (!integral) {
            throw wrongType(owner, spec, value);
        }
        double d = ((Number) value).doubleValue();
        if (Math.abs(d) > Integer.MAX_VALUE) {
            throw new InvalidParameterException(spec.name(), owner + ": parameter '" + spec.name()
                    + "' is too large: " + value);
        }
        return (int) d;
    }

    private static double[] vectorValue(String owner, ParameterSpec spec, Object value, String at) {
        double[] v;
        if (value instanceof double[]) {
            v = ((double[]) value).clone();
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            v = new double[list.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = realValue(owner, spec, list.get(i), at + "[" + i + "]");
            }
        } else {
            throw wrongType(owner, spec, value);
        }
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new InvalidParameterException(spec.name(), owner + ": parameter '"
                        + spec.name() + "'" + at + "[" + i + "] is NaN");
            }
            checkRange(owner, spec, v[i], at + "[" + i + "]");
        }
        return v;
    }

    private static double[][] matrixValue(String owner, ParameterSpec spec, Object value) {
        List<Object> rows = new ArrayList<>();
        if (value instanceof double[][]) {
            rows.addAll(List.of((Object[]) value));
        } else if (value instanceof List) {
            rows.addAll((List<?>) value);
        } else {
            throw wrongType(owner, spec, value);
        }
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vectorValue(owner, spec, rows.get(i), "[" + i + "]");
            if (m[i].length != m[0].length) {
                throw new InvalidParameterException(spec.name(), owner + ": parameter '"
                        + spec.name() + "' row " + i + " has " + m[i].length
                        + " entries, row 0 has " + m[0].length);
            }
        }
        return m;
    }

    private static void checkRange(String owner, ParameterSpec spec, double v, String at) {
        if (!spec.inRange(v)) {
            throw new InvalidParameterException(spec.name(), owner + ": parameter '" + spec.name()
                    + "'" + at + " must be " + spec.rangeText() + ", got " + v);
        }
    }

    private static InvalidParameterException wrongType(String owner, ParameterSpec spec,
            Object value) {
        return new InvalidParameterException(spec.name(), owner + ": parameter '" + spec.name()
                + "' must be a " + spec.type().label() + ", got " + describe(value));
    }

    private static String describe(Object value) {
        String type = value.getClass().getSimpleName();
        return value instanceof CharSequence ? "text '" + value + "'" : type + " " + value;
    }

    @Override
    public String toString() {
        return owner + values.keySet();
    }
}
