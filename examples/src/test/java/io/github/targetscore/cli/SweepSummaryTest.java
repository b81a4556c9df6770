package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.targetscore.samplers.metrics.Metric;
import io.github.targetscore.samplers.metrics.MetricWithFloor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSummaryTest {

    @TempDir
    Path dir;

    /**
     * A row per run: varied values, status, counts, each metric with its floor and ratio (none
     * for a negative floor); a failed run has empty cells and its reason, quoted for CSV and
     * escaped for markdown.
     */
    @Test
    void tabulatesFinishedAndFailedRuns() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"base\": " + TinyRuns.dw4(2)
                + ", \"vary\": {\"estimator.identity\": [\"tsi\", \"dsi\"]}}");
        List<SweepRun> runs = Sweep.read(file).runs();
        List<MetricWithFloor> metrics = List.of(
                new MetricWithFloor(Metric.COORDINATE_W2, 0.5, 0.25, 0.4),
                new MetricWithFloor(Metric.ENERGY_W2, 0.3, 0.1, 0.1),
                new MetricWithFloor(Metric.MMD_SQUARED_UNBIASED, 0.02, -0.001, -0.001));
        IdemRun.Summary finished = new IdemRun.Summary("s-tsi", dir, 2, 1000, 0, 0, 1.5, metrics,
                metrics);
        SweepSummary summary = SweepSummary.of(List.of("estimator.identity"), List.of(
                SweepOutcome.finished(runs.get(0), finished),
                SweepOutcome.failed(runs.get(1), "bad, \"quoted\" | piped")));
        assertEquals("""
                name,estimator.identity,status,epochs,evaluations,seconds,x-W2,x-W2 floor,\
                x-W2 sym. floor,x-W2/floor,x-W2/sym. floor,E-W2,E-W2 floor,E-W2 sym. floor,\
                E-W2/floor,E-W2/sym. floor,MMD^2 (U-statistic),MMD^2 (U-statistic) floor,\
                MMD^2 (U-statistic) sym. floor,MMD^2 (U-statistic)/floor,\
                MMD^2 (U-statistic)/sym. floor,failure
                s-tsi,tsi,ok,2,1000,1.5,0.50000,0.25000,0.40000,2.00,1.25,0.30000,0.10000,\
                0.10000,3.00,3.00,0.020000,-0.0010000,-0.0010000,,,
                s-dsi,dsi,failed,,,,,,,,,,,,,,,,,,,"bad, ""quoted"" | piped"
                """, summary.csv());
        List<String> markdown = summary.markdown().lines().toList();
        assertEquals(4, markdown.size());
        assertEquals("|---".repeat(22) + "|", markdown.get(1));
        assertEquals("| s-dsi | dsi | failed " + "|  ".repeat(18)
                + "| bad, \"quoted\" \\| piped |", markdown.get(3));

        summary.write(dir);
        assertEquals(summary.csv(), Files.readString(dir.resolve("summary.csv")));
        assertEquals(summary.markdown(), Files.readString(dir.resolve("summary.md")));
    }
}
