package io.github.targetscore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: several iDEM runs ({@code run}) from one {@link SweepConfig}, e.g. targets ×
 * identities × seeds, one after another or {@code --parallel P} at once, with one summary table.
 *
 * <pre>
 * targetscore sweep --config sweep.json --out out/sweep --parallel 2 --threads 8
 * </pre>
 *
 * <p>The runs and their names are those of {@link Sweep}. Run {@code NAME} writes into {@code
 * OUT/NAME/} exactly as {@code run --out OUT/NAME} would; its progress lines, each prefixed
 * {@code run NAME:}, are printed whole even when runs go in parallel. Each of the P runs at once
 * gets its own pool of max(1, threads / P) workers; a run's randomness comes from its config's
 * seed alone, so no result depends on P or the thread counts (but for {@code
 * --network-threads}, see {@code run}).
 *
 * <p>A sweep refuses to start over a folder holding a checkpoint of an earlier sweep unless
 * {@code --resume} is given; with it, finished runs (those with a {@code metrics.json}) are
 * skipped and their summaries read back, and unfinished ones continue from their checkpoints.
 * At the end {@code OUT/summary.csv} and {@code OUT/summary.md} hold one row per run (see
 * {@link SweepSummary}) and the markdown table is printed. A run that fails is recorded with
 * its reason while the others go on; the sweep then exits with code 1.
 */
@Command(name = "sweep",
        description = {"Several iDEM runs from one sweep config: a base run config and the "
                + "fields to vary (their Cartesian product, first key slowest), one after "
                + "another or several at once.",
            "Each run writes into OUT/NAME/ as 'run' does; OUT/summary.csv and OUT/summary.md "
                + "hold a row per run with its final metrics, floors and ratios."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "JSON sweep config")
    private Path configFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "sweep folder: a folder per run and the summary")
    private Path out;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "P",
            description = "runs at once (default ${DEFAULT-VALUE}), each with threads / P workers;"
                    + " results do not depend on it")
    private int parallel;

    @Mixin
    private ThreadOptions threads;

    @Mixin
    private NetworkThreadOptions networkThreads;

    @Option(names = "--resume", description = "skip finished runs (reading their metrics.json) "
            + "and continue unfinished ones from their checkpoints")
    private boolean resume;

    @Override
    public Integer call() throws IOException, InterruptedException, ExecutionException {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
        }
        int workers = Math.max(1, threads.count() / parallel);
        Sweep sweep = Sweep.read(configFile);
        if (!resume) {
            refuseEarlierRuns(sweep);
        }
        networkThreads.configure();
        Files.createDirectories(out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("sweep %s: %d runs, %d at once with %d workers each%n", configFile,
                sweep.runs().size(), parallel, workers);
        printer.flush();
        ExecutorService runners = Executors.newFixedThreadPool(parallel);
        List<SweepOutcome> outcomes = new ArrayList<>();
        try {
            List<Future<SweepOutcome>> futures = new ArrayList<>();
            for (SweepRun run : sweep.runs()) {
                futures.add(runners.submit(() -> execute(run, workers, printer)));
            }
            for (Future<SweepOutcome> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            runners.shutdownNow();
        }
        SweepSummary summary = SweepSummary.of(sweep.varied(), outcomes);
        summary.write(out);
        printer.print(summary.markdown());
        long failed = outcomes.stream().filter(SweepOutcome::hasFailed).count();
        printer.printf("sweep %s: %d of %d runs finished, %d failed; wrote %s%n", configFile,
                outcomes.size() - failed, outcomes.size(), failed, out.resolve("summary.csv"));
        printer.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Fails before any run starts when a run's folder holds a checkpoint. */
    private void refuseEarlierRuns(Sweep sweep) {
        for (SweepRun run : sweep.runs()) {
            Path checkpoint = out.resolve(run.name()).resolve(IdemRun.CHECKPOINT);
            if (Files.exists(checkpoint)) {
                throw new IllegalStateException(out.resolve(run.name()) + " holds a checkpoint of "
                        + "an earlier run: pass --resume to continue the sweep, or choose another"
                        + " --out");
            }
        }
    }

    /** Runs (or skips, when finished and resuming) one run; a failure becomes its outcome. */
    private SweepOutcome execute(SweepRun run, int workers, PrintWriter sink) {
        PrintWriter printer = LineWriter.over(sink);
        ForkJoinPool pool = new ForkJoinPool(workers);
        try {
            networkThreads.configure(); // OpenMP's count is per thread: set it for this one
            IdemRun idem = IdemRun.of(run.config(), out.resolve(run.name()));
            Optional<IdemRun.Summary> earlier = resume ? idem.finished() : Optional.empty();
            if (earlier.isPresent()) {
                printer.printf("run %s: finished earlier, summary read from its metrics.json%n",
                        run.name());
                return SweepOutcome.finished(run, earlier.get());
            }
            return SweepOutcome.finished(run, idem.run(resume, pool, printer));
        } catch (Exception e) { // any failure of one run is recorded; the others go on
            String reason = ErrorHandler.reason(e);
            printer.printf("run %s: failed: %s%n", run.name(), reason);
            return SweepOutcome.failed(run, reason);
        } finally {
            pool.shutdown();
            printer.close();
        }
    }
}
