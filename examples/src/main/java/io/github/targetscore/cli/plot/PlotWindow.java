package io.github.targetscore.cli.plot;

/**
 * A fixed rectangle [xMin, xMax] × [yMin, yMax] of the plane to draw a 2-D target on, in the
 * target's coordinates (e.g. [−50, 50]² for GMM-40). Immutable.
 *
 * @param xMin left edge
 * @param xMax right edge, &gt; xMin
 * @param yMin bottom edge
 * @param yMax top edge, &gt; yMin
 */
public record PlotWindow(double xMin, double xMax, double yMin, double yMax) {

    /** Checks that the edges are finite and ordered. */
    public PlotWindow {
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !Double.isFinite(yMin)
                || !Double.isFinite(yMax) || !(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("plot window [" + xMin + ", " + xMax + "] × ["
                    + yMin + ", " + yMax + "] must be finite with min < max");
        }
    }

    /** [−h, h]², the square of half-width h &gt; 0 about the origin. */
    public static PlotWindow square(double halfWidth) {
        return new PlotWindow(-halfWidth, halfWidth, -halfWidth, halfWidth);
    }

    /** Whether (x, y) lies in the closed rectangle. */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
}
