package io.github.targetscore.samplers.metrics;

/**
 * A histogram of energies on equal-width bins, for plotting generated against reference energy
 * distributions.
 *
 * <p>Bin k covers [e_k, e_{k+1}) with e_k = lower + k·(upper − lower)/bins; the last bin also
 * holds upper. Values below lower (−∞ included) and above upper (+∞ included, as for coincident
 * particles without softening) are counted apart, and the density is normalised by the total
 * count: density_k = count_k / (total · width), in units of 1/energy, so that it integrates to the
 * fraction of values inside the range and two histograms of different sizes on the same bins
 * ({@link #sameBins}) can be drawn on one plot. Immutable.
 */
public final class EnergyHistogram {

    private final double lower;
    private final double upper;
    private final int[] counts;
    private final int below;
    private final int above;
    private final int total;

    private EnergyHistogram(double lower, double upper, int[] counts, int below, int above,
            int total) {
        this.lower = lower;
        this.upper = upper;
        this.counts = counts;
        this.below = below;
        this.above = above;
        this.total = total;
    }

    /**
     * A histogram over the range of the finite energies, [min, max] (or [e − ½, e + ½] when
     * they are all equal to e).
     *
     * @param energies at least one finite value, none NaN
     * @param bins number of bins, ≥ 1
     */
    public static EnergyHistogram of(double[] energies, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double e : energies) {
            if (Double.isFinite(e)) {
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("energy histogram: no finite energy among "
                    + energies.length + " values");
        }
        return min < max ? of(energies, min, max, bins) : of(energies, min - 0.5, min + 0.5, bins);
    }

    /**
     * A histogram over [lower, upper].
     *
     * @param energies values, none NaN; infinite ones count below or above the range
     * @param lower finite lower edge
     * @param upper finite upper edge, &gt; lower
     * @param bins number of bins, ≥ 1
     * @throws IllegalArgumentException if the range or bin count is invalid or an energy is NaN
     *     (naming its index)
     */
    public static EnergyHistogram of(double[] energies, double lower, double upper, int bins) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("energy histogram: range [" + lower + ", " + upper
                    + "] must be finite with lower < upper");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("energy histogram: bins must be >= 1, got " + bins);
        }
        int[] counts = new int[bins];
        int below = 0;
        int above = 0;
        double scale = bins / (upper - lower);
        for (int i = 0; i < energies.length; i++) {
            double e = energies[i];
            if (Double.isNaN(e)) {
                throw new IllegalArgumentException("energy histogram: energy " + i + " is NaN");
            }
            if (e < lower) {
                below++;
            } else if (e > upper) {
                above++;
            } else {
                counts[Math.min(bins - 1, (int) ((e - lower) * scale))]++;
            }
        }
        return new EnergyHistogram(lower, upper, counts, below, above, energies.length);
    }

    /** A histogram of other energies on the same bins as this one. */
    public EnergyHistogram sameBins(double[] energies) {
        return of(energies, lower, upper, counts.length);
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** The bins + 1 edges e_0 = lower, …, e_bins = upper, in units of energy. */
    public double[] edges() {
        int bins = counts.length;
        double[] edges = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            edges[k] = lower + k * (upper - lower) / bins;
        }
        edges[bins] = upper;
        return edges;
    }

    /** The bin centres, in units of energy. */
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

    /** count_k / (total · width), in units of 1/energy; all zero for an empty histogram. */
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
        return "EnergyHistogram[" + counts.length + " bins on [" + lower + ", " + upper + "], "
                + total + " values, " + below + " below, " + above + " above]";
    }
}
