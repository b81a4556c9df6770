package io.github.targetscore.cli;

import io.github.targetscore.cli.plot.Figures;
import io.github.targetscore.cli.plot.LinePanel;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.samplers.metrics.MetricWithFloor;
import io.github.targetscore.training.idem.EpochRecord;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a finished run, each written atomically into the run folder: {@code
 * samples.npy} (n × d), {@code energies.npy} (n, at kT = 1), {@code epochs.csv} (one row per
 * epoch), {@code metrics.json} (seed, version, backend, config, timings, evaluation counts,
 * final metrics beside their floors, the evaluations during the run) and {@code loss.png}.
 */
final class RunOutputs {

    private RunOutputs() {
    }

    static void write(Path out, RunConfig config, EnergyModel model, double[] samples,
            double[] reference, List<EpochRecord> records, List<IdemRun.Evaluation> evaluations,
            IdemRun.Summary summary) throws IOException {
        int d = model.manifold().dimension();
        int n = samples.length / d;
        double[] energies = new double[n];
        model.energies(samples, 0, n, energies);
        NpyArrays.write(out.resolve("samples.npy"), samples, n, d);
        NpyArrays.write(out.resolve("energies.npy"), energies);
        writeEpochs(out.resolve("epochs.csv"), records);
        Json.write(out.resolve("metrics.json"), metrics(config, records, evaluations, summary));
        writeLossCurve(out.resolve("loss.png"), config.name(), records);
    }

    private static Map<String, Object> metrics(RunConfig config, List<EpochRecord> records,
            List<IdemRun.Evaluation> evaluations, IdemRun.Summary summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("seed", config.seed());
        m.put("version", ManifestVersion.version());
        m.put("java", System.getProperty("java.version"));
        m.put("network", IdemRun.backend());
        m.put("config", config);
        m.put("epochs", summary.epochs());
        m.put("estimatorEvaluations", summary.evaluations());
        m.put("epochSeconds", summary.seconds());
        Map<String, Object> finals = new LinkedHashMap<>();
        for (MetricWithFloor f : summary.metrics()) {
            Map<String, Double> entry = new LinkedHashMap<>();
            entry.put("value", f.value());
            entry.put("floor", f.floor());
            finals.put(f.metric().label(), entry);
        }
        m.put("finalMetrics", finals);
        m.put("evaluations", evaluations);
        m.put("lastEpoch", records.isEmpty() ? null : records.get(records.size() - 1));
        return m;
    }

    private static void writeEpochs(Path file, List<EpochRecord> records) throws IOException {
        AtomicFiles.write(file, stream -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.println("epoch,step,mean_loss,mean_ess,evaluations,cumulative_evaluations,"
                    + "clipped_fraction,buffer_size,seconds");
            long cumulative = 0;
            for (EpochRecord r : records) {
                cumulative += r.evaluations();
                w.printf(Locale.ROOT, "%d,%d,%.8g,%.6g,%d,%d,%.6g,%d,%.4f%n", r.epoch(), r.step(),
                        r.meanLoss(), r.meanEffectiveSampleSize(), r.evaluations(), cumulative,
                        r.clippedFraction(), r.bufferSize(), r.seconds());
            }
            w.flush();
        });
    }

    private static void writeLossCurve(Path file, String name, List<EpochRecord> records)
            throws IOException {
        double[] epochs = new double[records.size()];
        double[] losses = new double[records.size()];
        double[] ess = new double[records.size()];
        for (int i = 0; i < records.size(); i++) {
            epochs[i] = records.get(i).epoch() + 1;
            losses[i] = records.get(i).meanLoss();
            ess[i] = records.get(i).meanEffectiveSampleSize();
        }
        List<LinePanel> panels = new ArrayList<>();
        panels.add(new LinePanel(name + ": mean training loss per epoch", "epoch", "loss", true,
                List.of(new LinePanel.Curve("loss", epochs, losses))));
        panels.add(new LinePanel(name + ": estimator ESS per point", "epoch", "ESS", true,
                List.of(new LinePanel.Curve("mean ESS", epochs, ess))));
        Figures.writePng(file, panels, 2);
    }
}
