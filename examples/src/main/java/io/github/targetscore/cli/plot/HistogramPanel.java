package io.github.targetscore.cli.plot;

import io.github.targetscore.samplers.metrics.Histogram;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram of generated values against reference values on common bins, drawn as the two
 * density outlines. Immutable.
 *
 * <p>The bins span the {@link PlotRange} of the reference (of the generated values when there is
 * no reference), so a few far outliers of the generated set cannot squeeze the reference's bulk
 * into one bin. Each density is normalised by its own total count ({@link Histogram}:
 * count_k / (total · width), in 1/(unit of the values)), so sets of different sizes compare; the
 * values outside the range (infinite ones included) are counted in each legend entry, so
 * outliers are not hidden.
 */
public final class HistogramPanel implements Panel {

    /** Bins of the figures' histograms. */
    public static final int BINS = 50;
    private static final Color GENERATED = new Color(230, 85, 13);
    private static final Color REFERENCE = new Color(8, 48, 107);

    private final String title;
    private final String quantity;
    private final Histogram generated;
    private final Histogram reference;

    private HistogramPanel(String title, String quantity, Histogram generated,
            Histogram reference) {
        this.title = title;
        this.quantity = quantity;
        this.generated = generated;
        this.reference = reference;
    }

    /**
     * The generated values' histogram over the reference's.
     *
     * @param title the panel's title
     * @param quantity the x axis label: the quantity with its unit, e.g. "energy U (kT)"
     * @param generated the generated values, at least one, none NaN (if there is no reference,
     *     at least one finite)
     * @param reference the reference values (at least one finite, none NaN), or {@code null}
     * @param bins number of bins, ≥ 1
     * @throws IllegalArgumentException naming the panel and the set that is empty or holds a NaN
     */
    public static HistogramPanel of(String title, String quantity, double[] generated,
            double[] reference, int bins) {
        if (generated.length == 0) {
            throw new IllegalArgumentException(title + ": no generated values");
        }
        PlotRange range = reference == null ? PlotRange.central(generated, title + ": generated")
                : PlotRange.central(reference, title + ": reference");
        Histogram generatedHistogram;
        try {
            generatedHistogram = Histogram.of(generated, range.lower(), range.upper(), bins);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(title + ": generated " + e.getMessage(), e);
        }
        return new HistogramPanel(title, quantity, generatedHistogram,
                reference == null ? null : generatedHistogram.sameBins(reference));
    }

    /** The generated values' histogram. */
    public Histogram generated() {
        return generated;
    }

    /** The reference's histogram on the same bins, if a reference was given. */
    public Optional<Histogram> reference() {
        return Optional.ofNullable(reference);
    }

    @Override
    public BufferedImage render(int width, int height) {
        XYChart chart = Charts.xy(title, quantity, "probability density", width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical); // entries are long
        // XChart puts the ticks on the bin edges (equally spaced x values): label them to a tenth
        // of a bin width rather than with all their digits
        double binWidth = generated.edges()[1] - generated.edges()[0];
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(binWidth)) + 1);
        chart.setCustomXAxisTickLabelsFormatter(x -> tickLabel(x, decimals));
        if (reference != null) {
            add(chart, "reference", reference, REFERENCE);
        }
        add(chart, "generated", generated, GENERATED);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void add(XYChart chart, String name, Histogram histogram, Color colour) {
        double[][] outline = outline(histogram);
        chart.addSeries(legend(name, histogram), outline[0], outline[1])
                .setMarker(SeriesMarkers.NONE).setLineColor(colour);
    }

    /** "{@code name}, n = total, m outside": the values left out of the plotted range. */
    static String legend(String name, Histogram histogram) {
        return name + ", n = " + histogram.total() + ", "
                + (histogram.below() + histogram.above()) + " outside";
    }

    /**
     * The histogram's outline {x, y}: (e_0, 0), (e_0, ρ_0), (e_1, ρ_0), (e_1, ρ_1), …,
     * (e_B, ρ_B−1), (e_B, 0) for edges e_k and densities ρ_k.
     */
    static double[][] outline(Histogram histogram) {
        double[] edges = histogram.edges();
        double[] density = histogram.density();
        int bins = density.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = edges[0];
        for (int k = 0; k < bins; k++) {
            x[2 * k + 1] = edges[k];
            y[2 * k + 1] = density[k];
            x[2 * k + 2] = edges[k + 1];
            y[2 * k + 2] = density[k];
        }
        x[2 * bins + 1] = edges[bins];
        return new double[][] {x, y};
    }

    /** x with {@code decimals} decimals, without the sign of a value that rounds to zero. */
    static String tickLabel(double x, int decimals) {
        String label = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return Double.parseDouble(label) == 0 ? label.replace("-", "") : label;
    }
}
