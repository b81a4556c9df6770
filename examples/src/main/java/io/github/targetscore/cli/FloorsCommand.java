package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.metrics.Metric;
import io.github.targetscore.samplers.metrics.SampleDistances;
import io.github.targetscore.samplers.metrics.SampleMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code floors}: how much the finite-sample floor of each sample-quality metric varies with the
 * random split of the reference (MATH §9). Split s = 0 … S − 1 draws two disjoint subsets of n
 * reference rows with the floor seed f_s, the first 64-bit output of stream s of
 * {@code RandomStreams.of(--seed)}, and computes every metric between them
 * ({@link SampleMetrics#floor SampleMetrics.floor(reference, n, f_s)}: x-W2 in coordinate units,
 * E-W2 in energy units, E-W2² and the MMD² estimates), with {@code --symmetrised} also the
 * {@link SampleMetrics#symmetrisedFloor symmetrised floors} of x-W2 and MMD² on the same split
 * (E-W2's is its plain floor, see {@link Metric#comparesEnergies}). The reference rows are
 * canonicalised first, as the {@code run} command prepares them ({@link ReferenceSamples}).
 *
 * <p>Splits run in parallel, each on one thread; a split's values depend on (--seed, s) only, so
 * the files do not depend on {@code --threads}. Writes {@code floors.csv} (per split: s, f_s and
 * each metric's floor) and {@code floors.json} ({@link FloorsSummary}: per metric the
 * {@link Spread} of its floor over the splits).
 */
@Command(name = "floors",
        description = {"How much the finite-sample floor of x-W2, E-W2 and MMD² varies: the "
                + "metrics between two disjoint random sets of N reference rows, for S random "
                + "splits.",
            "Split s uses the floor seed drawn from random stream s of --seed (written to the "
                + "CSV), so the results do not depend on --threads.",
            "Writes OUT/floors.csv (one row per split) and OUT/floors.json (per metric: mean, "
                + "standard deviation, standard error of the mean, min, 5 %, 50 %, 95 % "
                + "quantiles, max), and prints the table."})
final class FloorsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnergyOptions energy;

    @Mixin
    private ThreadOptions threads;

    @Option(names = "--reference", required = true, paramLabel = "FILE.npy",
            description = "reference samples of the energy, shape (rows, d), at least 2N rows")
    private Path reference;

    @Option(names = "--size", required = true, paramLabel = "N",
            description = "rows per subset of a split (the generated sample size the floor is "
                    + "for), >= 2")
    private int size;

    @Option(names = "--splits", required = true, paramLabel = "S",
            description = "random splits, >= 1")
    private int splits;

    @Option(names = "--symmetrised",
            description = "also the symmetrised floors of x-W2 and MMD² (the second subset "
                    + "randomly relabelled and rotated; the plain floor where the target has no "
                    + "particle symmetries)")
    private boolean symmetrised;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "master seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory, created if missing; its files are replaced")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (size < 2) {
            throw new IllegalArgumentException("--size must be >= 2 rows per subset, got "
                    + size);
        }
        if (splits < 1) {
            throw new IllegalArgumentException("--splits must be >= 1, got " + splits);
        }
        EnergyOptions.Selection selection = energy.select(EnergyRegistry.load());
        EnergyModel model = selection.model();
        double[] rows = ReferenceSamples.load(reference, model, selection.name(), 2 * size,
                "--reference (two disjoint subsets of --size " + size + ")");
        int referenceRows = rows.length / model.dimension();
        List<Column> columns = columns();
        List<String> labels = columns.stream().map(Column::label).toList();
        long[] floorSeeds = floorSeeds();
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "floors: %s, %d splits into 2 × %d of %d reference rows, "
                + "seed %d%n", selection.name(), splits, size, referenceRows, seed);
        printer.flush();
        long start = System.nanoTime();
        double[] values = floors(SampleMetrics.of(model), rows, floorSeeds, columns);
        double seconds = (System.nanoTime() - start) * 1e-9;
        Map<String, Spread> spreads = new LinkedHashMap<>();
        double[] column = new double[splits];
        for (int c = 0; c < labels.size(); c++) {
            for (int s = 0; s < splits; s++) {
                column[s] = values[s * labels.size() + c];
            }
            spreads.put(labels.get(c), Spread.of(column, labels.get(c) + " floors"));
        }
        FloorsSummary summary = new FloorsSummary(selection.name(),
                selection.parameters().asMap(), reference.toString(), referenceRows, size,
                splits, seed, symmetrised, spreads, ManifestVersion.version());
        Files.createDirectories(out);
        byte[] csv = csv(labels, floorSeeds, values).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out.resolve("floors.csv"), stream -> stream.write(csv));
        Json.write(out.resolve("floors.json"), summary);
        print(printer, summary, seconds);
        return 0;
    }

    /**
     * A column of floors: a metric's plain or symmetrised floor.
     *
     * @param metric the metric
     * @param symmetrised whether the symmetrised floor ({@link SampleMetrics#symmetrisedFloor})
     */
    private record Column(Metric metric, boolean symmetrised) {

        /** The metric's label, after "symmetrised " for a symmetrised floor. */
        String label() {
            return (symmetrised ? "symmetrised " : "") + metric.label();
        }
    }

    /**
     * Every {@link Metric}'s floor, then with --symmetrised the symmetrised floor of each metric
     * that compares configurations (that of E-W2 is its plain floor).
     */
    private List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (Metric m : Metric.values()) {
            columns.add(new Column(m, false));
        }
        if (symmetrised) {
            for (Metric m : Metric.values()) {
                if (!m.comparesEnergies()) {
                    columns.add(new Column(m, true));
                }
            }
        }
        return List.copyOf(columns);
    }

    /** f_s: the first output of stream s of {@code RandomStreams.of(--seed)}. */
    private long[] floorSeeds() {
        RandomStreams streams = RandomStreams.of(seed);
        long[] seeds = new long[splits];
        for (int s = 0; s < splits; s++) {
            seeds[s] = streams.stream(s).nextLong();
        }
        return seeds;
    }

    /** Row s: split s's floors in the order of the columns, row-major. */
    private double[] floors(SampleMetrics metrics, double[] rows, long[] floorSeeds,
            List<Column> columns) {
        int width = columns.size();
        double[] values = new double[splits * width];
        WorkProgress progress = new WorkProgress("floors", splits, "splits",
                spec.commandLine().getErr());
        ForkJoinPool pool = threads.newPool();
        try {
            ParallelEnergies.of(pool, 1).run(0, splits, (from, count) -> {
                for (int s = from; s < from + count; s++) {
                    SampleDistances floor = metrics.floor(rows, size, floorSeeds[s]);
                    SampleDistances symmetrisedFloor = symmetrised
                            ? metrics.symmetrisedFloor(rows, size, floorSeeds[s]) : null;
                    for (int c = 0; c < width; c++) {
                        Column column = columns.get(c);
                        values[s * width + c] = (column.symmetrised() ? symmetrisedFloor : floor)
                                .value(column.metric());
                    }
                    progress.finished(s);
                }
            });
        } finally {
            pool.shutdown();
        }
        return values;
    }

    /** The CSV: {@code split,seed,<labels>}, then one row per split (shortest exact decimals). */
    private static String csv(List<String> labels, long[] floorSeeds, double[] values) {
        StringBuilder s = new StringBuilder("split,seed");
        for (String label : labels) {
            s.append(',').append(label);
        }
        s.append('\n');
        for (int split = 0; split < floorSeeds.length; split++) {
            s.append(split).append(',').append(floorSeeds[split]);
            for (int c = 0; c < labels.size(); c++) {
                s.append(',').append(values[split * labels.size() + c]);
            }
            s.append('\n');
        }
        return s.toString();
    }

    private void print(PrintWriter printer, FloorsSummary summary, double seconds) {
        printer.println("| floor | mean | sd | SE of mean | min | 5 % | 50 % | 95 % | max |");
        printer.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        summary.metrics().forEach((label, spread) -> printer.println(String.format(Locale.ROOT,
                "| %s | %.4g | %s | %s | %.4g | %.4g | %.4g | %.4g | %.4g |", label,
                spread.mean(), optional(spread.standardDeviation()),
                optional(spread.standardError()), spread.min(), spread.quantile05(),
                spread.median(), spread.quantile95(), spread.max())));
        printer.printf(Locale.ROOT, "floors: %d splits in %.1f s%n", summary.splits(), seconds);
        printer.println("written: " + out.resolve("floors.csv") + ", floors.json");
        printer.flush();
    }

    /** A value to four significant digits, or "—" where it is undefined. */
    private static String optional(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.4g", value);
    }
}
