package io.github.targetscore.training.model;

import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.samplers.diffusion.ScoreFunction;
import io.github.targetscore.training.ArrayBridge;
import io.github.targetscore.training.network.ScoreNetwork;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A score model s_θ(y, t) = c_out F_θ(c_in y, t) + c_skip y + b(y, t): a {@link ScoreNetwork}
 * with a {@link Parameterisation} under a {@link NoiseSchedule}. It is the boundary between the
 * samplers' double batches and the network's ND4J arrays: one conversion each way per batch.
 *
 * <p>{@link #lossAndGradient} is the regression step of every TSM-family loss (MATH §3): with
 * targets L_i from an identity's integrand (DSM, TSM, κ, κ̄) or a Monte Carlo estimate (iDEM), it
 * returns ℓ = (1/B) Σ_i λ_i ‖s_θ(y_i, t_i) − L_i‖² and adds ∂ℓ/∂θ to the network's gradient
 * vector, through ∂ℓ/∂F_i = (2/B) λ_i c_out(t_i) (s_i − L_i).
 *
 * <p>As a {@link ScoreFunction} it drives reverse-diffusion sampling. Not thread-safe (the
 * network keeps its activations): one model per thread.
 */
public final class ScoreModel implements ScoreFunction {

    private final ScoreNetwork network;
    private final Parameterisation parameterisation;
    private final NoiseSchedule schedule;
    private final int dimension;
    private final double[] point;
    private final double[] score;

    private ScoreModel(ScoreNetwork network, Parameterisation parameterisation,
            NoiseSchedule schedule) {
        this.network = Objects.requireNonNull(network, "network");
        this.parameterisation = Objects.requireNonNull(parameterisation, "parameterisation");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.dimension = network.dimension();
        this.point = new double[dimension];
        this.score = new double[dimension];
    }

    /** The model of {@code network} under {@code parameterisation} and {@code schedule}. */
    public static ScoreModel of(ScoreNetwork network, Parameterisation parameterisation,
            NoiseSchedule schedule) {
        return new ScoreModel(network, parameterisation, schedule);
    }

    /** The network F_θ. */
    public ScoreNetwork network() {
        return network;
    }

    /** The parameterisation. */
    public Parameterisation parameterisation() {
        return parameterisation;
    }

    /** The noise schedule giving (α_t, σ_t). */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** Dimension d of y and of the score. */
    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * Evaluates s_θ(y_i, t_i) for rows {@code start .. start + count − 1}.
     *
     * @param points y, row-major with width d
     * @param times t_i for the same rows (indexed from {@code start})
     * @param out scores, rows {@code start ..} overwritten
     */
    public void score(double[] points, double[] times, int start, int count, double[] out) {
        if (out.length < (start + count) * dimension) {
            throw new IllegalArgumentException("out holds " + out.length / dimension
                    + " rows, needs " + (start + count));
        }
        evaluate(points, times, start, count, out, null);
    }

    /** s_θ(y_i, t) for rows sharing one time t (the reverse-diffusion sampler's call). */
    @Override
    public void score(double[] ys, int start, int count, double t, double[] out) {
        double[] times = new double[start + count];
        Arrays.fill(times, start, start + count, t);
        score(ys, times, start, count, out);
    }

    /**
     * The weighted regression loss of a batch and its parameter gradient (added to the
     * network's gradient vector; zero it first for a fresh step). Fills the batch's per-row
     * losses.
     *
     * @return ℓ = (1/B) Σ_i λ_i ‖s_θ(y_i, t_i) − L_i‖²
     */
    public double lossAndGradient(RegressionBatch batch) {
        if (batch.dimension() != dimension) {
            throw new IllegalArgumentException("batch rows have width " + batch.dimension()
                    + ", the model's dimension is " + dimension);
        }
        int rows = batch.size();
        double[] scores = new double[rows * dimension];
        double[] outputScales = new double[rows];
        evaluate(batch.points(), batch.times(), 0, rows, scores, outputScales);
        double[] targets = batch.targets();
        double[] weights = batch.weights();
        double[] rowLosses = batch.rowLosses();
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double squared = 0;
            double factor = 2 * weights[i] * outputScales[i] / rows;
            for (int j = i * dimension; j < (i + 1) * dimension; j++) {
                double residual = scores[j] - targets[j];
                squared += residual * residual;
                scores[j] = factor * residual; // now ∂ℓ/∂F
            }
            rowLosses[i] = weights[i] * squared;
            total += rowLosses[i];
        }
        if (!Double.isFinite(total)) {
            throw new ArithmeticException("non-finite regression loss " + total
                    + " (check targets and weights)");
        }
        DataType type = network.parameters().dataType();
        network.backward(ArrayBridge.toMatrix(scores, 0, rows, dimension, type));
        return total / rows;
    }

    /** s_θ for rows of {@code points}; records c_out per row when {@code outputScales} given. */
    private void evaluate(double[] points, double[] times, int start, int count, double[] out,
            double[] outputScales) {
        int d = dimension;
        double[] inputs = new double[count * d];
        double[] columnTimes = new double[count];
        double[] outScales = outputScales != null ? outputScales : new double[count];
        double[] skipScales = new double[count];
        for (int i = 0; i < count; i++) {
            double t = NoiseSchedule.checkTime(times[start + i]);
            double alpha = schedule.alpha(t);
            double sigma = schedule.sigma(t);
            double cIn = parameterisation.inputScale(alpha, sigma);
            outScales[i] = parameterisation.outputScale(alpha, sigma);
            skipScales[i] = parameterisation.skipScale(alpha, sigma);
            columnTimes[i] = t;
            int row = (start + i) * d;
            for (int j = 0; j < d; j++) {
                double y = points[row + j];
                if (!Double.isFinite(y)) {
                    throw new IllegalArgumentException("non-finite coordinate " + y + " at row "
                            + (start + i) + ", column " + j);
                }
                inputs[i * d + j] = cIn * y;
            }
        }
        DataType type = network.parameters().dataType();
        INDArray output = network.forward(ArrayBridge.toMatrix(inputs, 0, count, d, type),
                ArrayBridge.toMatrix(columnTimes, 0, count, 1, type));
        ArrayBridge.copyRows(output, inputs, 0); // inputs now hold F
        for (int i = 0; i < count; i++) {
            int row = (start + i) * d;
            for (int j = 0; j < d; j++) {
                out[row + j] = outScales[i] * inputs[i * d + j] + skipScales[i] * points[row + j];
            }
            if (parameterisation.hasBase()) {
                double t = columnTimes[i];
                parameterisation.addBase(points, row, schedule.alpha(t), schedule.sigma(t), out,
                        row, point, score);
            }
        }
    }
}
