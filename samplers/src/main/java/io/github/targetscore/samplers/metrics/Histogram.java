package io.github.targetscore.samplers.metrics;

/**
 * A histogram of values on equal-width bins (energies, pair distances, …), for plotting generated
 * against reference distributions.
 *
 * <p>Bin k covers [e_k, e_{k+1}) with e_k = lower + k·(upper − lower)/bins; the last bin also
 * holds upper. Values below lower (−∞ included) and above upper (+∞ included, as for the energy of
 * coincident particles without softening) are counted apart, and the density is normalised by the
 * total count: density_k = count_k / (total · width), in units of 1/(unit of the values), so that
 * it integrates to the fraction of values inside the range and two histograms of different sizes
 * on the same bins ({@link #sameBins}) can be drawn on one plot. Immutable.
 */
public final class Histogram {

    private final double lower;
    private final double upper;
    private final int[] counts;
    private final int below;
    private final int above;
    private final int total;

    private Histogram(double lower, double upper, int[] counts, int below, int above,
            int total) {
        this.lower = lower;
        this.upper = upper;
        this.counts = counts;
        this.below = below;
        this.above = above;
        this.total = total;
    }

    /**
     * A histogram over the range of the finite values, [min, max] (or [v − ½, v + ½] when
     * they are all equal to v).
     *
     * @param values at least one finite value, none NaN
     * @param bins number of bins, ≥ 1
     */
    public static Histogram of(double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("histogram: no finite value among "
                    + values.length + " values");
        }
        return min < max ? of(values, min, max, bins) : of(values, min - 0.5, min + 0.5, bins);
    }

    /**
     * A histogram over [lower, upper].
     *
     * @param values values, none NaN; infinite ones count below or above the range
     * @param lower finite lower edge
     * @param upper finite upper edge, &gt; lower
     * @param bins number of bins, ≥ 1
     * @throws IllegalArgumentException if the range or bin count is invalid or a value is NaN
     *     (naming its index)
     */
    public static Histogram of(double[] values, double lower, double upper, int bins) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("histogram: range [" + lower + ", " + upper
                    + "] must be finite with lower < upper");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("histogram: bins must be >= 1, got " + bins);
        }
        int[] counts = new int[bins];
        int below = 0;
        int above = 0;
        double scale = bins / (upper - lower);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("histogram: value " + i + " is NaN");
            }
            if (v < lower) {
                below++;
            } else if (v > upper) {
                above++;
            } else {
                counts[Math.min(bins - 1, (int) ((v - lower) * scale))]++;
            }
        }
        return new Histogram(lower, upper, counts, below, above, values.length);
    }

    /** A histogram of other values on the same bins as this one. */
    public Histogram sameBins(double[] values) {
        return of(values, lower, upper, counts.length);
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** The bins + 1 edges e_0 = lower, …, e_bins = upper, in units of the values. */
    public double[] edges() {
        int bins = counts.length;
        double[] edges = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            edges[k] = lower + k * (upper - lower) / bins;
        }
        edges[bins] = upper;
        return edges;
    }

    /** The bin centres, in units of the values. */
    public double[] centres() {
        double[] edges = edges();
        double[] centres = new double[counts.length];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = 0.5 * (edges[k] + edges[k + 1]);
        }
        return centres;
    }

    /** The number of values in each bin (a copy). */
    public int[] counts() {
        return counts.clone();
    }

    /**
     * count_k / (total · width), in units of 1/(unit of the values); all zero for an empty
     * histogram.
     */
    public double[] density() {
        double[] density = new double[counts.length];
        if (total > 0) {
            double norm = counts.length / ((upper - lower) * total);
            for (int k = 0; k < counts.length; k++) {
                density[k] = counts[k] * norm;
            }
        }
        return density;
    }

    /** Values below the lower edge. */
    public int below() {
        return below;
    }

    /** Values above the upper edge. */
    public int above() {
        return above;
    }

    /** All values counted, in range or not. */
    public int total() {
        return total;
    }

    @Override
    public String toString() {
        return "Histogram[" + counts.length + " bins on [" + lower + ", " + upper + "], "
                + total + " values, " + below + " below, " + above + " above]";
    }
}
