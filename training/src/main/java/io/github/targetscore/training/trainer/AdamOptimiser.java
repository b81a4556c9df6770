package io.github.targetscore.training.trainer;

import io.github.targetscore.training.network.FlatParameters;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam on a network's flat parameter vector, with global gradient-norm clipping and an
 * exponential moving average (EMA) of the weights. Step k = 1, 2, …:
 * g ← g · min(1, c/‖g‖₂) (clipping), m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η(k) m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵏ), v̂ = v/(1−β₂ᵏ) (ε added to √v̂, as in PyTorch),
 * then θ_EMA ← δ θ_EMA + (1 − δ) θ.
 *
 * <p>The update is one fused Java loop over heap copies of g and θ ({@link FlatParameters}'
 * host copies): the JIT vectorises it, where ND4J's fused Adam op runs scalar at several
 * nanoseconds a parameter (a fifth of a training step of the 256-wide MLP). The moments m, v
 * are kept in double precision on the heap; the step, the moments and the EMA are all the
 * state, so a {@link TrainingCheckpoint} restores it exactly.
 */
public final class AdamOptimiser {

    private final FlatParameters parameters;
    private final LearningRateSchedule schedule;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double clipNorm;
    private final double emaDecay;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private final double[] gradient;
    private final double[] values;
    private final INDArray average;
    private long step;

    private AdamOptimiser(Builder b) {
        this.parameters = b.parameters;
        this.schedule = b.schedule;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.clipNorm = b.clipNorm;
        this.emaDecay = b.emaDecay;
        int n = Math.toIntExact(parameters.size());
        this.firstMoment = new double[n];
        this.secondMoment = new double[n];
        this.gradient = new double[n];
        this.values = new double[n];
        // with δ = 0 the average is θ itself: no copy to keep up at every step
        this.average = emaDecay > 0 ? parameters.values().dup() : parameters.values();
    }

    /** Starts a builder for the parameters of a network. */
    public static Builder builder(FlatParameters parameters) {
        return new Builder(parameters);
    }

    /** Steps taken so far. */
    public long step() {
        return step;
    }

    /** The learning rate of the next step. */
    public double learningRate() {
        return schedule.rate(step);
    }

    /** The EMA decay δ (0: no averaging). */
    public double emaDecay() {
        return emaDecay;
    }

    /** The weight average θ_EMA (a live array; with δ = 0 the parameter values themselves). */
    public INDArray averagedValues() {
        return average;
    }

    /** Adam's moment estimates (m, v) in one flat double array of length 2n (a copy). */
    INDArray state() {
        int n = firstMoment.length;
        double[] both = java.util.Arrays.copyOf(firstMoment, 2 * n);
        System.arraycopy(secondMoment, 0, both, n, n);
        return Nd4j.createFromArray(both);
    }

    void restore(long step, INDArray state, INDArray average) {
        int n = firstMoment.length;
        if (state.length() != 2L * n) {
            throw new IllegalArgumentException("Adam state of " + state.length()
                    + " values for " + n + " parameters (expected " + 2L * n + ")");
        }
        double[] both = state.castTo(DataType.DOUBLE).toDoubleVector();
        System.arraycopy(both, 0, firstMoment, 0, n);
        System.arraycopy(both, n, secondMoment, 0, n);
        this.step = step;
        this.average.assign(average);
    }

    /**
     * Applies one update from the accumulated gradients and advances the step.
     *
     * @return the gradient norm ‖g‖₂ before clipping
     * @throws ArithmeticException if the gradient is not finite (parameters are left untouched)
     */
    public double apply() {
        parameters.readGradients(gradient);
        double norm = norm2(gradient);
        if (!Double.isFinite(norm)) {
            throw new ArithmeticException("non-finite gradient norm " + norm + " at step " + step);
        }
        double scale = norm > clipNorm ? clipNorm / norm : 1;
        long k = step + 1;
        double stepSize = schedule.rate(step) / (1 - Math.pow(beta1, k));
        double rootCorrection = 1 / Math.sqrt(1 - Math.pow(beta2, k)); // √v̂ = √v · this
        double[] m = firstMoment;
        double[] v = secondMoment;
        double[] theta = values;
        double[] g = gradient;
        parameters.readValues(theta);
        for (int i = 0; i < theta.length; i++) {
            double gi = scale * g[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) * rootCorrection + epsilon);
        }
        parameters.writeValues(theta);
        if (emaDecay > 0) {
            average.muli(emaDecay);
            Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - emaDecay,
                    parameters.values(), average);
        }
        step++;
        return norm;
    }

    /** ‖x‖₂, with four partial sums (independent chains the CPU can overlap). */
    private static double norm2(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < x.length; i += 4) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
        }
        for (; i < x.length; i++) {
            s0 += x[i] * x[i];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    /** Configures Adam; defaults: η = 1e−3, β = (0.9, 0.999), ε = 1e−8, no clipping, no EMA. */
    public static final class Builder {
        private final FlatParameters parameters;
        private LearningRateSchedule schedule = LearningRateSchedule.constant(1e-3);
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double clipNorm = Double.POSITIVE_INFINITY;
        private double emaDecay;

        private Builder(FlatParameters parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
        }

        /** The learning-rate schedule. */
        public Builder learningRate(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** Adam's decay rates β₁, β₂ ∈ [0, 1) and ε &gt; 0. */
        public Builder moments(double beta1, double beta2, double epsilon) {
            if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
                throw new IllegalArgumentException("need β1, β2 in [0, 1) and ε > 0, got "
                        + beta1 + ", " + beta2 + ", " + epsilon);
            }
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            return this;
        }

        /** Caps the global gradient norm at {@code maxNorm} &gt; 0 (+∞: off). */
        public Builder gradientClipping(double maxNorm) {
            if (!(maxNorm > 0)) {
                throw new IllegalArgumentException("gradient clipping norm must be > 0, got "
                        + maxNorm);
            }
            this.clipNorm = maxNorm;
            return this;
        }

        /** EMA decay δ ∈ [0, 1) (0: off). */
        public Builder emaDecay(double decay) {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
            }
            this.emaDecay = decay;
            return this;
        }

        /** The optimiser (moments zero, average = current parameters, step 0). */
        public AdamOptimiser build() {
            return new AdamOptimiser(this);
        }
    }
}
