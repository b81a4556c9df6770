package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expansion of sweep configs into runs: order, names, overrides and the errors of each. */
class SweepTest {

    @TempDir
    Path dir;

    /** Writes a sweep file whose base is the small DW-4 run; {@code rest} follows the base. */
    private Path sweep(String fileName, String rest) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, "{\"base\": " + TinyRuns.dw4(2) + rest + "}");
        return file;
    }

    private static String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> Sweep.read(file)).getMessage();
    }

    /** The first key of vary is the slowest; names are the file's stem and the values. */
    @Test
    void expandsTheProductFirstKeySlowest() throws Exception {
        Sweep sweep = Sweep.read(sweep("grid.json",
                ", \"vary\": {\"estimator.identity\": [\"tsi\", \"dsi\", \"kappa-bar\"],"
                        + " \"seed\": [1, 2]}"));
        assertEquals(List.of("estimator.identity", "seed"), sweep.varied());
        List<String> names = new ArrayList<>();
        for (SweepRun run : sweep.runs()) {
            names.add(run.name());
            assertEquals(run.name(), run.config().name());
            assertEquals(run.value("estimator.identity"), run.config().estimator().identity());
            assertEquals(run.value("seed"), run.config().seed().toString());
        }
        assertEquals(List.of("grid-tsi-1", "grid-tsi-2", "grid-dsi-1", "grid-dsi-2",
                "grid-kappa-bar-1", "grid-kappa-bar-2"), names);
    }

    /**
     * A base's name replaces the file's stem, values that are not strings are written as JSON
     * and made safe for file names; given names and a varied name replace the generated ones.
     */
    @Test
    void namesRuns() throws Exception {
        Path named = dir.resolve("named.json");
        Files.writeString(named, "{\"base\": " + TinyRuns.dw4(2).replaceFirst("\\{",
                "{\"name\": \"dw4 small\", ") + ", \"vary\": {\"target\": [{\"energy\": \"dw4\"}],"
                + " \"optimiser.learningRate\": [0.01]}}");
        assertEquals("dw4_small-_energy_dw4_-0.01", Sweep.read(named).runs().get(0).name());

        Sweep given = Sweep.read(sweep("given.json",
                ", \"vary\": {\"seed\": [1, 2]}, \"names\": [\"first\", \"second/run\"]"));
        assertEquals("first", given.runs().get(0).name());
        assertEquals("second_run", given.runs().get(1).config().name());

        Sweep varied = Sweep.read(sweep("varied.json",
                ", \"vary\": {\"name\": [\"a\", \"b\"], \"seed\": [7]}"));
        assertEquals("b", varied.runs().get(1).name());
        assertEquals(7L, varied.runs().get(1).config().seed());

        Sweep single = Sweep.read(sweep("single.json", ""));
        assertEquals(1, single.runs().size());
        assertEquals("single", single.runs().get(0).name());
    }

    /**
     * Overrides go into nested objects, keeping the base's other fields there, and create a
     * missing intermediate object, whose other fields take their defaults.
     */
    @Test
    void overridesNestedPathsCreatingMissingObjects() throws Exception {
        RunConfig config = Sweep.read(sweep("nested.json", ", \"vary\": {\"loop.epochs\": [5],"
                + " \"optimiser.learningRate\": [0.01], \"target.parameters.tau\": [2]}"))
                .runs().get(0).config();
        assertEquals(5, config.loop().epochs());
        assertEquals(100, config.loop().samplesPerEpoch());
        assertEquals(0.01, config.optimiser().learningRate());
        assertEquals(0.5, config.optimiser().gradientClip());
        assertEquals(2, ((Number) config.target().parameters().get("tau")).intValue());
        assertEquals("dw4", config.target().energy());
    }

    /** A base given as a path is read relative to the sweep file. */
    @Test
    void readsTheBaseRelativeToTheSweepFile() throws Exception {
        Files.writeString(dir.resolve("base.json"), TinyRuns.dw4(4));
        Files.createDirectories(dir.resolve("sweeps"));
        Path file = dir.resolve("sweeps").resolve("seeds.json");
        Files.writeString(file, "{\"base\": \"../base.json\", \"vary\": {\"seed\": [9]}}");
        RunConfig config = Sweep.read(file).runs().get(0).config();
        assertEquals(4, config.loop().epochs());
        assertEquals(9L, config.seed());
        assertEquals("seeds-9", config.name());
    }

    /** Errors name the sweep file, the run with its values, and the JSON path of the field. */
    @Test
    void errorsNameTheRunAndTheField() throws Exception {
        String value = error(sweep("value.json", ", \"vary\": {\"loop.epochs\": [2, 0]}"));
        assertTrue(value.contains("value.json, run 2 of 2 (loop.epochs=0)")
                && value.contains("$.loop") && value.contains("loop.epochs: must be >= 1"), value);
        String field = error(sweep("field.json", ", \"vary\": {\"estimator.identiy\": [\"dsi\"]}"));
        assertTrue(field.contains("field.json, run 1 of 1 (estimator.identiy=dsi)")
                && field.contains("$.estimator.identiy"), field);
        String scalar = error(sweep("scalar.json", ", \"vary\": {\"seed.value\": [1]}"));
        assertTrue(scalar.contains("run 1 of 1") && scalar.contains("vary.seed.value: $.seed is "
                + "3, not an object"), scalar);
        String type = error(sweep("type.json", ", \"vary\": {\"loop.epochs\": [\"many\"]}"));
        assertTrue(type.contains("run 1 of 1 (loop.epochs=many)")
                && type.contains("$.loop.epochs"), type);
    }

    /** Problems of the sweep file itself name their path in it. */
    @Test
    void errorsNameTheSweepField() throws Exception {
        assertTrue(error(sweep("unknown.json", ", \"vray\": {}")).contains("$.vray"));
        assertTrue(error(sweep("empty.json", ", \"vary\": {\"seed\": []}"))
                .contains("vary.seed: needs a list of at least one value"));
        assertTrue(error(sweep("path.json", ", \"vary\": {\"loop..epochs\": [1]}"))
                .contains("'loop..epochs' is not a dotted path"));
        assertTrue(error(sweep("count.json", ", \"vary\": {\"seed\": [1, 2]}, \"names\": [\"a\"]"))
                .contains("names: 1 names for 2 runs"));
        assertTrue(error(sweep("same.json", ", \"vary\": {\"seed\": [1, 1]}"))
                .contains("runs 1 and 2 are both named 'same-1'"));
        Path noBase = dir.resolve("nobase.json");
        Files.writeString(noBase, "{\"vary\": {\"seed\": [1]}}");
        assertTrue(error(noBase).contains("base: required"));
    }

    /** The example sweep of the repository expands: three identities on DW-4. */
    @Test
    void theExampleSweepExpands() throws Exception {
        Sweep sweep = Sweep.read(Path.of("configs", "sweep-dw4.json"));
        assertEquals(3, sweep.runs().size());
        assertEquals("dw4-tsi", sweep.runs().get(0).name());
        assertEquals("dw4-kappa-bar", sweep.runs().get(2).name());
    }
}
