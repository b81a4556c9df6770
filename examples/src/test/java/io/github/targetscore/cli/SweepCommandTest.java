package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of two small DW-4 runs of one epoch each. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private Path sweep(String name, String vary) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"base\": " + TinyRuns.dw4(1) + ", \"vary\": {" + vary + "}}");
        return file;
    }

    private static CliRun.Result sweep(Path file, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("sweep", "--config", file.toString(),
                "--out", out.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    /**
     * Two runs at once, each on one worker, give the same samples as one after another on two
     * workers; every printed line is whole; each run drives its network on --network-threads
     * (default 1) OpenMP threads; the summary holds each run's values, counts and final metrics
     * as in its metrics.json, and is printed as a markdown table.
     */
    @Test
    void parallelRunsMatchSequentialOnesAndAreSummarised() throws Exception {
        Path file = sweep("pair", "\"estimator.identity\": [\"tsi\", \"dsi\"]");
        Path sequential = dir.resolve("sequential");
        Path parallel = dir.resolve("parallel");
        CliRun.Result one = sweep(file, sequential, "--parallel", "1", "--threads", "2");
        assertEquals(0, one.exitCode(), one.err());
        CliRun.Result two = sweep(file, parallel, "--parallel", "2", "--threads", "2");
        assertEquals(0, two.exitCode(), two.err());
        for (String name : List.of("pair-tsi", "pair-dsi")) {
            assertArrayEquals(NpyArrays.read(sequential.resolve(name).resolve("samples.npy"))
                    .values(), NpyArrays.read(parallel.resolve(name).resolve("samples.npy"))
                    .values(), name);
        }
        for (String line : two.out().lines().toList()) {
            assertTrue(line.matches("(sweep |run pair-(tsi|dsi): |\\| |\\|---).*"), line);
        }
        assertTrue(two.out().contains(Files.readString(parallel.resolve("summary.md"))));

        List<String> csv = Files.readAllLines(parallel.resolve("summary.csv"));
        assertEquals(3, csv.size());
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(List.of("name", "estimator.identity", "status", "epochs", "evaluations",
                "seconds"), header.subList(0, 6));
        for (int row = 1; row <= 2; row++) {
            List<String> cells = List.of(csv.get(row).split(",", -1));
            String identity = row == 1 ? "tsi" : "dsi";
            assertEquals(List.of("pair-" + identity, identity, "ok", "1"), cells.subList(0, 4));
            JsonNode metrics = new ObjectMapper().readTree(parallel.resolve("pair-" + identity)
                    .resolve("metrics.json").toFile());
            assertEquals(metrics.get("estimatorEvaluations").asText(), cells.get(4));
            assertEquals(1, metrics.get("network").get("ompThreads").asInt(), "--network-threads");
            for (String label : List.of("x-W2", "E-W2")) {
                JsonNode m = metrics.get("finalMetrics").get(label);
                double value = Double.parseDouble(cells.get(header.indexOf(label)));
                double floor = Double.parseDouble(cells.get(header.indexOf(label + " floor")));
                double ratio = Double.parseDouble(cells.get(header.indexOf(label + "/floor")));
                assertEquals(m.get("value").asDouble(), value, 1e-4 * value, label);
                assertEquals(m.get("floor").asDouble(), floor, 1e-4 * floor, label);
                assertEquals(value / floor, ratio, 1e-2 * ratio, label);
            }
            assertEquals("", cells.get(cells.size() - 1));
        }
    }

    /**
     * A sweep over earlier runs needs --resume; with it, a finished run is skipped (its files
     * untouched, its row read back) and an unfinished one completes from its checkpoint.
     */
    @Test
    void resumeSkipsFinishedRunsAndCompletesTheOthers() throws Exception {
        Path file = sweep("seeds", "\"seed\": [1, 2]");
        Path out = dir.resolve("out");
        assertEquals(0, sweep(file, out, "--threads", "2").exitCode());
        byte[] summary = Files.readAllBytes(out.resolve("summary.csv"));
        Path finished = out.resolve("seeds-1").resolve("samples.npy");
        FileTime written = Files.getLastModifiedTime(finished);
        Path second = out.resolve("seeds-2");
        byte[] samples = Files.readAllBytes(second.resolve("samples.npy"));

        CliRun.Result again = sweep(file, out, "--threads", "2");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("seeds-2 holds a checkpoint")
                || again.err().contains("seeds-1 holds a checkpoint"), again.err());
        assertTrue(again.err().contains("--resume"), again.err());

        Files.delete(second.resolve("metrics.json"));
        Files.delete(second.resolve("samples.npy"));
        CliRun.Result resumed = sweep(file, out, "--threads", "2", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("run seeds-1: finished earlier"), resumed.out());
        assertFalse(resumed.out().contains("run seeds-2: finished earlier"), resumed.out());
        assertEquals(written, Files.getLastModifiedTime(finished));
        assertArrayEquals(samples, Files.readAllBytes(second.resolve("samples.npy")));
        assertArrayEquals(summary, Files.readAllBytes(out.resolve("summary.csv")));
    }

    /** A run that fails is recorded with its reason; the other finishes; the exit code is 1. */
    @Test
    void aFailingRunIsRecordedWhileTheOthersFinish() throws Exception {
        Path file = sweep("mixed", "\"estimator.identity\": [\"kappa-bar\", \"tsi\"]");
        Path out = dir.resolve("out");
        CliRun.Result result = sweep(file, out, "--threads", "2");
        assertEquals(1, result.exitCode(), result.err());
        String reason = "estimator.modeVariance: required by identity kappa-bar";
        assertTrue(result.out().contains("run mixed-kappa-bar: failed: " + reason), result.out());
        assertTrue(result.out().contains("1 of 2 runs finished, 1 failed"), result.out());
        assertTrue(Files.exists(out.resolve("mixed-tsi").resolve("samples.npy")));
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(csv.get(1).startsWith("mixed-kappa-bar,kappa-bar,failed,,")
                && csv.get(1).endsWith("," + reason), csv.get(1));
        assertTrue(csv.get(2).startsWith("mixed-tsi,tsi,ok,1,") && csv.get(2).endsWith(","),
                csv.get(2));
    }

    /** A bad sweep entry or option fails before any run starts, naming the run and field. */
    @Test
    void badInputFailsBeforeAnyRun() throws Exception {
        Path out = dir.resolve("out");
        CliRun.Result bad = sweep(sweep("bad", "\"loop.epochs\": [2, 0]"), out);
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("run 2 of 2 (loop.epochs=0)")
                && bad.err().contains("loop.epochs: must be >= 1"), bad.err());
        CliRun.Result zero = sweep(sweep("good", "\"seed\": [1]"), out, "--parallel", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--parallel must be >= 1"), zero.err());
        assertFalse(Files.exists(out));
    }
}
