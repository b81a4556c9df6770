package io.github.targetscore.cli;

import io.github.targetscore.training.model.RegressionBatch;
import java.util.Arrays;

/** Accumulates per-row losses into equal-width bins of t. */
final class TimeBins {

    private final double min;
    private final double width;
    private final double[] sums;
    private final long[] counts;

    TimeBins(int count, double min, double max) {
        if (count < 1) {
            throw new IllegalArgumentException("evaluation.timeBins: must be >= 1, got " + count);
        }
        this.min = min;
        this.width = (max - min) / count;
        this.sums = new double[count];
        this.counts = new long[count];
    }

    int count() {
        return sums.length;
    }

    double centre(int bin) {
        return min + (bin + 0.5) * width;
    }

    double[] centres() {
        double[] c = new double[sums.length];
        for (int b = 0; b < c.length; b++) {
            c[b] = centre(b);
        }
        return c;
    }

    void add(RegressionBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            int bin = (int) Math.min(sums.length - 1, Math.max(0,
                    Math.floor((batch.times()[i] - min) / width)));
            sums[bin] += batch.rowLosses()[i] / Math.max(batch.weights()[i], Double.MIN_VALUE);
            counts[bin]++;
        }
    }

    double[] means() {
        double[] m = new double[sums.length];
        for (int b = 0; b < m.length; b++) {
            m[b] = counts[b] > 0 ? sums[b] / counts[b] : Double.NaN;
        }
        return m;
    }

    void clear() {
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
    }
}
