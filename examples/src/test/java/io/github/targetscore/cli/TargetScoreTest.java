package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.example.plugin.HarmonicChain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.NpyFloatArray;

/**
 * The command line run in-process: outputs against direct library calls, exit codes and the
 * one-line error messages.
 */
class TargetScoreTest {

    /** Three configurations of a 4-bead chain in 2-D (d = 8). */
    private static final double[] CHAINS = {
        0, 0, 1, 0, 2, 0.5, 3, 0,
        0.2, -0.1, 0.9, 0.7, 1.5, 1.4, 2.6, 1.1,
        -1, 0, 0, 0, 0, 1.2, 1, 1.3};

    /** The energy command for those chains, to be completed with files. */
    private static final String[] CHAIN = {"energy", "--energy", "harmonic-chain",
        "-p", "particles=4", "-p", "spatialDimension=2", "-p", "stiffness=2.5"};

    @TempDir
    Path dir;

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** Asserts exit code 2 and one line on standard error containing every fragment. */
    private static void assertBadInput(CliRun.Result result, String... fragments) {
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), "one line: " + result.err());
        assertTrue(result.err().startsWith("targetscore: "), result.err());
        for (String fragment : fragments) {
            assertTrue(result.err().contains(fragment), "'" + fragment + "' in " + result.err());
        }
    }

    private Path write(String name, NpyArray<?> array) {
        Path file = dir.resolve(name);
        Npy.write(file.toFile(), array);
        return file;
    }

    private static double[] readDoubles(Path file, int... shape) {
        NpyArray<?> array = Npy.read(file.toFile());
        assertTrue(array.isDoubleArray(), file + " is float64");
        assertArrayEquals(shape, array.shape(), file + " shape");
        return array.asDoubleArray().data();
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun.Result help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("list-energies") && help.out().contains("sample"));
        assertEquals(0, run("sample", "--help").exitCode());
        CliRun.Result version = run("energy", "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("targetscore "), version.out());
    }

    @Test
    void missingSubcommandOrOptionIsBadInput() {
        assertBadInput(run(), "subcommand");
        assertBadInput(run("energy", "--energy", "lj13"), "--input", "targetscore energy --help");
        assertBadInput(run("list-energies", "--frobnicate"), "--frobnicate");
    }

    @Test
    void listEnergiesShowsBuiltInsPresetsAndThePlugin() {
        CliRun.Result result = run("list-energies");
        assertEquals(0, result.exitCode(), result.err());
        for (String name : List.of("gaussian-mixture", "double-well", "many-well",
                "lennard-jones", "particle-double-well", "gmm40", "lj13", "dw4",
                "harmonic-chain", "restLength (real, default 1.0, >= 0)")) {
            assertTrue(result.out().contains(name), name);
        }
    }

    @Test
    void listEnergiesByNameShowsOnlyThatEnergy() {
        CliRun.Result preset = run("list-energies", "--name", "unit-gaussian");
        assertEquals(0, preset.exitCode(), preset.err());
        assertTrue(preset.out().startsWith("gaussian-mixture"), preset.out());
        assertTrue(preset.out().contains("unit-gaussian") && !preset.out().contains("gmm40"));
        assertBadInput(run("list-energies", "--name", "no-such"), "no-such", "lj13");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void energyMatchesDirectEvaluation(boolean float32) {
        NpyArray<?> array;
        double[] expectedInput = CHAINS.clone();
        if (float32) {
            float[] values = new float[CHAINS.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) CHAINS[i];
                expectedInput[i] = values[i];
            }
            array = NpyFloatArray.rowOrderOf(values, 3, 8);
        } else {
            array = NpyDoubleArray.rowOrderOf(CHAINS, 3, 8);
        }
        Path input = write("x.npy", array);
        Path output = dir.resolve("u.npy");
        Path gradients = dir.resolve("g.npy");
        CliRun.Result result = run(concat(CHAIN, "--input", input.toString(), "--output",
                output.toString(), "--gradient", gradients.toString(), "--threads", "2"));
        assertEquals(0, result.exitCode(), result.err());

        EnergyModel model = HarmonicChain.of(4, 2, 2.5, 1.0);
        double[] energies = readDoubles(output, 3);
        double[] grads = readDoubles(gradients, 3, 8);
        double[] x = new double[8];
        double[] g = new double[8];
        for (int row = 0; row < 3; row++) {
            System.arraycopy(expectedInput, row * 8, x, 0, 8);
            assertEquals(model.energyAndGradient(x, g), energies[row], 0.0, "row " + row);
            for (int i = 0; i < 8; i++) {
                assertEquals(g[i], grads[row * 8 + i], 0.0, "gradient row " + row);
            }
        }
    }

    @Test
    void parametersAreJsonLiterals() throws IOException {
        Path input = write("x.npy", NpyDoubleArray.vectorOf(new double[] {0.5, 2}));
        Path output = dir.resolve("u.npy");
        CliRun.Result result = run("energy", "--energy", "gaussian-mixture", "-p", "means=[[0,0],[1,3]]",
                "-p", "variance=0.5", "--input", input.toString(), "--output", output.toString());
        assertEquals(0, result.exitCode(), result.err());
        EnergyModel model = EnergyRegistry.load().create("gaussian-mixture",
                Map.of("means", new double[][] {{0, 0}, {1, 3}}, "variance", 0.5));
        assertArrayEquals(new double[] {model.energy(new double[] {0.5, 2})},
                readDoubles(output, 1), 0.0);
    }

    @Test
    void unknownEnergyListsTheKnownNames() {
        assertBadInput(run("energy", "--energy", "nope", "--input", "x.npy", "--output", "u.npy"),
                "unknown energy 'nope'", "harmonic-chain", "lj13", "gmm40");
    }

    @Test
    void invalidParametersAreNamed() {
        String input = write("x.npy", NpyDoubleArray.rowOrderOf(CHAINS, 3, 8)).toString();
        assertBadInput(run("energy", "--energy", "harmonic-chain", "-p", "stiffness=-1",
                "--input", input, "--output", "u.npy"), "stiffness", "> 0");
        assertBadInput(run("energy", "--energy", "harmonic-chain", "-p", "stifness=1",
                "--input", input, "--output", "u.npy"), "stifness", "stiffness");
        assertBadInput(run("energy", "--energy", "harmonic-chain", "-p", "particles=many",
                "--input", input, "--output", "u.npy"), "particles", "many");
    }

    @Test
    void dimensionMismatchNamesFileAndDimensions() {
        Path input = write("short.npy", NpyDoubleArray.rowOrderOf(new double[12], 2, 6));
        assertBadInput(run(concat(CHAIN, "--input", input.toString(), "--output",
                dir.resolve("u.npy").toString())), "short.npy", "(2, 6)", "d = 8");
    }

    @Test
    void nanCoordinateNamesRowAndColumn() {
        double[] values = CHAINS.clone();
        values[2 * 8 + 5] = Double.NaN;
        Path input = write("nan.npy", NpyDoubleArray.rowOrderOf(values, 3, 8));
        Path output = dir.resolve("u.npy");
        assertBadInput(run(concat(CHAIN, "--input", input.toString(), "--output",
                output.toString())), "nan.npy", "row 2", "coordinate 5 is NaN");
        assertFalse(Files.exists(output), "no output after bad input");
    }

    @Test
    void missingInputFileIsBadInput() {
        assertBadInput(run(concat(CHAIN, "--input", dir.resolve("absent.npy").toString(),
                "--output", "u.npy")), "absent.npy");
    }

    @Test
    void sampleWritesReproducibleFilesWhateverTheThreadCount() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Path again = dir.resolve("again");
        String[] args = {"sample", "--energy", "gmm40", "--samples", "3000", "--seed", "7"};
        CliRun.Result result = run(concat(args, "--out", one.toString(), "--threads", "1"));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("mean energy"), result.out());
        assertEquals(0, run(concat(args, "--out", two.toString(), "--threads", "3")).exitCode());
        assertEquals(0, run(concat(args, "--out", again.toString(), "--threads", "1")).exitCode());

        for (String file : List.of("samples.npy", "energies.npy")) {
            byte[] bytes = Files.readAllBytes(one.resolve(file));
            assertArrayEquals(bytes, Files.readAllBytes(again.resolve(file)), file + " same seed");
            assertArrayEquals(bytes, Files.readAllBytes(two.resolve(file)), file + " threads");
        }
        double[] samples = readDoubles(one.resolve("samples.npy"), 3000, 2);
        double[] energies = readDoubles(one.resolve("energies.npy"), 3000);
        EnergyModel gmm40 = EnergyRegistry.load().create("gmm40", Map.of());
        assertEquals(gmm40.energy(new double[] {samples[10], samples[11]}), energies[5], 0.0);

        JsonNode summary = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        assertEquals("gmm40", summary.get("energy").asText());
        assertEquals(7, summary.get("seed").asLong());
        assertEquals(3000, summary.get("samples").asInt());
        assertEquals(2, summary.get("dimension").asInt());
        assertEquals(2, summary.get("variance").size());
        assertEquals(40, summary.get("parameters").get("means").size());
        assertEquals(0.0, summary.get("logZ").asDouble(), 1e-12);
        assertTrue(summary.get("meanEnergyStandardError").asDouble() > 0);
        assertTrue(summary.hasNonNull("targetscoreVersion"));
        assertTrue(summary.hasNonNull("wallTimeSeconds"));
    }

    @Test
    void sampleMomentsOfTheUnitGaussian() throws IOException {
        int n = 4000;
        Path out = dir.resolve("unit");
        assertEquals(0, run("sample", "--energy", "unit-gaussian", "--samples",
                Integer.toString(n), "--seed", "1", "--out", out.toString()).exitCode());
        JsonNode summary = new ObjectMapper().readTree(new File(out.toFile(), "summary.json"));
        // fixed seed: deterministic; the bounds are 4 standard errors
        assertEquals(0.0, summary.get("mean").get(0).asDouble(), 4 / Math.sqrt(n));
        assertEquals(1.0, summary.get("variance").get(0).asDouble(), 4 * Math.sqrt(2.0 / n));
        // U = x²/2 + log √(2π): E[U] = 1/2 + log √(2π)
        assertEquals(0.5 + 0.5 * Math.log(2 * Math.PI), summary.get("meanEnergy").asDouble(),
                4 * summary.get("meanEnergyStandardError").asDouble());
    }

    @Test
    void sampleRejectsTargetsWithoutExactSampler() {
        assertBadInput(run("sample", "--energy", "harmonic-chain", "--samples", "10", "--out",
                dir.resolve("s").toString()), "harmonic-chain", "no exact sampler");
        assertBadInput(run("sample", "--energy", "gmm40", "--samples", "1", "--out",
                dir.toString()), "--samples");
    }
}
