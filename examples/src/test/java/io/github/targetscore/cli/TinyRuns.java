package io.github.targetscore.cli;

import java.nio.file.Path;

/** Run configs small enough for tests of {@code run} and {@code sweep}. */
final class TinyRuns {

    /** A small DW-4 run: an MLP, SNIS-TSI with K = 64, short epochs, metrics every 2 epochs. */
    private static final String DW4 = """
            {"target": {"energy": "dw4"},
             "schedule": {"type": "geometric", "sigmaMin": 0.001, "sigmaMax": 3},
             "network": {"width": 32, "depth": 2, "embedding": 16},
             "estimator": {"samples": 64},
             "loop": {"epochs": EPOCHS, "samplesPerEpoch": 100, "innerSteps": 10, "batchSize": 64,
                      "bufferCapacity": 300},
             "diffusion": {"steps": 40},
             "evaluation": {"samples": 100, "reference": "REFERENCE", "every": 2},
             "seed": 3}
            """;

    private TinyRuns() {
    }

    /** The small DW-4 run of {@code epochs} epochs, scored against DW-4's validation split. */
    static String dw4(int epochs) {
        Path reference = Path.of("..", "..", "shared", "reference-data", "val_split_DW4.npy")
                .toAbsolutePath().normalize();
        return DW4.replace("EPOCHS", Integer.toString(epochs))
                .replace("REFERENCE", reference.toString());
    }
}
