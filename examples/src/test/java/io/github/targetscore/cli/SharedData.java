package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** The shared reference data ({@code ../shared}), whose place Maven passes to the tests. */
final class SharedData {

    private SharedData() {
    }

    /** {@code reference-data/val_split_DW4.npy}: 10,000 DW-4 configurations. */
    static Path dw4Reference() {
        String shared = System.getProperty("targetscore.shared");
        assertTrue(shared != null, "run through Maven: targetscore.shared is not set");
        return Path.of(shared, "reference-data", "val_split_DW4.npy");
    }
}
