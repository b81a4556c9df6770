package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.ExactSampling;
import io.github.targetscore.samplers.metrics.Metric;
import io.github.targetscore.samplers.metrics.SampleDistances;
import io.github.targetscore.samplers.metrics.SampleMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code floors}: the files and their agreement with {@link SampleMetrics#floor} split by split,
 * the summary against the CSV rows, reproducibility and thread-count independence, bad
 * arguments, and that the E-W2² floor of exact Gaussian samples has the mean of E-W2² between
 * independent exact sample sets.
 */
class FloorsCommandTest {

    @TempDir
    Path dir;

    private CliRun.Result floors(Path reference, String name, String... args) {
        List<String> all = new ArrayList<>(List.of("floors", "--energy", "dw4",
                "--reference", reference.toString(), "--out", dir.resolve(name).toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** The CSV's cells, header first. */
    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split(",", -1)).toList();
    }

    @Test
    void rowsAreTheLibrarysFloorsAndTheSummaryTheirSpread() throws Exception {
        int splits = 6;
        int size = 100;
        CliRun.Result result = floors(SharedData.dw4Reference(), "dw4", "--size", "" + size,
                "--splits", "" + splits, "--seed", "3", "--symmetrised");
        assertEquals(0, result.exitCode(), result.err());
        Path out = dir.resolve("dw4");
        List<String[]> rows = csv(out.resolve("floors.csv"));
        Metric[] metrics = Metric.values();
        List<Metric> symmetrisedMetrics = Arrays.stream(metrics)
                .filter(m -> !m.comparesEnergies()).toList();
        String[] header = rows.get(0);
        assertEquals(2 + metrics.length + symmetrisedMetrics.size(), header.length,
                String.join(",", header));
        assertEquals(List.of("split", "seed"), List.of(header).subList(0, 2));
        for (int m = 0; m < metrics.length; m++) {
            assertEquals(metrics[m].label(), header[2 + m]);
        }
        for (int m = 0; m < symmetrisedMetrics.size(); m++) {
            assertEquals("symmetrised " + symmetrisedMetrics.get(m).label(),
                    header[2 + metrics.length + m]);
        }
        assertEquals(1 + splits, rows.size());

        EnergyModel dw4 = EnergyRegistry.load().create("dw4", Map.of());
        double[] reference = ReferenceSamples.load(SharedData.dw4Reference(), dw4, "dw4", 0,
                "test");
        SampleMetrics library = SampleMetrics.of(dw4);
        RandomStreams streams = RandomStreams.of(3);
        for (int s = 0; s < splits; s++) {
            String[] row = rows.get(1 + s);
            assertEquals(s, Integer.parseInt(row[0]));
            long floorSeed = Long.parseLong(row[1]);
            assertEquals(streams.stream(s).nextLong(), floorSeed, "floor seed of split " + s);
            SampleDistances floor = library.floor(reference, size, floorSeed);
            SampleDistances symmetrised = library.symmetrisedFloor(reference, size, floorSeed);
            for (int m = 0; m < metrics.length; m++) {
                assertEquals(floor.value(metrics[m]), Double.parseDouble(row[2 + m]), 0,
                        "split " + s + ", " + header[2 + m]);
            }
            for (int m = 0; m < symmetrisedMetrics.size(); m++) {
                int c = 2 + metrics.length + m;
                assertEquals(symmetrised.value(symmetrisedMetrics.get(m)),
                        Double.parseDouble(row[c]), 0, "split " + s + ", " + header[c]);
            }
            // DW-4 is invariant: the symmetrised x-W2 compares other configurations
            assertNotEquals(row[2], row[2 + metrics.length], "symmetrised x-W2 of split " + s);
        }

        JsonNode json = new ObjectMapper().readTree(out.resolve("floors.json").toFile());
        assertEquals("dw4", json.get("energy").asText());
        assertEquals(SharedData.dw4Reference().toString(), json.get("reference").asText());
        assertEquals(10000, json.get("referenceRows").asInt());
        assertEquals(size, json.get("size").asInt());
        assertEquals(splits, json.get("splits").asInt());
        assertEquals(3, json.get("seed").asLong());
        assertTrue(json.get("symmetrised").asBoolean());
        assertTrue(json.hasNonNull("targetscoreVersion"), json.toString());
        assertEquals(header.length - 2, json.get("metrics").size());
        for (int c = 2; c < header.length; c++) {
            double[] values = new double[splits];
            for (int s = 0; s < splits; s++) {
                values[s] = Double.parseDouble(rows.get(1 + s)[c]);
            }
            JsonNode spread = json.get("metrics").get(header[c]);
            double mean = Arrays.stream(values).sum() / splits;
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            double sd = Math.sqrt(squares / (splits - 1));
            double tolerance = 1e-12 * Arrays.stream(values).map(Math::abs).max().orElseThrow();
            assertEquals(splits, spread.get("count").asInt());
            assertEquals(mean, spread.get("mean").asDouble(), tolerance, header[c]);
            assertEquals(sd, spread.get("standardDeviation").asDouble(), tolerance, header[c]);
            assertEquals(sd / Math.sqrt(splits), spread.get("standardError").asDouble(),
                    tolerance, header[c]);
            double[] x = values.clone();
            Arrays.sort(x);
            // six values, h = 5p: 5 % at h = 0.25, 50 % at 2.5, 95 % at 4.75
            assertEquals(x[0], spread.get("min").asDouble(), 0, header[c]);
            assertEquals(x[0] + 0.25 * (x[1] - x[0]), spread.get("quantile05").asDouble(),
                    tolerance, header[c]);
            assertEquals(0.5 * (x[2] + x[3]), spread.get("median").asDouble(), tolerance,
                    header[c]);
            assertEquals(x[4] + 0.75 * (x[5] - x[4]), spread.get("quantile95").asDouble(),
                    tolerance, header[c]);
            assertEquals(x[5], spread.get("max").asDouble(), 0, header[c]);
            assertTrue(result.out().contains("| " + header[c] + " | "), result.out());
        }
        assertTrue(spreadField(json, "x-W2", "min") > 0, json.toString());
    }

    private static double spreadField(JsonNode json, String metric, String field) {
        return json.get("metrics").get(metric).get(field).asDouble();
    }

    @Test
    void sameSeedSameFilesForAnyThreadsOtherSeedOtherFiles() throws Exception {
        String[][] runs = {{"a", "5", "1"}, {"again", "5", "1"}, {"threads", "5", "2"},
            {"other", "6", "2"}};
        for (String[] r : runs) {
            CliRun.Result result = floors(SharedData.dw4Reference(), r[0], "--size", "50",
                    "--splits", "5", "--seed", r[1], "--threads", r[2]);
            assertEquals(0, result.exitCode(), result.err());
        }
        for (String file : new String[] {"floors.csv", "floors.json"}) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(file));
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("again").resolve(file)), file);
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("threads").resolve(file)), file);
            assertFalse(Arrays.equals(a, Files.readAllBytes(dir.resolve("other").resolve(file))),
                    file + " of another seed");
        }
        // without --symmetrised: split, seed and one column per metric
        assertEquals(2 + Metric.values().length,
                csv(dir.resolve("a").resolve("floors.csv")).get(0).length);
    }

    /**
     * For exact samples of a 2-D standard Gaussian, a split of a reference of exact rows is a
     * pair of independent exact sets of n, so the mean floor of every metric is the mean of that
     * metric between fresh exact sets of n (drawn here, compared by
     * {@link SampleMetrics#between}), within 5 standard errors. The floors of one reference share
     * its rows, so their scatter understates the error of their mean: the command runs on
     * independent references (of 2n rows per split, so that splits overlap little) and the
     * standard error comes from the scatter of the per-reference means. x-W2 varies least from
     * pair to pair: fresh sets of 3n/4 rows instead of n move its mean by about 14 standard errors
     * (E-W2 and E-W2² by 4 to 5).
     */
    @Test
    void meanFloorsAreThoseOfIndependentExactSets() throws Exception {
        int n = 50;
        int references = 30;
        int splitsPerReference = 20;
        int rows = 2 * n * splitsPerReference;
        int freshPairs = 1000;
        Metric[] checked = {Metric.ENERGY_W2_SQUARED, Metric.ENERGY_W2, Metric.COORDINATE_W2,
            Metric.MMD_SQUARED_UNBIASED};
        EnergyModel model = EnergyRegistry.load().create("gaussian-mixture",
                Map.of("means", new double[][] {{0, 0}}));
        ExactSampling exact = ExactSampling.of(model);
        SampleMetrics metrics = SampleMetrics.of(model);
        ForkJoinPool pool = new ForkJoinPool(1);
        double[][] referenceMeans = new double[checked.length][references];
        double[][] fresh = new double[checked.length][freshPairs];
        try {
            Path file = dir.resolve("reference.npy");
            for (int r = 0; r < references; r++) {
                NpyArrays.write(file, exact.draw(rows, RandomStreams.of(11).family(r), pool),
                        rows, 2);
                CliRun.Result result = run("floors", "--energy", "gaussian-mixture", "-p",
                        "means=[[0,0]]", "--reference", file.toString(), "--size", "" + n,
                        "--splits", "" + splitsPerReference, "--seed", "" + r, "--out",
                        dir.resolve("gaussian").toString());
                assertEquals(0, result.exitCode(), result.err());
                JsonNode json = new ObjectMapper().readTree(
                        dir.resolve("gaussian").resolve("floors.json").toFile());
                for (int m = 0; m < checked.length; m++) {
                    referenceMeans[m][r] = spreadField(json, checked[m].label(), "mean");
                }
            }
            for (int p = 0; p < freshPairs; p++) {
                double[] a = exact.draw(n, RandomStreams.of(12).family(2L * p), pool);
                double[] b = exact.draw(n, RandomStreams.of(12).family(2L * p + 1), pool);
                SampleDistances between = metrics.between(b, a);
                for (int m = 0; m < checked.length; m++) {
                    fresh[m][p] = between.value(checked[m]);
                }
            }
        } finally {
            pool.shutdown();
        }
        for (int m = 0; m < checked.length; m++) {
            Spread floors = Spread.of(referenceMeans[m], "mean floors");
            Spread independent = Spread.of(fresh[m], "fresh pairs");
            double se = Math.hypot(floors.standardError(), independent.standardError());
            assertEquals(independent.mean(), floors.mean(), 5 * se, checked[m].label()
                    + ": floors " + floors + " against fresh pairs " + independent);
        }
    }

    @Test
    void badArgumentsExitWithAReason() throws Exception {
        Path small = dir.resolve("small.npy");
        NpyArrays.write(small, new double[100 * 8], 100, 8);
        Path narrow = dir.resolve("narrow.npy");
        NpyArrays.write(narrow, new double[100 * 3], 100, 3);
        double[] values = new double[100 * 8];
        values[7 * 8 + 5] = Double.NaN;
        Path nan = dir.resolve("nan.npy");
        NpyArrays.write(nan, values, 100, 8);
        String[][] cases = {
            {small.toString(), "--size=1", "--splits=3", "--size must be >= 2 rows per subset, "
                + "got 1"},
            {small.toString(), "--size=51", "--splits=3", "--reference (two disjoint subsets "
                + "of --size 51): " + small + " has 100 rows, need at least 102"},
            {small.toString(), "--size=10", "--splits=0", "--splits must be >= 1, got 0"},
            {narrow.toString(), "--size=10", "--splits=3", narrow + ": array of shape (100, 3):"
                + " points of 3 values, but energy 'dw4' expects d = 8"},
            {nan.toString(), "--size=10", "--splits=3", nan + ": row 7: coordinate 5 is NaN"},
            {small.toString(), "--size=10", "--splits=3", "--threads=0",
                "--threads must be >= 1, got 0"},
        };
        for (String[] c : cases) {
            String[] args = Arrays.copyOfRange(c, 1, c.length - 1);
            CliRun.Result r = floors(Path.of(c[0]), "bad", args);
            String expected = c[c.length - 1];
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(expected), String.join(" ", args) + ": " + r.err());
        }
        CliRun.Result unknown = run("floors", "--energy", "nope", "--reference",
                small.toString(), "--size", "10", "--splits", "3", "--out",
                dir.resolve("bad").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown energy 'nope'"), unknown.err());
        assertTrue(Files.notExists(dir.resolve("bad")), "no output after bad arguments");
    }
}
