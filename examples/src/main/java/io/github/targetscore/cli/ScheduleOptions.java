package io.github.targetscore.cli;

import io.github.targetscore.core.noise.NoiseSchedule;
import picocli.CommandLine.Option;

/** The {@code --schedule}, {@code --sigma-min} and {@code --sigma-max} options. */
final class ScheduleOptions {

    @Option(names = "--schedule", defaultValue = "vp", paramLabel = "vp|ve",
            description = "noise schedule: vp (cosine, α = cos(πt/2)) or ve (iDEM's geometric,"
                    + " α = 1); default ${DEFAULT-VALUE}")
    private String name;

    @Option(names = "--sigma-min", defaultValue = "0.01", description = "VE σ_min (default ${DEFAULT-VALUE})")
    private double sigmaMin;

    @Option(names = "--sigma-max", defaultValue = "3", description = "VE σ_max (default ${DEFAULT-VALUE})")
    private double sigmaMax;

    /** The schedule chosen. */
    NoiseSchedule schedule() {
        switch (name) {
            case "vp": return NoiseSchedule.cosine();
            case "ve": return NoiseSchedule.geometric(sigmaMin, sigmaMax);
            default:
                throw new IllegalArgumentException("unknown --schedule '" + name + "'; use vp or ve");
        }
    }
}
