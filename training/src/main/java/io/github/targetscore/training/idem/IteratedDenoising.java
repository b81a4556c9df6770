package io.github.targetscore.training.idem;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.loss.Weighting;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.diffusion.ReverseDiffusion;
import io.github.targetscore.samplers.diffusion.ScoreFunction;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import io.github.targetscore.training.model.ScoreModel;
import io.github.targetscore.training.trainer.AdamOptimiser;
import io.github.targetscore.training.trainer.Trainer;
import io.github.targetscore.training.trainer.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * The iDEM loop (MATH §4). Epoch e:
 * <ol>
 * <li>draws N samples from the reverse diffusion driven by the current score model (with the
 *     optimiser's weight average when one is kept), sample i from stream i of generation family
 *     e, and appends them to the {@link ReplayBuffer};</li>
 * <li>takes M optimisation steps of weighted regression onto Monte Carlo score estimates at
 *     noised buffer points ({@link EstimatedScoreBatches}).</li>
 * </ol>
 * Everything random derives from the master seed and the epoch or step index, and the state
 * that changes (network, optimiser, buffer, epoch records) is what {@link IdemCheckpoint} saves,
 * so a run resumed from a checkpoint ends exactly as an uninterrupted one. The first epoch
 * samples from the untrained network, i.e. from roughly the prior of the reverse diffusion.
 */
public final class IteratedDenoising {

    private static final long GENERATION_STREAMS = 2;

    private final ScoreModel model;
    private final ScoreFunction generator;
    private final ReverseDiffusion diffusion;
    private final ReplayBuffer buffer;
    private final EstimatedScoreBatches batches;
    private final Trainer trainer;
    private final int samplesPerEpoch;
    private final int innerSteps;
    private final RandomStreams generation;
    private final LongSupplier modelEvaluationCounter;
    private final ForkJoinPool pool;
    private final List<EpochRecord> records = new ArrayList<>();

    private IteratedDenoising(Builder b) {
        this.model = b.model;
        if (b.generationClipping.isActive()
                && b.generationClipping.dimension() != model.tangentDimension()) {
            throw new IllegalArgumentException("generation clipping of "
                    + b.generationClipping.dimension() + "-vectors for scores of "
                    + model.tangentDimension() + " components");
        }
        this.generator = b.generationClipping.isActive()
                ? ScoreFunction.clipped(model, b.generationClipping, model.schedule())
                : model;
        this.diffusion = b.diffusion;
        this.buffer = ReplayBuffer.withCapacity(model.dimension(), b.bufferCapacity);
        this.batches = EstimatedScoreBatches.builder(buffer, b.estimator, model.schedule())
                .times(b.minTime, b.maxTime).weighting(b.weighting).seed(b.seed).pool(b.pool)
                .build();
        this.trainer = Trainer.of(model, batches, b.optimiser, b.batchSize);
        this.samplesPerEpoch = b.samplesPerEpoch;
        this.innerSteps = b.innerSteps;
        this.generation = RandomStreams.of(b.seed).family(GENERATION_STREAMS);
        this.modelEvaluationCounter = b.modelEvaluationCounter;
        this.pool = b.pool;
    }

    /**
     * Starts a builder.
     *
     * @param model the score model to train (its schedule is the loop's noise schedule)
     * @param estimator the Monte Carlo estimator of the regression targets, a single identity
     *     (with its clipping)
     * @param diffusion the reverse diffusion that generates samples, on the model's schedule
     * @param optimiser Adam on the model's parameters
     */
    public static Builder builder(ScoreModel model, ScoreEstimator estimator,
            ReverseDiffusion diffusion, AdamOptimiser optimiser) {
        return new Builder(model, estimator, diffusion, optimiser);
    }

    /** Epochs completed. */
    public int epoch() {
        return records.size();
    }

    /** The records of the completed epochs, oldest first (unmodifiable view). */
    public List<EpochRecord> records() {
        return Collections.unmodifiableList(records);
    }

    /** The replay buffer (live). */
    public ReplayBuffer buffer() {
        return buffer;
    }

    /** The trainer of the inner loop (its optimiser counts the steps). */
    public Trainer trainer() {
        return trainer;
    }

    /** Gradient-equivalent target evaluations the estimator spent over all completed epochs. */
    public long evaluations() {
        long total = 0;
        for (EpochRecord r : records) {
            total += r.evaluations();
        }
        return total;
    }

    /**
     * Runs one epoch: generation, then the inner training steps.
     *
     * @param listener told after every inner step
     * @return the epoch's record
     */
    public EpochRecord runEpoch(TrainingListener listener) {
        long started = System.nanoTime();
        long modelEvaluationsBefore = modelEvaluationCounter.getAsLong();
        int epoch = records.size();
        buffer.add(generate(samplesPerEpoch, generation.family(epoch)));
        batches.tally().reset();
        long firstStep = trainer.optimiser().step();
        trainer.trainUntil(firstStep + innerSteps, listener);
        double[] losses = trainer.history().losses();
        double sum = 0;
        for (int k = (int) firstStep; k < losses.length; k++) {
            sum += losses[k];
        }
        EstimatorTally tally = batches.tally();
        EpochRecord record = new EpochRecord(epoch, trainer.optimiser().step(),
                sum / innerSteps, tally.meanEffectiveSampleSize(), tally.evaluations(),
                modelEvaluationCounter.getAsLong() - modelEvaluationsBefore,
                tally.clippedFraction(), buffer.size(), (System.nanoTime() - started) * 1e-9);
        records.add(record);
        return record;
    }

    /**
     * Draws {@code count} samples from the reverse diffusion driven by the model (its weight
     * average when the optimiser keeps one; its score capped when the builder set a
     * {@linkplain Builder#generationClipping cap}), sample i from {@code streams.stream(i)}.
     */
    public double[] generate(int count, RandomStreams streams) {
        return generate(count, streams, diffusion);
    }

    /**
     * As {@link #generate(int, RandomStreams)}, but by another reverse diffusion on the model's
     * schedule (e.g. one with a {@link io.github.targetscore.samplers.diffusion.Corrector} for
     * the final samples, while the loop's buffer is filled without).
     */
    public double[] generate(int count, RandomStreams streams, ReverseDiffusion by) {
        Objects.requireNonNull(by, "diffusion");
        return trainer.withAveragedWeights(() -> by.sample(generator, count, streams, pool));
    }

    /** Replaces the epoch records by those of a checkpoint. */
    void restoreRecords(List<EpochRecord> saved) {
        records.clear();
        records.addAll(saved);
    }

    /**
     * Configures {@link IteratedDenoising}; defaults (iDEM's, MATH §4, but for the weighting):
     * 1000 samples per epoch, 100 inner steps of batch 512, a buffer of 10 000, t ∈ [10⁻³, 1],
     * uniform λ (iDEM's λ = σ² puts the loss on the noisiest targets, near t = 1, and leaves
     * the low-noise score, where TSI's targets are most precise, nearly untrained), seed 0.
     */
    public static final class Builder {
        private final ScoreModel model;
        private final ScoreEstimator estimator;
        private final ReverseDiffusion diffusion;
        private final AdamOptimiser optimiser;
        private int samplesPerEpoch = 1000;
        private int innerSteps = 100;
        private int batchSize = 512;
        private int bufferCapacity = 10_000;
        private double minTime = Weighting.DEFAULT_T_MIN;
        private double maxTime = 1;
        private Weighting weighting = Weighting.uniform();
        private ScoreClipping generationClipping = ScoreClipping.none();
        private LongSupplier modelEvaluationCounter = () -> 0;
        private long seed;
        private ForkJoinPool pool = ForkJoinPool.commonPool();

        private Builder(ScoreModel model, ScoreEstimator estimator, ReverseDiffusion diffusion,
                AdamOptimiser optimiser) {
            this.model = Objects.requireNonNull(model, "model");
            this.estimator = Objects.requireNonNull(estimator, "estimator");
            this.diffusion = Objects.requireNonNull(diffusion, "diffusion");
            this.optimiser = Objects.requireNonNull(optimiser, "optimiser");
        }

        /** Samples generated per epoch N ≥ 1. */
        public Builder samplesPerEpoch(int samples) {
            this.samplesPerEpoch = atLeastOne("samples per epoch", samples);
            return this;
        }

        /** Optimisation steps per epoch M ≥ 1. */
        public Builder innerSteps(int steps) {
            this.innerSteps = atLeastOne("inner steps", steps);
            return this;
        }

        /** Rows per optimisation step. */
        public Builder batchSize(int rows) {
            this.batchSize = atLeastOne("batch size", rows);
            return this;
        }

        /** Most rows the replay buffer keeps. */
        public Builder bufferCapacity(int rows) {
            this.bufferCapacity = atLeastOne("buffer capacity", rows);
            return this;
        }

        /** Training times U(min, max) (see {@link EstimatedScoreBatches.Builder#times}). */
        public Builder times(double min, double max) {
            this.minTime = min;
            this.maxTime = max;
            return this;
        }

        /** The loss weighting λ_t (time-only). */
        public Builder weighting(Weighting weighting) {
            this.weighting = Objects.requireNonNull(weighting, "weighting");
            return this;
        }

        /**
         * Caps the norm of the model's score (per particle on particle spaces; from the
         * clipping's noise level up) while it drives the reverse diffusion (see {@link
         * ScoreFunction#clipped}); use the regression targets' clipping. Default: none.
         */
        public Builder generationClipping(ScoreClipping clipping) {
            this.generationClipping = Objects.requireNonNull(clipping, "clipping");
            return this;
        }

        /**
         * A running count of the target evaluations the score model makes itself (e.g. {@link
         * io.github.targetscore.core.CountingLogDensity#gradientEvaluations} of the density a
         * target-score parameterisation evaluates); each epoch records its increase. Default:
         * none (0).
         */
        public Builder modelEvaluationCounter(LongSupplier counter) {
            this.modelEvaluationCounter = Objects.requireNonNull(counter, "counter");
            return this;
        }

        /** Master seed of generation, batches and posterior samples. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Workers of the estimator and the reverse diffusion. */
        public Builder pool(ForkJoinPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /** The loop, at epoch 0 with an empty buffer. */
        public IteratedDenoising build() {
            Manifold space = estimator.target().manifold();
            if (space.dimension() != model.dimension()
                    || space.tangentDimension() != model.tangentDimension()) {
                throw new IllegalArgumentException("the score model takes points of "
                        + model.dimension() + " coordinates and writes scores of "
                        + model.tangentDimension() + " components, the estimator's target has "
                        + space.dimension() + " and " + space.tangentDimension());
            }
            return new IteratedDenoising(this);
        }

        private static int atLeastOne(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + value);
            }
            return value;
        }
    }
}
