package io.github.targetscore.core;

/**
 * Thrown when the gradient of an energy is asked for at a configuration where the energy is
 * infinite (for example two coincident Lennard-Jones particles without softening).
 */
public final class SingularConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is singular and where */
    public SingularConfigurationException(String message) {
        super(message);
    }
}
