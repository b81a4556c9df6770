package io.github.targetscore.cli;

/** Range checks of config fields, failing with the field's JSON path. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /** Fails with the field's path unless value ≥ minimum. */
    static void atLeast(String path, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(path + ": must be >= " + minimum + ", got " + value);
        }
    }
}
