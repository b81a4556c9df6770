package io.github.targetscore.cli.plot;

import io.github.targetscore.cli.Spread;
import java.util.Arrays;

/**
 * A range of values to plot a histogram on that far outliers do not stretch: from the
 * {@value #TAIL} to the 1 − {@value #TAIL} quantile ({@link Spread#quantile}) of the finite
 * values, widened on each side by {@value #MARGIN} of that width (so that the bulk of a
 * distribution and its near tails show);
 * [v − ½, v + ½] when both quantiles equal v. Values outside are counted by the histogram, not
 * hidden. Immutable.
 *
 * @param lower the lower edge, in units of the values
 * @param upper the upper edge, &gt; lower
 */
record PlotRange(double lower, double upper) {

    /** The probability left out in each tail before widening. */
    static final double TAIL = 0.005;
    /** The widening on each side, as a fraction of the quantile range. */
    static final double MARGIN = 0.1;

    /**
     * The range of {@code values} described above.
     *
     * @param values at least one finite value; infinities are ignored, NaN is an error
     * @param what the values' name in messages
     * @throws IllegalArgumentException naming {@code what} if there is no finite value or one is
     *     NaN (naming its index)
     */
    static PlotRange central(double[] values, String what) {
        double[] finite = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(what + ": value " + i + " is NaN");
            }
            if (Double.isFinite(values[i])) {
                finite[n++] = values[i];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(what + ": no finite value among " + values.length
                    + " values");
        }
        double[] sorted = Arrays.copyOf(finite, n);
        Arrays.sort(sorted);
        double low = Spread.quantile(sorted, TAIL);
        double high = Spread.quantile(sorted, 1 - TAIL);
        if (!(low < high)) {
            return new PlotRange(low - 0.5, low + 0.5);
        }
        double margin = MARGIN * (high - low);
        return new PlotRange(low - margin, high + margin);
    }
}
