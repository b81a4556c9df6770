package io.github.targetscore.samplers.estimator;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.noise.NoiseKernel;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monte Carlo estimates of the noised score ∇log p_Y(y) for Y = αX + σW (MATH §2, TSM eq. 18),
 * or for the noise of the target's manifold ({@link NoiseKernel}: Y = X·W, W ~ IGSO(3)(σ) per body
 * on SO(3)^n, MATH §7): a {@link PosteriorSampler} draws a weighted sample (x_k, w_k) of p(x|y)
 * and
 * <pre>
 *   ŝ(y) = Σ_k w̄_k L(x_k, y),        w̄_k = w_k / Σ_l w_l,
 * </pre>
 * with L the integrand of a {@link ScoreIdentity} (DSI, TSI, κ, κ̄, Phillips, ...) as the noise
 * kernel writes it ({@link NoiseKernel#integrand}: on SO(3) DSI is the IGSO(3) score in y and TSI
 * the target's body-frame score rotated by yᵀx), a tangent vector at y (body-frame on SO(3)) in
 * inverse
 * units of x. Per component j it reports
 * <ul>
 * <li>the Monte Carlo variance of ŝ_j by the delta method for ratio estimators, over the
 *     sample's G independent groups (G = K for independent draws; MCMC chains, SMC islands):
 *     with group weights W_g = Σ_{k∈g} w̄_k and group estimates ĝ_g = Σ_{k∈g} w̄_k L_k / W_g,
 *     <pre>  Var[ŝ_j] = G/(G − 1) Σ_g W_g² (ĝ_gj − ŝ_j)²,</pre>
 *     which for independent equally weighted draws is the unbiased sample variance over K and
 *     for equally weighted chains Σ_g (ĝ_gj − ŝ_j)²/(G(G − 1));
 * <li>the posterior variance of the integrand, Var[L_j | y] ≈ Σ_k w̄_k (L_kj − ŝ_j)²;
 * <li>the sampler's effective sample size, acceptance rate and target evaluations (energy alone,
 *     energy and gradient).
 * </ul>
 *
 * <p>Several identities from one sample: an estimator built with a list of identities
 * ({@link #of(LogDensity, List, PosteriorSampler)}) draws one posterior sample per point and
 * averages every identity's integrand over it ({@link #estimateEach}), so the comparison between
 * identities is paired (common random numbers) and costs one sampler run. Each identity's
 * estimates are bit-identical to those of a single-identity estimator with the same sampler and
 * streams.
 *
 * <p>Points are processed in parallel over a bounded {@link ForkJoinPool} (contiguous blocks,
 * {@link ParallelEnergies#run}); point i draws from stream i of the given {@link RandomStreams},
 * so the results are bit-identical for any thread count. Each worker block reuses one sample
 * buffer and one set of scratch arrays: nothing is allocated per posterior draw. The weights are
 * normalised once per point and shared by the identities; each identity then takes two passes
 * over the sample, one for ŝ and one for both variances.
 *
 * <p>Optional clipping (off by default; iDEM clips for singular energies): an estimate whose
 * norm exceeds the cap is scaled down to it, per particle (D-vector) for particle systems; the
 * result records the cap and how many points were clipped. Immutable and thread-safe.
 */
public final class ScoreEstimator {

    /** One point is enough work for a task: a posterior sample costs K target evaluations. */
    private static final int POINTS_PER_TASK = 1;

    private final LogDensity target;
    private final List<ScoreIdentity> identities;
    private final PosteriorSampler sampler;
    private final ScoreClipping clipping;

    private ScoreEstimator(LogDensity target, List<ScoreIdentity> identities,
            PosteriorSampler sampler, ScoreClipping clipping) {
        this.target = target;
        this.identities = identities;
        this.sampler = sampler;
        this.clipping = clipping;
    }

    /**
     * @param target p_X (e.g. a {@link io.github.targetscore.core.BoltzmannDensity})
     * @param identity the integrand
     * @param sampler the posterior sampler, drawing K ≥ 2 samples
     */
    public static ScoreEstimator of(LogDensity target, ScoreIdentity identity,
            PosteriorSampler sampler) {
        return of(target, List.of(identity), sampler);
    }

    /**
     * An estimator of several identities from the same posterior sample per point.
     *
     * @param target p_X (e.g. a {@link io.github.targetscore.core.BoltzmannDensity})
     * @param identities the integrands, at least one (copied)
     * @param sampler the posterior sampler, drawing K ≥ 2 samples
     */
    public static ScoreEstimator of(LogDensity target, List<ScoreIdentity> identities,
            PosteriorSampler sampler) {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("an estimator needs at least one identity");
        }
        if (sampler.sampleSize() < 2) {
            throw new IllegalArgumentException("sampler " + sampler.name() + " draws K = "
                    + sampler.sampleSize() + " samples; a Monte Carlo variance needs K >= 2");
        }
        return new ScoreEstimator(target, List.copyOf(identities), sampler,
                ScoreClipping.none());
    }

    /**
     * A copy that caps the norm of each estimate (of each particle's D-vector for particle
     * systems) at {@code maxNorm}, in inverse units of x.
     */
    public ScoreEstimator withClipping(double maxNorm) {
        return withClipping(ScoreClipping.of(target.manifold(), maxNorm));
    }

    /**
     * A copy that caps each estimate with {@code clipping}, at the points whose noise level σ it
     * clips (see {@link ScoreClipping#fromNoiseLevel}).
     */
    public ScoreEstimator withClipping(ScoreClipping clipping) {
        int t = target.manifold().tangentDimension();
        if (clipping.isActive() && clipping.dimension() != t) {
            throw new IllegalArgumentException("clipping of " + clipping.dimension()
                    + "-vectors for scores of " + t + " components");
        }
        return new ScoreEstimator(target, identities, sampler, clipping);
    }

    /** The target p_X. */
    public LogDensity target() {
        return target;
    }

    /**
     * The identity of a single-identity estimator.
     *
     * @throws IllegalStateException if it has several (see {@link #identities()})
     */
    public ScoreIdentity identity() {
        return single().get(0);
    }

    /** The identities, in the order of {@link #estimateEach}'s results. */
    public List<ScoreIdentity> identities() {
        return identities;
    }

    /** The posterior sampler. */
    public PosteriorSampler sampler() {
        return sampler;
    }

    /**
     * Estimates of a single-identity estimator at noisy points y_i observed at times t_i of a
     * schedule; see {@link #estimateEach(double[], double[], NoiseSchedule, RandomStreams,
     * ForkJoinPool)}.
     *
     * @throws IllegalStateException if the estimator has several identities
     */
    public ScoreEstimates estimate(double[] ys, double[] times, NoiseSchedule schedule,
            RandomStreams streams, ForkJoinPool pool) {
        single();
        return estimateEach(ys, times, schedule, streams, pool).get(0);
    }

    /**
     * Estimates of a single-identity estimator at noisy points y_i = α_i x + σ_i w; see
     * {@link #estimateEach(double[], double[], double[], RandomStreams, ForkJoinPool)}.
     *
     * @throws IllegalStateException if the estimator has several identities
     */
    public ScoreEstimates estimate(double[] ys, double[] alphas, double[] sigmas,
            RandomStreams streams, ForkJoinPool pool) {
        single();
        return estimateEach(ys, alphas, sigmas, streams, pool).get(0);
    }

    /**
     * Estimates of every identity at noisy points y_i observed at times t_i of a schedule.
     *
     * @param ys noisy points, row-major n × d
     * @param times t_i ∈ [0, 1] with α_t &gt; 0 and σ_t &gt; 0 (so not t = 0, nor t = 1 of a VP
     *     schedule)
     * @param schedule gives α_t and σ_t
     * @param streams point i draws from {@code streams.stream(i)}
     * @param pool the workers
     * @return one result per identity, in the order of {@link #identities()}
     * @throws IllegalArgumentException naming the point and what is wrong with it
     */
    public List<ScoreEstimates> estimateEach(double[] ys, double[] times, NoiseSchedule schedule,
            RandomStreams streams, ForkJoinPool pool) {
        double[] alphas = new double[times.length];
        double[] sigmas = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0 && times[i] <= 1)) {
                throw new IllegalArgumentException("point " + i + ": time t must be in [0, 1], got "
                        + times[i]);
            }
            alphas[i] = schedule.alpha(times[i]);
            sigmas[i] = schedule.sigma(times[i]);
        }
        return estimateEach(ys, alphas, sigmas, streams, pool);
    }

    /**
     * Estimates of every identity at noisy points y_i = α_i x + σ_i w, all from one posterior
     * sample per point.
     *
     * @param ys noisy points, row-major n × d, finite
     * @param alphas α_i &gt; 0, one per point
     * @param sigmas σ_i &gt; 0, one per point
     * @param streams point i draws from {@code streams.stream(i)}
     * @param pool the workers
     * @return one result per identity, in the order of {@link #identities()}
     * @throws IllegalArgumentException naming the point and what is wrong with it
     */
    public List<ScoreEstimates> estimateEach(double[] ys, double[] alphas, double[] sigmas,
            RandomStreams streams, ForkJoinPool pool) {
        int d = target.manifold().dimension();
        int t = target.manifold().tangentDimension();
        int n = alphas.length;
        check(ys, alphas, sigmas, d);
        List<Accumulator> outputs = new ArrayList<>(identities.size());
        for (int m = 0; m < identities.size(); m++) {
            outputs.add(new Accumulator(n, t));
        }
        double[] ess = new double[n];
        double[] acceptance = new double[n];
        AtomicLong energyEvaluations = new AtomicLong();
        AtomicLong gradientEvaluations = new AtomicLong();
        ParallelEnergies.of(pool, POINTS_PER_TASK).run(0, n, (from, count) -> {
            Workspace w = new Workspace(d, t, sampler.sampleSize());
            for (int i = from; i < from + count; i++) {
                System.arraycopy(ys, i * d, w.y, 0, d);
                Posterior posterior = Posterior.of(target, w.y, alphas[i], sigmas[i]);
                sampler.sample(posterior, streams.stream(i), w.sample);
                checkGroups(w.sample);
                w.sample.normalisedWeights(w.weights);
                for (int m = 0; m < identities.size(); m++) {
                    Accumulator out = outputs.get(m);
                    combine(w, posterior.noise(), identities.get(m), i * t, out);
                    if (clipping.apply(out.estimates, i * t, sigmas[i])) {
                        out.clipped.incrementAndGet();
                    }
                }
                ess[i] = w.sample.effectiveSampleSize();
                acceptance[i] = w.sample.acceptanceRate();
                energyEvaluations.addAndGet(w.sample.energyEvaluations());
                gradientEvaluations.addAndGet(w.sample.gradientEvaluations());
            }
        });
        List<ScoreEstimates> results = new ArrayList<>(identities.size());
        for (int m = 0; m < identities.size(); m++) {
            Accumulator out = outputs.get(m);
            results.add(new ScoreEstimates(identities.get(m), n, t, out.estimates, out.variances,
                    out.integrandVariances, ess, acceptance, energyEvaluations.get(),
                    gradientEvaluations.get(), out.clipped.get(), clipping.maxNorm()));
        }
        return List.copyOf(results);
    }

    private List<ScoreIdentity> single() {
        if (identities.size() != 1) {
            throw new IllegalStateException("this estimator averages " + identities.size()
                    + " identities " + identities + ": use estimateEach and identities()");
        }
        return identities;
    }

    /** Checks every input before any work starts. */
    private void check(double[] ys, double[] alphas, double[] sigmas, int d) {
        int n = alphas.length;
        if (sigmas.length != n) {
            throw new IllegalArgumentException("got " + n + " values of α but " + sigmas.length
                    + " of σ: one each per noisy point");
        }
        if (ys.length != (long) n * d) {
            throw new IllegalArgumentException("noisy points: expected " + n
                    + " points of dimension " + d + " (" + (long) n * d + " values), got " + ys.length + " values");
        }
        for (int i = 0; i < n; i++) {
            Batches.requireFinite(ys, d, i, "noisy point");
            if (!(alphas[i] > 0) || !(sigmas[i] > 0) || !Double.isFinite(alphas[i])
                    || !Double.isFinite(sigmas[i])) {
                throw new IllegalArgumentException("point " + i + ": the posterior needs finite"
                        + " α > 0 and σ > 0, got α = " + alphas[i] + ", σ = " + sigmas[i]);
            }
            for (ScoreIdentity identity : identities) {
                identity.dsiWeight(alphas[i], sigmas[i]);
            }
        }
    }

    private void checkGroups(WeightedSample s) {
        if (s.groups() < 2) {
            throw new IllegalStateException(sampler.name() + " returned a single group of "
                    + s.size() + " correlated draws: its Monte Carlo variance cannot be estimated");
        }
    }

    /** One identity's outputs, written by the workers at their points' rows. */
    private static final class Accumulator {
        final double[] estimates;
        final double[] variances;
        final double[] integrandVariances;
        final AtomicInteger clipped = new AtomicInteger();

        Accumulator(int n, int d) {
            estimates = new double[n * d];
            variances = new double[n * d];
            integrandVariances = new double[n * d];
        }
    }

    /** Per-worker buffers, reused across the worker's points. */
    private static final class Workspace {
        final double[] y;
        final WeightedSample sample;
        final double[] weights;
        final double[] integrands;
        /** One identity's ŝ, Var[L | y], Var[ŝ] and a group's deviation at the point: t each. */
        final double[] estimate;
        final double[] integrandVariance;
        final double[] variance;
        final double[] groupDeviation;

        Workspace(int d, int t, int samples) {
            y = new double[d];
            sample = WeightedSample.withCapacity(d, t, samples);
            weights = new double[samples];
            integrands = new double[samples * t];
            estimate = new double[t];
            integrandVariance = new double[t];
            variance = new double[t];
            groupDeviation = new double[t];
        }
    }

    /**
     * Writes one identity's ŝ = Σ w̄_k L_k, its Monte Carlo variance and the integrand's posterior
     * variance ({@link WeightedMoments}) into the rows at {@code offset}, from the sample and its
     * normalised weights in {@code w}.
     */
    private static void combine(Workspace w, NoiseKernel noise, ScoreIdentity identity,
            int offset, Accumulator out) {
        WeightedSample s = w.sample;
        int dimension = s.dimension();
        int d = s.tangentDimension();
        double kappa = identity.dsiWeight(noise.alpha(), noise.sigma());
        for (int k = 0; k < s.size(); k++) {
            int row = k * d;
            noise.integrand(s.positions(), k * dimension, s.targetScores(), row, w.y, 0, kappa,
                    w.integrands, row);
        }
        WeightedMoments.compute(w.integrands, w.weights, s.size(), s.groups(), d, w.estimate,
                w.integrandVariance, w.variance, w.groupDeviation);
        System.arraycopy(w.estimate, 0, out.estimates, offset, d);
        System.arraycopy(w.integrandVariance, 0, out.integrandVariances, offset, d);
        System.arraycopy(w.variance, 0, out.variances, offset, d);
    }
}
