package io.github.targetscore.core;

import java.util.Collection;

/** No energy model or preset of the given name is registered; the message lists the known names. */
public final class UnknownEnergyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param name the unknown name
     * @param known the registered names
     */
    public UnknownEnergyException(String name, Collection<String> known) {
        super("unknown energy '" + name + "'; known energies: " + String.join(", ", known));
    }
}
