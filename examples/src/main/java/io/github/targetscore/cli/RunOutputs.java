package io.github.targetscore.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.targetscore.cli.plot.Figures;
import io.github.targetscore.cli.output.ExtendedXyz;
import io.github.targetscore.cli.plot.LinePanel;
import io.github.targetscore.cli.plot.PlotWindow;
import io.github.targetscore.cli.plot.SampleFigures;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.samplers.metrics.Metric;
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
 * samples.npy} (n × d, after the refinement if any; {@code samples-generated.npy} before
 * it), {@code energies.npy} (n, at kT = 1), {@code epochs.csv} (one row per
 * epoch), {@code metrics.json} (seed, version, backend, config, timings, evaluation counts,
 * final metrics beside their floors, the evaluations during the run), {@code loss.png}, {@code
 * energies.png} (against the reference's when there is one), and for particle systems {@code
 * samples.xyz} (extended XYZ) and {@code pair-distances.png}, for 2-D targets {@code
 * samples.png} (the samples over the density exp(−U)).
 */
final class RunOutputs {

    /** The file of the run's summary and metrics. */
    static final String METRICS = "metrics.json";

    private RunOutputs() {
    }

    /**
     * Writes the run's files.
     *
     * @param generated the network's samples, before the refinement
     * @param samples the final samples
     * @param energies their energies U at kT = 1
     * @param reference the reference configurations, or null
     */
    static void write(Path out, RunConfig config, EnergyModel model, double[] generated,
            double[] samples, double[] energies, double[] reference, List<EpochRecord> records,
            List<IdemRun.Evaluation> evaluations, IdemRun.Summary summary) throws IOException {
        int d = model.manifold().dimension();
        int n = samples.length / d;
        NpyArrays.write(out.resolve("samples.npy"), samples, n, d);
        NpyArrays.write(out.resolve("energies.npy"), energies);
        if (config.refinement().steps() > 0) {
            NpyArrays.write(out.resolve("samples-generated.npy"), generated, n, d);
        }
        writeEpochs(out.resolve("epochs.csv"), records);
        Json.write(out.resolve(METRICS), metrics(config, records, evaluations, summary));
        writeLossCurve(out.resolve("loss.png"), config.name(), records);
        double[] referenceEnergies = null;
        if (reference != null) {
            int m = reference.length / d;
            referenceEnergies = new double[m];
            model.energies(reference, 0, m, referenceEnergies);
        }
        String refined = config.refinement().steps() == 0 ? ""
                : " (after " + config.refinement().steps() + " " + config.refinement().algorithm()
                        + " steps)";
        SampleFigures.energyHistogram(out.resolve("energies.png"), energies, referenceEnergies,
                config.name() + ": energies at kT = 1" + refined);
        if (model.manifold() instanceof ParticleSpace) {
            ParticleSpace space = (ParticleSpace) model.manifold();
            ExtendedXyz.of(space.particles(), space.spatialDimension()).write(
                    out.resolve("samples.xyz"), samples, energies, config.name());
            SampleFigures.pairDistances(out.resolve("pair-distances.png"), samples, reference,
                    space.particles(), space.spatialDimension(),
                    config.name() + ": pair distances" + refined);
        } else if (d == 2) {
            SampleFigures.densityScatter(out.resolve("samples.png"), samples, model,
                    window(reference != null ? reference : samples),
                    config.name() + ": samples over exp(−U)" + refined);
        }
    }

    /** The square around the origin that holds the points' coordinates, widened by a tenth. */
    private static PlotWindow window(double[] points) {
        double extent = 0;
        for (double v : points) {
            extent = Math.max(extent, Math.abs(v));
        }
        return PlotWindow.square(1.1 * extent);
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
        m.put("modelEvaluations", summary.modelEvaluations());
        m.put("refinementEvaluations", summary.refinementEvaluations());
        m.put("epochSeconds", summary.seconds());
        m.put("finalMetrics", byLabel(summary.metrics()));
        m.put("generatedMetrics", byLabel(summary.generatedMetrics()));
        m.put("evaluations", evaluations);
        m.put("lastEpoch", records.isEmpty() ? null : records.get(records.size() - 1));
        return m;
    }

    /**
     * {label: {"value": v, "floor": f, "symmetrisedFloor": s}} in the metrics' order (s equals f
     * but for the coordinate metrics of particle systems, see {@link MetricWithFloor}).
     */
    private static Map<String, Object> byLabel(List<MetricWithFloor> metrics) {
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (MetricWithFloor f : metrics) {
            Map<String, Double> entry = new LinkedHashMap<>();
            entry.put("value", f.value());
            entry.put("floor", f.floor());
            entry.put("symmetrisedFloor", f.symmetrisedFloor());
            byLabel.put(f.metric().label(), entry);
        }
        return byLabel;
    }

    /**
     * The summary a finished run wrote into its folder's {@code metrics.json}.
     *
     * @throws IllegalArgumentException if the file names an unknown metric
     */
    static IdemRun.Summary readSummary(Path out) throws IOException {
        Path file = out.resolve(METRICS);
        JsonNode m = Json.read(file, new TypeReference<JsonNode>() { });
        return new IdemRun.Summary(m.get("name").asText(), out, m.get("epochs").asInt(),
                m.get("estimatorEvaluations").asLong(), m.get("modelEvaluations").asLong(),
                m.get("refinementEvaluations").asLong(),
                m.get("epochSeconds").asDouble(), metrics(m.get("generatedMetrics"), file),
                metrics(m.get("finalMetrics"), file));
    }

    /** Reads back what {@link #byLabel} wrote. */
    private static List<MetricWithFloor> metrics(JsonNode byLabel, Path file) {
        List<MetricWithFloor> metrics = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : byLabel.properties()) {
            metrics.add(new MetricWithFloor(metric(f.getKey(), file),
                    f.getValue().get("value").asDouble(), f.getValue().get("floor").asDouble(),
                    f.getValue().get("symmetrisedFloor").asDouble()));
        }
        return metrics;
    }

    private static Metric metric(String label, Path file) {
        for (Metric metric : Metric.values()) {
            if (metric.label().equals(label)) {
                return metric;
            }
        }
        throw new IllegalArgumentException(file + ": finalMetrics: unknown metric '" + label + "'");
    }

    private static void writeEpochs(Path file, List<EpochRecord> records) throws IOException {
        AtomicFiles.write(file, stream -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.println("epoch,step,mean_loss,mean_ess,evaluations,cumulative_evaluations,"
                    + "model_evaluations,clipped_fraction,buffer_size,seconds");
            long cumulative = 0;
            for (EpochRecord r : records) {
                cumulative += r.evaluations();
                w.printf(Locale.ROOT, "%d,%d,%.8g,%.6g,%d,%d,%d,%.6g,%d,%.4f%n", r.epoch(),
                        r.step(), r.meanLoss(), r.meanEffectiveSampleSize(), r.evaluations(),
                        cumulative, r.modelEvaluations(), r.clippedFraction(), r.bufferSize(),
                        r.seconds());
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
