package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    private Path config(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    /**
     * A short study on a 1-D two-mode mixture, for the plumbing: every loss trains, each
     * evaluation is written per time bin with finite, non-negative losses, score errors and
     * MMD², and the plot and summary appear. That training converges is tested in the training
     * module; the full study is the README's.
     */
    @Test
    void writesTheStudyForEveryLoss() throws Exception {
        Path config = config("""
                {"target": {"energy": "easy-mixture"},
                 "data": {"samples": 2000},
                 "losses": ["dsm", "tsm", "kappa", "kappa-bar"],
                 "network": {"width": 16, "depth": 2, "embedding": 8},
                 "optimiser": {"learningRate": 0.003, "steps": 60, "batchSize": 64, "ema": 0.9},
                 "evaluation": {"every": 30, "samples": 200, "diffusionSteps": 20, "timeBins": 4},
                 "seed": 2}
                """);
        Path out = dir.resolve("out");
        CliRun.Result result = run("train", "--config", config.toString(), "--out",
                out.toString(), "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = Files.readAllLines(out.resolve("training.csv"));
        assertEquals("loss,step,t,regression_loss,score_error,training_loss,mmd2,mmd2_floor",
                lines.get(0));
        assertEquals(1 + 4 * 2 * 4, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (int i = 3; i < f.length; i++) {
                double v = Double.parseDouble(f[i]);
                assertTrue(Double.isFinite(v) && v >= 0, line);
            }
        }
        assertTrue(Files.size(out.resolve("training.png")) > 10_000);
        assertTrue(Files.readString(out.resolve("training.json")).contains("\"evaluations\""));
        assertTrue(result.out().contains("train kappa-bar step     60/60"), result.out());
    }

    /** Data and reference from NPY files (a target without exact sampler would need them). */
    @Test
    void trainsFromFilesAndScoresFinalSamplesAgainstTheReference() throws Exception {
        double[] rows = new double[600];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Math.sin(i * 12.9898) * 1.3; // deterministic spread-out values
        }
        Path data = dir.resolve("data.npy");
        NpyArrays.write(data, rows, 600, 1);
        Path config = config("""
                {"target": {"energy": "easy-mixture"},
                 "data": {"file": "%s"},
                 "losses": ["kappa-bar", "ism"],
                 "network": {"width": 8, "depth": 1, "embedding": 4},
                 "optimiser": {"steps": 10, "batchSize": 32},
                 "evaluation": {"every": 10, "samples": 100, "diffusionSteps": 10,
                                "reference": "%s"}}
                """.formatted(data, data));
        Path out = dir.resolve("out");
        CliRun.Result result = run("train", "--config", config.toString(), "--out",
                out.toString(), "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        String json = Files.readString(out.resolve("training.json"));
        assertTrue(json.contains("\"finalMetrics\"") && json.contains("COORDINATE_W2"), json);
        assertTrue(result.out().contains("final samples"), result.out());

        Path short_ = config("""
                {"target": {"energy": "easy-mixture"}, "data": {"file": "%s"},
                 "evaluation": {"samples": 400, "reference": "%s"}}
                """.formatted(data, data));
        CliRun.Result tooFew = run("train", "--config", short_.toString(), "--out",
                out.toString());
        assertEquals(2, tooFew.exitCode());
        assertTrue(tooFew.err().contains("evaluation.reference (2 · evaluation.samples)") && tooFew.err().contains("need at least 800"), tooFew.err());
    }

    /** DW-4 from the reference data with the equivariant network: the particle path. */
    @Test
    void trainsAnEquivariantNetworkOnDw4() throws Exception {
        Path val = SharedData.dw4Reference();
        Path config = config("""
                {"target": {"energy": "dw4"},
                 "data": {"file": "%s"},
                 "losses": ["kappa-bar"],
                 "schedule": {"type": "geometric", "sigmaMin": 0.01, "sigmaMax": 0.5},
                 "network": {"type": "egnn", "width": 8, "depth": 1, "embedding": 4},
                 "optimiser": {"steps": 4, "batchSize": 16},
                 "evaluation": {"every": 4, "samples": 50, "diffusionSteps": 10, "reference": "%s"}}
                """.formatted(val, val));
        Path out = dir.resolve("dw4");
        CliRun.Result result = run("train", "--config", config.toString(), "--out",
                out.toString(), "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(out.resolve("samples-kappa-bar.npy")));
        assertTrue(result.out().contains("x-W2"), result.out());

        CliRun.Result notParticles = run("train", "--config", config("""
                {"target": {"energy": "easy-mixture"}, "network": {"type": "egnn"}}
                """).toString(), "--out", out.toString());
        assertEquals(2, notParticles.exitCode());
        assertTrue(notParticles.err().contains("egnn needs a particle system"),
                notParticles.err());
    }

    /**
     * A run stopped after its first evaluation and resumed gives the same table as a run that
     * was never interrupted (constant learning rate, so stopping early leaves the schedule of
     * the steps taken unchanged).
     */
    @Test
    void resumedStudyEqualsUninterruptedStudy() throws Exception {
        String template = """
                {"target": {"energy": "easy-mixture"}, "data": {"samples": 500},
                 "losses": ["dsm", "kappa-bar"],
                 "network": {"width": 8, "depth": 1, "embedding": 4},
                 "optimiser": {"learningRate": 0.003, "steps": %d, "batchSize": 32, "ema": 0.9},
                 "evaluation": {"every": 10, "samples": 100, "diffusionSteps": 10, "timeBins": 3},
                 "seed": 4}
                """;
        Path straight = dir.resolve("straight");
        assertEquals(0, run("train", "--config", config(template.formatted(20)).toString(),
                "--out", straight.toString(), "--threads", "1").exitCode());
        Path interrupted = dir.resolve("interrupted");
        assertEquals(0, run("train", "--config", config(template.formatted(10)).toString(),
                "--out", interrupted.toString(), "--threads", "1").exitCode());
        CliRun.Result resumed = run("train", "--config", config(template.formatted(20)).toString(),
                "--out", interrupted.toString(), "--threads", "1", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resumed at step 10"), resumed.out());
        assertEquals(Files.readAllLines(straight.resolve("training.csv")),
                Files.readAllLines(interrupted.resolve("training.csv")));
        assertEquals(Files.readString(straight.resolve("training.json")).replaceAll(
                "\"steps\" : \\d+", ""), Files.readString(interrupted.resolve("training.json"))
                .replaceAll("\"steps\" : \\d+", ""));
    }

    @Test
    void unknownFieldsAreNamedByTheirJsonPath() throws Exception {
        Path config = config("""
                {"target": {"energy": "easy-mixture"}, "network": {"widht": 16}}
                """);
        CliRun.Result result = run("train", "--config", config.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("$.network.widht"), result.err());
    }

    @Test
    void badValuesAreNamed() throws Exception {
        CliRun.Result missing = run("train", "--config", config("{}").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("target"), missing.err());
        CliRun.Result loss = run("train", "--config", config("""
                {"target": {"energy": "easy-mixture"}, "losses": ["ism2"]}
                """).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, loss.exitCode());
        assertTrue(loss.err().contains("losses: unknown 'ism2'"), loss.err());
        CliRun.Result energy = run("train", "--config", config("""
                {"target": {"energy": "no-such-energy"}}
                """).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, energy.exitCode());
        assertTrue(energy.err().contains("no-such-energy"), energy.err());
        CliRun.Result steps = run("train", "--config", config("""
                {"target": {"energy": "easy-mixture"}, "optimiser": {"steps": -5}}
                """).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, steps.exitCode());
        assertTrue(steps.err().contains("optimiser.steps: must be >= 1, got -5"), steps.err());
        CliRun.Result syntax = run("train", "--config", config("{,}").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, syntax.exitCode());
        assertTrue(syntax.err().contains("not valid JSON at line 1, column 2"), syntax.err());
        CliRun.Result missingFile = run("train", "--config", dir.resolve("none.json").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.err().contains("does not exist"), missingFile.err());
    }
}
