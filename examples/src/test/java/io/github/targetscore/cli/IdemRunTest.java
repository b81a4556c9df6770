package io.github.targetscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdemRunTest {

    @TempDir
    Path dir;

    private static RunConfig config(int epochs) throws Exception {
        return ConfigFiles.convert(ConfigFiles.mapper().readTree(TinyRuns.dw4(epochs)),
                RunConfig.class, "test").named("idem");
    }

    /**
     * A finished run's summary reads back from its metrics.json equal to the one the run
     * returned, to the last bit; a folder without a finished run has none, and one of another
     * config is refused.
     */
    @Test
    void aFinishedRunsSummaryReadsBack() throws Exception {
        Path out = dir.resolve("idem");
        IdemRun run = IdemRun.of(config(1), out);
        assertEquals(Optional.empty(), run.finished());
        ForkJoinPool pool = new ForkJoinPool(2);
        IdemRun.Summary summary;
        try {
            summary = run.run(false, pool, new PrintWriter(new StringWriter()));
        } finally {
            pool.shutdown();
        }
        assertTrue(summary.metrics().size() >= 2, summary.toString());
        assertEquals(Optional.of(summary), run.finished());
        assertEquals(Optional.of(summary), IdemRun.of(config(1), out).finished());
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> IdemRun.of(config(2), out).finished());
        assertTrue(other.getMessage().contains("another config"), other.getMessage());
    }
}
