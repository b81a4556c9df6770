package io.github.targetscore.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code floors} records in {@code floors.json}: the inputs and, per metric, how its
 * finite-sample floor spreads over the random splits of the reference. It holds no timing or
 * thread count, so that a run with the same inputs writes the same file.
 *
 * @param energy the energy family or preset name
 * @param parameters the complete parameters the model was created from
 * @param reference the reference NPY file, as given
 * @param referenceRows the reference's number of rows
 * @param size rows per subset of a split
 * @param splits the number of splits S
 * @param seed the master seed; split s uses the floor seed of stream s (see
 *     {@link FloorsCommand})
 * @param symmetrised whether the symmetrised floors were computed too
 * @param metrics per column of {@code floors.csv} ({@code x-W2}, ..., {@code symmetrised x-W2},
 *     ...): the spread
 *     of its floor over the S splits, in the metric's units; the standard error is that of the
 *     mean over splits of this reference (it leaves out how the reference itself was drawn)
 * @param targetscoreVersion the version of the tool that wrote the file
 */
record FloorsSummary(String energy, Map<String, Object> parameters, String reference,
        int referenceRows, int size, int splits, long seed, boolean symmetrised,
        Map<String, Spread> metrics, String targetscoreVersion) {

    /** Copies the metrics, keeping their order. */
    FloorsSummary {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
