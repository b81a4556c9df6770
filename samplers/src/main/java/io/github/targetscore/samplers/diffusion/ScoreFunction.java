package io.github.targetscore.samplers.diffusion;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.estimator.ScoreEstimator;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * A score s(y, t) ≈ ∇_y log p_t(y) of the noised density p_t of Y_t = α_t X + σ_t W (MATH §1),
 * evaluated on a batch of points that share one time t, in inverse units of y: what drives
 * {@link ReverseDiffusion}. A trained network, the exact noised score of a target
 * ({@link #exact}), a Monte Carlo estimator ({@link #estimated}) and the empirical score of a
 * finite sample, plain or kernel-smoothed ({@link EmpiricalScore}), all plug in here.
 *
 * <p>Batches are flat row-major arrays: points in rows of width {@link #dimension()}, scores in
 * rows of width {@link #tangentDimension()} (the same on flat spaces; 9 and 3 per body on SO(3),
 * where a score is a body-frame vector, MATH §7); the score of row i of {@code ys} goes to row i
 * of {@code out} (the {@link EnergyModel} batch convention).
 * {@link ReverseDiffusion} calls a score function from one thread at a time, always with the
 * whole batch, so an implementation may parallelise internally (over its own pool, or a
 * network's). Each row's score must depend on that row (and t) only, never on the rest of the
 * batch: then samples do not depend on how the batch is cut into blocks.
 */
public interface ScoreFunction {

    /** Width d of a point's row: its coordinates. */
    int dimension();

    /**
     * Width of a score's row: the components of a tangent vector. The default, {@link
     * #dimension()}, is that of flat spaces.
     */
    default int tangentDimension() {
        return dimension();
    }

    /**
     * Writes s(y_i, t) for the rows i = start .. start + count − 1.
     *
     * @param ys points, row i at {@code ys[i * dimension()]}
     * @param start first row
     * @param count number of rows
     * @param t the time shared by the rows, in [0, 1]
     * @param out output, row i at {@code out[i * tangentDimension()]}; other rows untouched
     */
    void score(double[] ys, int start, int count, double t, double[] out);

    /**
     * The exact noised score ∇log p_t of a target with a closed form
     * ({@link EnergyModel#noisedScore()}, e.g. Gaussian mixtures), p_X = exp(−U)/Z at β = 1,
     * with α_t and σ_t from the schedule. Thread-safe; sequential over rows.
     *
     * @throws IllegalArgumentException if the model has no closed-form noised score
     */
    static ScoreFunction exact(EnergyModel target, NoiseSchedule schedule) {
        return ExactNoisedScore.of(target, schedule);
    }

    /**
     * Monte Carlo estimates of ∇log p_t from a {@link ScoreEstimator} (unbiased for exact
     * posterior samples, consistent for the others; slow: K posterior draws per row). A call
     * at time t for rows {@code start ..} draws row {@code start + i} from stream i of
     * {@code streams.family(bits(t)).family(start)}, bits(t) the IEEE bits of t: one stream per
     * point and reverse-diffusion step, independent of the thread count. The same (t, start)
     * reuses the same streams, so independent runs need adapters with distinct streams.
     *
     * @param estimator the estimator (its target fixes the dimension)
     * @param schedule gives α_t and σ_t (both must be &gt; 0 at every t asked for)
     * @param streams the master streams of this run
     * @param pool the estimator's workers
     */
    static ScoreFunction estimated(ScoreEstimator estimator, NoiseSchedule schedule,
            RandomStreams streams, ForkJoinPool pool) {
        return new EstimatedScore(estimator, schedule, streams, pool);
    }

    /**
     * {@code score} with each row's norm capped by {@code clipping} (per particle on particle
     * spaces): the reverse diffusion of a learned score then moves a sample by at most
     * g(t)²Δt times the cap per step, so a network evaluated far from where it was trained cannot
     * throw samples out exponentially. Use the cap of the regression targets the network was
     * trained on. A cap from a noise level σ_c ({@link ScoreClipping#fromNoiseLevel}) applies at
     * the times with σ(t) ≥ σ_c of {@code schedule}.
     */
    static ScoreFunction clipped(ScoreFunction score, ScoreClipping clipping,
            NoiseSchedule schedule) {
        return new ClippedScore(Objects.requireNonNull(score, "score"),
                Objects.requireNonNull(clipping, "clipping"),
                Objects.requireNonNull(schedule, "schedule"));
    }
}
