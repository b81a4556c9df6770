package io.github.targetscore.cli.plot;

import java.util.List;
import java.util.Objects;

/**
 * One panel of a figure: named curves y(x) over shared axes, optionally with a logarithmic y
 * axis. Immutable.
 *
 * @param title the panel's title
 * @param xLabel the x axis label, with units
 * @param yLabel the y axis label, with units
 * @param logY whether the y axis is logarithmic (non-positive values are then left out)
 * @param curves the curves, drawn in order
 */
public record LinePanel(String title, String xLabel, String yLabel, boolean logY,
        List<Curve> curves) {

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
}
