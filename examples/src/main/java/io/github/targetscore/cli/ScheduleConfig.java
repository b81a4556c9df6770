package io.github.targetscore.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.targetscore.core.noise.NoiseSchedule;

/**
 * The {@code schedule} section of a JSON config ({@code train}, {@code run}).
 *
 * @param type {@code cosine} (VP, default) or {@code geometric} (VE)
 * @param sigmaMin VE σ_min
 * @param sigmaMax VE σ_max
 * @param minTime smallest training time (default 1e−3)
 * @param maxTime largest training time (default 0.999 for VP, 1 for VE)
 */
record ScheduleConfig(String type, Double sigmaMin, Double sigmaMax,
        @JsonProperty("minTime") Double minTime, @JsonProperty("maxTime") Double maxTime) {
    ScheduleConfig {
        type = type != null ? type : "cosine";
        minTime = minTime != null ? minTime : 1e-3;
        maxTime = maxTime != null ? maxTime : type.equals("cosine") ? 0.999 : 1.0;
    }

    /** The schedule this entry names. */
    NoiseSchedule create() {
        switch (type) {
            case "cosine":
                return NoiseSchedule.cosine();
            case "geometric":
                if (sigmaMin == null || sigmaMax == null) {
                    throw new IllegalArgumentException(
                            "schedule: geometric needs sigmaMin and sigmaMax");
                }
                return NoiseSchedule.geometric(sigmaMin, sigmaMax);
            default:
                throw new IllegalArgumentException("schedule.type: unknown '" + type
                        + "'; known: cosine, geometric");
        }
    }
}
