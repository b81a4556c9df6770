package io.github.targetscore.cli;

import java.util.Map;

/**
 * What {@code sample} records in {@code summary.json}: the run's inputs and the sample moments.
 *
 * @param energy the energy family or preset name
 * @param parameters the complete parameters the model was created from
 * @param seed the master seed; sample i comes from random stream i
 * @param samples number of samples n
 * @param dimension coordinates per sample d
 * @param mean per-coordinate sample mean
 * @param variance per-coordinate sample variance (denominator n − 1)
 * @param meanEnergy sample mean of U
 * @param meanEnergyStandardError standard error of {@code meanEnergy}: sd(U)/√n (independent
 *     samples)
 * @param logZ log Z = log ∫ exp(−U) dx when known in closed form, otherwise {@code null}
 * @param wallTimeSeconds time spent drawing the samples and evaluating their energies
 * @param targetscoreVersion the version of the tool that wrote the file
 */
record SampleSummary(String energy, Map<String, Object> parameters, long seed, int samples,
        int dimension, double[] mean, double[] variance, double meanEnergy,
        double meanEnergyStandardError, Double logZ, double wallTimeSeconds,
        String targetscoreVersion) {

    /**
     * Per-column sample mean and variance (denominator n − 1) of a row-major batch, computed
     * sequentially in row order (Welford's update), so they do not depend on the thread count.
     *
     * @param values row-major, {@code rows × columns}
     * @param rows n ≥ 2
     * @param columns row width
     * @return {@code {mean, variance}}, each of length {@code columns}
     */
    static double[][] moments(double[] values, int rows, int columns) {
        double[] mean = new double[columns];
        double[] squares = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double delta = values[i * columns + j] - mean[j];
                mean[j] += delta / (i + 1);
                squares[j] += delta * (values[i * columns + j] - mean[j]);
            }
        }
        for (int j = 0; j < columns; j++) {
            squares[j] /= rows - 1;
        }
        return new double[][] {mean, squares};
    }
}
