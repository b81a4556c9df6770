package io.github.targetscore.cli.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One panel of a figure: named curves y(x) over shared axes, optionally with a logarithmic y
 * axis, each point marked. Immutable.
 *
 * @param title the panel's title
 * @param xLabel the x axis label, with units
 * @param yLabel the y axis label, with units
 * @param logY whether the y axis is logarithmic (non-positive values are then left out)
 * @param curves the curves, drawn in order
 */
public record LinePanel(String title, String xLabel, String yLabel, boolean logY,
        List<Curve> curves) implements Panel {

    /**
     * A named curve.
     *
     * @param name the legend entry
     * @param x abscissae
     * @param y ordinates, as many as abscissae
     */
    public record Curve(String name, double[] x, double[] y) {

        /** Checks and copies the data. */
        public Curve {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve " + name + ": " + x.length
                        + " abscissae but " + y.length + " ordinates");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /** Copies the curves. */
    public LinePanel {
        Objects.requireNonNull(title, "title");
        curves = List.copyOf(curves);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("panel " + title + " has no curves");
        }
    }

    /**
     * Draws the curves; points with a non-finite coordinate (or y ≤ 0 on a log axis) are left
     * out.
     */
    @Override
    public BufferedImage render(int width, int height) {
        XYChart chart = Charts.xy(title, xLabel, yLabel, width, height);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (Curve curve : curves) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < curve.x.length; i++) {
                double x = curve.x[i];
                double y = curve.y[i];
                if (Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0)) {
                    xs.add(x);
                    ys.add(y);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(curve.name(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}
