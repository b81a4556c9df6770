package io.github.targetscore.training.trainer;

import io.github.targetscore.training.network.FlatParameters;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adam on a network's flat parameter vector, with global gradient-norm clipping and an
 * exponential moving average (EMA) of the weights. One step:
 * g ← g · min(1, c/‖g‖₂) (clipping), then ND4J's fused Adam update
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η(k) m̂/(√v̂ + ε) with bias-corrected m̂, v̂,
 * then θ_EMA ← δ θ_EMA + (1 − δ) θ. All state (Adam moments, EMA, step) is in flat arrays, so a
 * {@link TrainingCheckpoint} restores it exactly.
 */
public final class AdamOptimiser {

    private final FlatParameters parameters;
    private final LearningRateSchedule schedule;
    private final double clipNorm;
    private final double emaDecay;
    private final INDArray state;
    private final INDArray average;
    private final GradientUpdater<?> updater;
    private long step;

    private AdamOptimiser(Builder b) {
        this.parameters = b.parameters;
        this.schedule = b.schedule;
        this.clipNorm = b.clipNorm;
        this.emaDecay = b.emaDecay;
        Adam adam = Adam.builder().learningRateSchedule(new RateAdapter(schedule)).beta1(b.beta1)
                .beta2(b.beta2).epsilon(b.epsilon).build();
        long n = parameters.size();
        this.state = Nd4j.zeros(parameters.dataType(), adam.stateSize(n));
        this.updater = adam.instantiate(state, true);
        updater.setStateViewArray(state, new long[] {n}, 'c', true);
        this.average = parameters.values().dup();
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

    /** The weight average θ_EMA (a live array; equals θ when δ = 0). */
    public INDArray averagedValues() {
        return average;
    }

    /** Adam's moment estimates (m, v) in one flat array (live, for checkpoints). */
    INDArray state() {
        return state;
    }

    void restore(long step, INDArray state, INDArray average) {
        this.step = step;
        this.state.assign(state);
        this.average.assign(average);
    }

    /**
     * Applies one update from the accumulated gradients (which it consumes) and advances the
     * step.
     *
     * @return the gradient norm ‖g‖₂ before clipping
     * @throws ArithmeticException if the gradient is not finite (parameters are left untouched)
     */
    public double apply() {
        INDArray g = parameters.gradients();
        double norm = g.norm2Number().doubleValue();
        if (!Double.isFinite(norm)) {
            throw new ArithmeticException("non-finite gradient norm " + norm + " at step " + step);
        }
        if (norm > clipNorm) {
            g.muli(clipNorm / norm);
        }
        updater.applyUpdater(g, Math.toIntExact(step), 0);
        parameters.values().subi(g);
        if (emaDecay > 0) {
            average.muli(emaDecay);
            Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - emaDecay,
                    parameters.values(), average);
        } else {
            average.assign(parameters.values());
        }
        step++;
        return norm;
    }

    /** Adapts a {@link LearningRateSchedule} to ND4J's schedule interface. */
    private record RateAdapter(LearningRateSchedule schedule) implements ISchedule {
        @Override
        public double valueAt(int iteration, int epoch) {
            return schedule.rate(iteration);
        }

        @Override
        public ISchedule clone() {
            return this;
        }
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
