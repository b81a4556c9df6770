package io.github.targetscore.training.model;

import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.samplers.diffusion.ScoreFunction;
import io.github.targetscore.training.ArrayBridge;
import io.github.targetscore.training.HostCopy;
import io.github.targetscore.training.network.ScoreNetwork;
import io.github.targetscore.training.network.TangentNetwork;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A score model s_θ(y, t) = c_out F_θ(c_in y, t) + c_skip y + b(y, t): a {@link ScoreNetwork}
 * with a {@link Parameterisation} under a {@link NoiseSchedule}. It is the boundary between the
 * samplers' double batches and the network's ND4J arrays: one conversion each way per batch.
 * Points y have the network's input dimension d and scores its output dimension d_T (a tangent
 * vector: equal on flat spaces; 9n and 3n on SO(3)^n, where y is not a tangent vector, so a
 * parameterisation with a skip connection c_skip y is refused there).
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
    private final int tangentDimension;
    private final double[] point;
    private final double[] score;
    // per-batch scratch, grown to the largest batch seen (a model serves one thread)
    private final HostCopy host = new HostCopy();
    private Prepared scratch = new Prepared(0, 0, 0);
    private double[] networkOutputs = new double[0];
    private double[] batchScores = new double[0];
    private INDArray outputGradient;

    private ScoreModel(ScoreNetwork network, Parameterisation parameterisation,
            NoiseSchedule schedule) {
        this.network = Objects.requireNonNull(network, "network");
        this.parameterisation = Objects.requireNonNull(parameterisation, "parameterisation");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.dimension = network.inputDimension();
        this.tangentDimension = network.outputDimension();
        this.point = new double[dimension];
        this.score = new double[tangentDimension];
    }

    /**
     * The model of {@code network} under {@code parameterisation} and {@code schedule}.
     *
     * @throws IllegalArgumentException if the network's input and output dimensions differ
     *     (a curved space) and the parameterisation has a skip connection
     */
    public static ScoreModel of(ScoreNetwork network, Parameterisation parameterisation,
            NoiseSchedule schedule) {
        if (network.inputDimension() != network.outputDimension()
                && parameterisation.hasSkip()) {
            throw new IllegalArgumentException("parameterisation " + parameterisation + " adds"
                    + " c_skip·y to the score, but points (" + network.inputDimension()
                    + " coordinates) are not tangent vectors (" + network.outputDimension()
                    + " components) here: use plain or a target-score parameterisation");
        }
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

    /** Dimension d of y (the network's input). */
    @Override
    public int dimension() {
        return dimension;
    }

    /** Dimension d_T of the score, a tangent vector (the network's output). */
    @Override
    public int tangentDimension() {
        return tangentDimension;
    }

    /**
     * Evaluates s_θ(y_i, t_i) for rows {@code start .. start + count − 1}.
     *
     * @param points y, row-major with width d
     * @param times t_i for the same rows (indexed from {@code start})
     * @param out scores, row-major with width d_T, rows {@code start ..} overwritten
     */
    public void score(double[] points, double[] times, int start, int count, double[] out) {
        if (out.length < (start + count) * tangentDimension) {
            throw new IllegalArgumentException("out holds " + out.length / tangentDimension
                    + " rows, needs " + (start + count));
        }
        Prepared prepared = prepare(points, times, start, count);
        INDArray output = network.forward(prepared.inputs, prepared.rowTimes, 0, count);
        combine(prepared, output, points, start, out);
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
        checkWidth(batch);
        int rows = batch.size();
        Prepared prepared = prepare(batch.points(), batch.times(), 0, rows);
        int dt = tangentDimension;
        if (batchScores.length < rows * dt) {
            batchScores = new double[rows * dt];
        }
        double[] scores = batchScores;
        combine(prepared, network.forward(prepared.inputs, prepared.rowTimes, 0, rows),
                batch.points(), 0, scores);
        double[] targets = batch.targets();
        double[] weights = batch.weights();
        double[] rowLosses = batch.rowLosses();
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double squared = 0;
            double factor = 2 * weights[i] * prepared.outputScales[i] / rows;
            for (int j = i * dt; j < (i + 1) * dt; j++) {
                double residual = scores[j] - targets[j];
                squared += residual * residual;
                scores[j] = factor * residual; // now ∂ℓ/∂F
            }
            rowLosses[i] = weights[i] * squared;
            total += rowLosses[i];
        }
        checkFinite(total);
        if (outputGradient == null || outputGradient.rows() != rows) {
            outputGradient = Nd4j.create(network.parameters().dataType(), rows, dt);
        }
        host.write(scores, outputGradient);
        network.backward(outputGradient);
        return total / rows;
    }

    /**
     * Implicit score matching (Hyvärinen; seed {@code 002_*}): the loss
     * J = (1/B) Σ_i λ_i [½‖s_θ(y_i)‖² + ∇·s_θ(y_i)], which needs no clean samples or targets,
     * and its parameter gradient. With s = c_out F(c_in y) + c_skip y the divergence is
     * c_out c_in tr J_F + c_skip d, and tr J_F is estimated by Σ_p v_pᵀ J_F v_p over the probe
     * directions: the d unit vectors give it exactly, P Rademacher vectors scaled by 1/√P give
     * Hutchinson's unbiased estimate. Fills the batch's per-row losses; the targets are unused.
     *
     * @param probes P arrays of [size × d] row-major directions, one per probe (with
     *     Σ_p E[v_p v_pᵀ] = I per row)
     * @return J
     * @throws IllegalStateException if the network carries no tangents, the
     *     parameterisation has a base score (its divergence would need the energy's Hessian) or
     *     points are not tangent vectors (the divergence on a curved space is not tr J_F)
     */
    public double implicitLossAndGradient(RegressionBatch batch, double[][] probes) {
        checkWidth(batch);
        if (!(network instanceof TangentNetwork)) {
            throw new IllegalStateException("implicit score matching needs a network that "
                    + "carries tangents; " + network.getClass().getSimpleName() + " does not");
        }
        if (parameterisation.hasBase()) {
            throw new IllegalStateException("implicit score matching with the target-score "
                    + "parameterisation would need the energy's Hessian");
        }
        if (dimension != tangentDimension) {
            throw new IllegalStateException("implicit score matching takes the divergence as"
                    + " tr J_F, which needs points that are tangent vectors; here points have "
                    + dimension + " coordinates and scores " + tangentDimension + " components");
        }
        if (probes.length == 0) {
            throw new IllegalArgumentException("need at least one probe direction");
        }
        TangentNetwork tangentNetwork = (TangentNetwork) network;
        int rows = batch.size();
        int d = dimension;
        Prepared prepared = prepare(batch.points(), batch.times(), 0, rows);
        INDArray inputs = matrix(prepared.inputs, rows, d);
        INDArray times = matrix(prepared.rowTimes, rows, 1);
        double[] weights = batch.weights();
        double[] divergence = new double[rows];
        double[] scores = new double[rows * d];
        double[] scoreGradient = new double[rows * d];
        double[] tangentGradient = new double[rows * d];
        for (int p = 0; p < probes.length; p++) {
            double[] v = probes[p];
            if (v.length < rows * d) {
                throw new IllegalArgumentException("probe " + p + " holds " + v.length
                        + " values, needs " + rows * d);
            }
            INDArray jvp = tangentNetwork.forwardWithTangent(inputs, times, matrix(v, rows, d));
            double[] directional = new double[rows * d];
            ArrayBridge.copyRows(jvp, directional, 0);
            if (p == 0) {
                combine(prepared, tangentNetwork.lastOutput(), batch.points(), 0, scores);
            }
            for (int i = 0; i < rows; i++) {
                double scale = prepared.outputScales[i] * prepared.inputScales[i];
                double quadratic = 0;
                for (int j = i * d; j < (i + 1) * d; j++) {
                    quadratic += v[j] * directional[j];
                    tangentGradient[j] = weights[i] * scale * v[j] / rows;
                    scoreGradient[j] = p == 0
                            ? weights[i] * prepared.outputScales[i] * scores[j] / rows : 0;
                }
                divergence[i] += scale * quadratic;
            }
            tangentNetwork.backwardWithTangent(matrix(scoreGradient, rows, d),
                    matrix(tangentGradient, rows, d));
        }
        double total = 0;
        double[] rowLosses = batch.rowLosses();
        for (int i = 0; i < rows; i++) {
            double squared = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                squared += scores[j] * scores[j];
            }
            rowLosses[i] = weights[i] * (0.5 * squared + divergence[i]
                    + prepared.skipScales[i] * d);
            total += rowLosses[i];
        }
        checkFinite(total);
        return total / rows;
    }

    private void checkWidth(RegressionBatch batch) {
        if (batch.dimension() != dimension || batch.tangentDimension() != tangentDimension) {
            throw new IllegalArgumentException("batch rows have width " + batch.dimension()
                    + " (points) and " + batch.tangentDimension() + " (targets), the model's "
                    + dimension + " and " + tangentDimension);
        }
    }

    private static void checkFinite(double total) {
        if (!Double.isFinite(total)) {
            throw new ArithmeticException("non-finite score-matching loss " + total
                    + " (check targets and weights)");
        }
    }

    private INDArray matrix(double[] rows, int count, int width) {
        return ArrayBridge.toMatrix(rows, 0, count, width, network.parameters().dataType());
    }

    /**
     * A batch's network inputs c_in·y (row-major) and times, with each row's coefficients, in
     * arrays of at least {@code count} rows (the model's scratch, reused by the next batch).
     */
    private record Prepared(int count, double[] inputs, double[] inputScales,
            double[] outputScales, double[] skipScales, double[] rowTimes) {
        Prepared(int count, int capacity, int d) {
            this(count, new double[capacity * d], new double[capacity], new double[capacity],
                    new double[capacity], new double[capacity]);
        }
    }

    private Prepared prepare(double[] points, double[] times, int start, int count) {
        int d = dimension;
        if (scratch.rowTimes.length < count) {
            scratch = new Prepared(count, count, d);
        }
        Prepared prepared = new Prepared(count, scratch.inputs, scratch.inputScales,
                scratch.outputScales, scratch.skipScales, scratch.rowTimes);
        double[] inputs = prepared.inputs;
        double[] rowTimes = prepared.rowTimes;
        double[] inScales = prepared.inputScales;
        double[] outScales = prepared.outputScales;
        double[] skipScales = prepared.skipScales;
        for (int i = 0; i < count; i++) {
            double t = NoiseSchedule.checkTime(times[start + i]);
            double alpha = schedule.alpha(t);
            double sigma = schedule.sigma(t);
            inScales[i] = parameterisation.inputScale(alpha, sigma);
            outScales[i] = parameterisation.outputScale(alpha, sigma);
            skipScales[i] = parameterisation.skipScale(alpha, sigma);
            rowTimes[i] = t;
            int row = (start + i) * d;
            for (int j = 0; j < d; j++) {
                double y = points[row + j];
                if (!Double.isFinite(y)) {
                    throw new IllegalArgumentException("non-finite coordinate " + y + " at row "
                            + (start + i) + ", column " + j);
                }
                inputs[i * d + j] = inScales[i] * y;
            }
        }
        return prepared;
    }

    /**
     * s = c_out F + c_skip y + b(y) for the prepared rows, into rows {@code start ..} of out
     * (c_skip y only where points are tangent vectors; {@link #of} refuses a skip elsewhere).
     */
    private void combine(Prepared prepared, INDArray output, double[] points, int start,
            double[] out) {
        int d = dimension;
        int dt = tangentDimension;
        boolean flat = d == dt;
        int count = prepared.count;
        if (networkOutputs.length < count * dt) {
            networkOutputs = new double[count * dt];
        }
        double[] f = networkOutputs;
        host.read(output, f); // [count, d_T] by the network's contract
        for (int i = 0; i < count; i++) {
            int row = (start + i) * d;
            int tangentRow = (start + i) * dt;
            for (int j = 0; j < dt; j++) {
                double skip = flat ? prepared.skipScales[i] * points[row + j] : 0;
                out[tangentRow + j] = prepared.outputScales[i] * f[i * dt + j] + skip;
            }
            if (parameterisation.hasBase()) {
                double t = prepared.rowTimes[i];
                parameterisation.addBase(points, row, schedule.alpha(t), schedule.sigma(t), out,
                        tangentRow, point, score);
            }
        }
    }
}
