package io.github.targetscore.core.parameters;

/**
 * A parameter of an energy model is missing, unknown, of the wrong type or out of range. The
 * message names the model and the parameter.
 */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter's name
     * @param message the full message
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending parameter. */
    public String parameter() {
        return parameter;
    }
}
