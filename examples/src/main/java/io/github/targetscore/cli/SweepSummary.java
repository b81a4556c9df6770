package io.github.targetscore.cli;

import io.github.targetscore.samplers.metrics.MetricWithFloor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The summary table of a sweep, one row per run in the sweep's order: its name, its varied
 * values, {@code ok} or {@code failed}, epochs, estimator evaluations (gradient equivalents),
 * seconds of the epochs, and each final metric (x-W2, E-W2, MMD²) with its floor, its
 * symmetrised floor (what a sampler with the target's particle symmetries can reach, see
 * {@link MetricWithFloor}) and the ratios value / floor and value / symmetrised floor (1: as
 * good as the metric can tell at this sample size, MATH §9; empty where the floor is not
 * positive, as the U-statistic of MMD² can be), then why the run failed. Metrics
 * are empty for failed runs and runs without a reference.
 *
 * @param header the column names
 * @param rows the cells of each row, as text
 */
record SweepSummary(List<String> header, List<List<String>> rows) {

    /** Copies the lists. */
    SweepSummary {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** The table of the outcomes, with a column for each varied path. */
    static SweepSummary of(List<String> varied, List<SweepOutcome> outcomes) {
        Set<String> labels = new LinkedHashSet<>();
        for (SweepOutcome o : outcomes) {
            if (!o.hasFailed()) {
                for (MetricWithFloor m : o.summary().metrics()) {
                    labels.add(m.metric().label());
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("name"));
        header.addAll(varied);
        header.addAll(List.of("status", "epochs", "evaluations", "seconds"));
        for (String label : labels) {
            header.addAll(List.of(label, label + " floor", label + " sym. floor",
                    label + "/floor", label + "/sym. floor"));
        }
        header.add("failure");
        List<List<String>> rows = new ArrayList<>();
        for (SweepOutcome o : outcomes) {
            List<String> row = new ArrayList<>(List.of(o.run().name()));
            for (String path : varied) {
                row.add(o.run().value(path));
            }
            if (o.hasFailed()) {
                row.add("failed");
                while (row.size() < header.size() - 1) {
                    row.add("");
                }
                row.add(o.failure());
            } else {
                IdemRun.Summary s = o.summary();
                row.addAll(List.of("ok", Integer.toString(s.epochs()),
                        Long.toString(s.evaluations()), format("%.1f", s.seconds())));
                for (String label : labels) {
                    row.addAll(metric(s, label));
                }
                row.add("");
            }
            rows.add(row);
        }
        return new SweepSummary(header, rows);
    }

    /** Value, floors and ratios of the labelled metric, or empty cells without it. */
    private static List<String> metric(IdemRun.Summary summary, String label) {
        for (MetricWithFloor m : summary.metrics()) {
            if (m.metric().label().equals(label)) {
                return List.of(format("%.5g", m.value()), format("%.5g", m.floor()),
                        format("%.5g", m.symmetrisedFloor()), ratio(m.value(), m.floor()),
                        ratio(m.value(), m.symmetrisedFloor()));
            }
        }
        return List.of("", "", "", "", "");
    }

    private static String ratio(double value, double floor) {
        return floor > 0 ? format("%.3g", value / floor) : "";
    }

    private static String format(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    /** The table as CSV (RFC 4180: a cell with a comma, quote or line break is quoted). */
    String csv() {
        StringBuilder s = new StringBuilder();
        csvLine(s, header);
        for (List<String> row : rows) {
            csvLine(s, row);
        }
        return s.toString();
    }

    private static void csvLine(StringBuilder s, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean quoted = cell.matches("(?s).*[,\"\r\n].*");
            s.append(i == 0 ? "" : ",")
                    .append(quoted ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        s.append('\n');
    }

    /** The table as a markdown table ({@code |} in cells escaped, line breaks as spaces). */
    String markdown() {
        StringBuilder s = new StringBuilder();
        markdownLine(s, header);
        s.append("|---".repeat(header.size())).append("|\n");
        for (List<String> row : rows) {
            markdownLine(s, row);
        }
        return s.toString();
    }

    private static void markdownLine(StringBuilder s, List<String> cells) {
        for (String cell : cells) {
            s.append("| ").append(cell.replace("|", "\\|").replaceAll("[\r\n]+", " "))
                    .append(' ');
        }
        s.append("|\n");
    }

    /** Writes {@code summary.csv} and {@code summary.md} into {@code directory}, atomically. */
    void write(Path directory) throws IOException {
        AtomicFiles.write(directory.resolve("summary.csv"),
                out -> out.write(csv().getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(directory.resolve("summary.md"),
                out -> out.write(markdown().getBytes(StandardCharsets.UTF_8)));
    }
}
