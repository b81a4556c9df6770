package io.github.targetscore.cli.plot;

import io.github.targetscore.core.Batches;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Samples of a 2-D target drawn as points over its density: the relative Boltzmann density
 * ρ = exp(−(U − U_min)) at β = 1 ({@link DensityGrid}, evaluated at every pixel of the plot
 * area) as filled contours: {@value #LEVELS} bands of width 1/{@value #LEVELS} in ρ, from white
 * (ρ &lt; 1/{@value #LEVELS}) to dark blue (ρ ≥ ({@value #LEVELS} − 1)/{@value #LEVELS}); the
 * points in orange on top. The axes show a fixed {@link PlotWindow}; the title counts the
 * samples and those outside the window, which are not drawn. Immutable.
 *
 * <p>XChart draws the axes and points; its plot background is transparent, and the density image
 * is painted beneath it on the plot area that XChart's layout gives.
 */
public final class DensityScatterPanel implements Panel {

    /** Bands of the filled contours. */
    static final int LEVELS = 8;
    private static final Color DENSE = new Color(8, 48, 107);
    private static final Color SAMPLE = new Color(230, 85, 13, 140);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private final String title;
    private final DoubleBinaryOperator energy;
    private final PlotWindow window;
    private final double[] xs;
    private final double[] ys;
    private final int total;

    private DensityScatterPanel(String title, DoubleBinaryOperator energy, PlotWindow window,
            double[] xs, double[] ys, int total) {
        this.title = title;
        this.energy = energy;
        this.window = window;
        this.xs = xs;
        this.ys = ys;
        this.total = total;
    }

    /**
     * A panel of 2-D samples over the target's density.
     *
     * @param title the panel's title
     * @param samples rows (x, y), at least one, all finite
     * @param energy U(x, y) in kT (β = 1), called once per pixel of the plot area from the
     *     drawing thread; +∞ allowed, never NaN
     * @param window the rectangle shown
     * @throws IllegalArgumentException if there is no sample, an odd number of values or a
     *     non-finite coordinate (naming the sample and coordinate)
     */
    public static DensityScatterPanel of(String title, double[] samples,
            DoubleBinaryOperator energy, PlotWindow window) {
        Objects.requireNonNull(energy, "energy");
        if (samples.length == 0 || samples.length % 2 != 0) {
            throw new IllegalArgumentException(title + ": " + samples.length + " values are "
                    + (samples.length == 0 ? "no sample" : "not whole 2-D samples (x, y)"));
        }
        int total = samples.length / 2;
        double[] xs = new double[total];
        double[] ys = new double[total];
        int inside = 0;
        for (int i = 0; i < total; i++) {
            Batches.requireFinite(samples, 2, i, title + ": sample");
            if (window.contains(samples[2 * i], samples[2 * i + 1])) {
                xs[inside] = samples[2 * i];
                ys[inside] = samples[2 * i + 1];
                inside++;
            }
        }
        return new DensityScatterPanel(title, energy, window, Arrays.copyOf(xs, inside),
                Arrays.copyOf(ys, inside), total);
    }

    /** Samples outside the window, left out of the drawing. */
    public int outside() {
        return total - xs.length;
    }

    @Override
    public BufferedImage render(int width, int height) {
        XYChart chart = Charts.xy(title + ": n = " + total + ", " + outside()
                + " outside the window", "x₁", "x₂", width, height);
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setXAxisMin(window.xMin());
        styler.setXAxisMax(window.xMax());
        styler.setYAxisMin(window.yMin());
        styler.setYAxisMax(window.yMax());
        styler.setPlotContentSize(1.0);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBackgroundColor(TRANSPARENT);
        styler.setChartBackgroundColor(TRANSPARENT);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setMarkerSize(3);
        if (xs.length > 0) {
            chart.addSeries("samples", xs, ys).setMarker(SeriesMarkers.CIRCLE)
                    .setMarkerColor(SAMPLE);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, width, height); // lays the axes out: the window's pixels are known
            int left = (int) Math.round(chart.getScreenXFromChart(window.xMin()));
            int right = (int) Math.round(chart.getScreenXFromChart(window.xMax()));
            int top = (int) Math.round(chart.getScreenYFromChart(window.yMax()));
            int bottom = (int) Math.round(chart.getScreenYFromChart(window.yMin()));
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(contours(DensityGrid.of(energy, window, right - left, bottom - top)),
                    left, top, null);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The grid as an image, one pixel a cell. */
    private static BufferedImage contours(DensityGrid grid) {
        BufferedImage image = new BufferedImage(grid.columns(), grid.rows(),
                BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                image.setRGB(c, r, bandColour(grid.relativeDensity(c, r)));
            }
        }
        return image;
    }

    /**
     * The RGB of density ρ ∈ [0, 1]: band b = min(⌊ρ·L⌋, L − 1) of L = {@value #LEVELS},
     * coloured white + (b/(L − 1))·(dark blue − white) per channel, rounded.
     */
    static int bandColour(double rho) {
        double t = Math.min(Math.floor(rho * LEVELS), LEVELS - 1) / (LEVELS - 1);
        int red = (int) Math.round(255 + t * (DENSE.getRed() - 255));
        int green = (int) Math.round(255 + t * (DENSE.getGreen() - 255));
        int blue = (int) Math.round(255 + t * (DENSE.getBlue() - 255));
        return (red << 16) | (green << 8) | blue;
    }
}
