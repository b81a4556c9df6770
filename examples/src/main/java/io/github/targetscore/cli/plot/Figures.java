package io.github.targetscore.cli.plot;

import io.github.targetscore.cli.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes figures of {@link LinePanel}s as PNG files (XChart, headless), panels laid out on a
 * grid, the file replaced atomically.
 */
public final class Figures {

    private static final int PANEL_WIDTH = 520;
    private static final int PANEL_HEIGHT = 400;

    private Figures() {
    }

    /**
     * Draws the panels on a grid of {@code columns} columns and writes the PNG.
     *
     * @param file the PNG to write
     * @param panels the panels, row by row
     * @param columns panels per row, ≥ 1
     */
    public static void writePng(Path file, List<LinePanel> panels, int columns) throws IOException {
        if (columns < 1 || panels.isEmpty()) {
            throw new IllegalArgumentException("need at least one panel and one column");
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * PANEL_WIDTH, rows * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int p = 0; p < panels.size(); p++) {
                BufferedImage panel = BitmapEncoder.getBufferedImage(chart(panels.get(p)));
                g.drawImage(panel, (p % cols) * PANEL_WIDTH, (p / cols) * PANEL_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    private static XYChart chart(LinePanel panel) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(panel.title()).xAxisTitle(panel.xLabel()).yAxisTitle(panel.yLabel()).build();
        chart.getStyler().setYAxisLogarithmic(panel.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (LinePanel.Curve curve : panel.curves()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] x = curve.x();
            double[] y = curve.y();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!panel.logY() || y[i] > 0)) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(curve.name(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }
}
