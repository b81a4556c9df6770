package io.github.targetscore.samplers.estimator;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ParallelEnergies;
import io.github.targetscore.core.identity.ScoreIdentity;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.core.noise.NoiseSchedule;
import io.github.targetscore.core.random.RandomStreams;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import io.github.targetscore.samplers.posterior.WeightedSample;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monte Carlo estimates of the noised score ∇log p_Y(y) for Y = αX + σW (MATH §2, TSM eq. 18):
 * a {@link PosteriorSampler} draws a weighted sample (x_k, w_k) of p(x|y) and
 * <pre>
 *   ŝ(y) = Σ_k w̄_k L(x_k, y),        w̄_k = w_k / Σ_l w_l,
 * </pre>
 * with L the integrand of a {@link ScoreIdentity} (DSI, TSI, κ, κ̄, Phillips, ...). Its Monte
 * Carlo variance, per component, is the delta-method variance Σ_k w̄_k² (L_k − ŝ)² for
 * independent draws (for equal weights: the sample variance over K), and for G independent
 * groups of correlated draws (MCMC chains) the variance of the group estimates ĝ_g over G:
 * Σ_g (ĝ_g − ŝ)²/(G(G − 1)).
 *
 * <p>Points are processed in parallel over a bounded {@link ForkJoinPool}; point i draws from
 * stream i of the given {@link RandomStreams}, so the results do not depend on the thread
 * count. Each worker block reuses one sample buffer: nothing is allocated per posterior draw.
 *
 * <p>Optional clipping (off by default, as in iDEM for singular energies): an estimate whose
 * norm exceeds the cap is scaled down to it, per particle for particle systems; the result
 * records how many points were clipped. Immutable and thread-safe.
 */
public final class ScoreEstimator {

    /** One point is enough work for a task: a posterior sample costs K target evaluations. */
    private static final int POINTS_PER_TASK = 1;

    private final LogDensity target;
    private final ScoreIdentity identity;
    private final PosteriorSampler sampler;
    private final double clipNorm;

    private ScoreEstimator(LogDensity target, ScoreIdentity identity, PosteriorSampler sampler,
            double clipNorm) {
        this.target = target;
        this.identity = identity;
        this.sampler = sampler;
        this.clipNorm = clipNorm;
    }

    /**
     * @param target p_X (e.g. a {@link io.github.targetscore.core.BoltzmannDensity})
     * @param identity the integrand
     * @param sampler the posterior sampler, with its sample size K
     */
    public static ScoreEstimator of(LogDensity target, ScoreIdentity identity,
            PosteriorSampler sampler) {
        return new ScoreEstimator(target, identity, sampler, Double.POSITIVE_INFINITY);
    }

    /**
     * A copy that caps the norm of each estimate (of each particle's D-vector for particle
     * systems) at {@code maxNorm}.
     */
    public ScoreEstimator withClipping(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipping norm must be > 0, got " + maxNorm);
        }
        return new ScoreEstimator(target, identity, sampler, maxNorm);
    }

    /** The identity. */
    public ScoreIdentity identity() {
        return identity;
    }

    /** The posterior sampler. */
    public PosteriorSampler sampler() {
        return sampler;
    }

    /**
     * Estimates at noisy points y_i observed at times t_i of a schedule.
     *
     * @param ys noisy points, row-major n × d
     * @param times t_i ∈ (0, 1) (α_t &gt; 0 and σ_t &gt; 0 are required)
     * @param schedule gives α_t and σ_t
     * @param streams point i draws from {@code streams.stream(i)}
     * @param pool the workers
     */
    public ScoreEstimates estimate(double[] ys, double[] times, NoiseSchedule schedule,
            RandomStreams streams, ForkJoinPool pool) {
        double[] alphas = new double[times.length];
        double[] sigmas = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            alphas[i] = schedule.alpha(times[i]);
            sigmas[i] = schedule.sigma(times[i]);
        }
        return estimate(ys, alphas, sigmas, streams, pool);
    }

    /**
     * Estimates at noisy points y_i = α_i x + σ_i w.
     *
     * @param ys noisy points, row-major n × d
     * @param alphas α_i &gt; 0, one per point
     * @param sigmas σ_i &gt; 0, one per point
     * @param streams point i draws from {@code streams.stream(i)}
     * @param pool the workers
     */
    public ScoreEstimates estimate(double[] ys, double[] alphas, double[] sigmas,
            RandomStreams streams, ForkJoinPool pool) {
        int d = target.manifold().dimension();
        int n = alphas.length;
        if (sigmas.length != n || ys.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + " noisy points of dimension " + d
                    + " (" + (long) n * d + " values) and " + n + " noise levels, got "
                    + ys.length + " values and " + sigmas.length + " noise levels");
        }
        for (int i = 0; i < n; i++) {
            Batches.requireFinite(ys, d, i, "noisy point");
        }
        double[] estimates = new double[n * d];
        double[] variances = new double[n * d];
        double[] ess = new double[n];
        double[] acceptance = new double[n];
        AtomicLong evaluations = new AtomicLong();
        AtomicInteger clipped = new AtomicInteger();
        ParallelEnergies.of(pool, POINTS_PER_TASK).run(0, n, (from, count) -> {
            Workspace w = new Workspace(d, sampler.sampleSize());
            for (int i = from; i < from + count; i++) {
                System.arraycopy(ys, i * d, w.y, 0, d);
                Posterior posterior = Posterior.of(target, w.y, alphas[i], sigmas[i]);
                sampler.sample(posterior, streams.stream(i), w.sample);
                combine(w, alphas[i], sigmas[i], estimates, variances, i * d);
                if (clip(estimates, i * d)) {
                    clipped.incrementAndGet();
                }
                ess[i] = w.sample.effectiveSampleSize();
                acceptance[i] = w.sample.acceptanceRate();
                evaluations.addAndGet(w.sample.gradientEvaluations());
            }
        });
        return new ScoreEstimates(n, d, estimates, variances, ess, acceptance, evaluations.get(),
                clipped.get(), clipNorm);
    }

    /** Per-worker buffers, reused across the worker's points. */
    private static final class Workspace {
        final double[] y;
        final WeightedSample sample;
        final double[] weights;
        final double[] integrands;
        final double[] groupEstimate;

        Workspace(int d, int samples) {
            y = new double[d];
            sample = WeightedSample.withCapacity(d, samples);
            weights = new double[samples];
            integrands = new double[samples * d];
            groupEstimate = new double[d];
        }
    }

    /** ŝ = Σ w̄_k L_k and its per-component variance, into {@code out*[offset ..]}. */
    private void combine(Workspace w, double alpha, double sigma, double[] estimates,
            double[] variances, int offset) {
        WeightedSample s = w.sample;
        int d = s.dimension();
        int size = s.size();
        double kappa = identity.dsiWeight(alpha, sigma);
        s.normalisedWeights(w.weights);
        double[] l = w.integrands;
        for (int k = 0; k < size; k++) {
            ScoreIdentity.integrand(d, s.positions(), k * d, s.targetScores(), k * d, w.y, 0,
                    alpha, sigma, kappa, l, k * d);
        }
        for (int k = 0; k < size; k++) {
            double wk = w.weights[k];
            for (int j = 0; j < d; j++) {
                estimates[offset + j] += wk * l[k * d + j];
            }
        }
        int groups = s.groups();
        if (groups == size) {
            for (int k = 0; k < size; k++) {
                double wk2 = w.weights[k] * w.weights[k];
                for (int j = 0; j < d; j++) {
                    double r = l[k * d + j] - estimates[offset + j];
                    variances[offset + j] += wk2 * r * r;
                }
            }
            return;
        }
        if (groups < 2) {
            throw new IllegalStateException(sampler.name() + " returned a single group of "
                    + size + " correlated draws: its Monte Carlo variance cannot be estimated");
        }
        int perGroup = size / groups;
        for (int g = 0; g < groups; g++) {
            java.util.Arrays.fill(w.groupEstimate, 0);
            double total = 0;
            for (int k = g * perGroup; k < (g + 1) * perGroup; k++) {
                total += w.weights[k];
                for (int j = 0; j < d; j++) {
                    w.groupEstimate[j] += w.weights[k] * l[k * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                double r = w.groupEstimate[j] / total - estimates[offset + j];
                variances[offset + j] += r * r / ((double) groups * (groups - 1));
            }
        }
    }

    /** Caps the norm of the estimate at {@code offset} (per particle); returns whether it did. */
    private boolean clip(double[] estimates, int offset) {
        if (clipNorm == Double.POSITIVE_INFINITY) {
            return false;
        }
        Manifold manifold = target.manifold();
        int d = manifold.dimension();
        int block = manifold instanceof ParticleSpace ? ((ParticleSpace) manifold).spatialDimension() : d;
        boolean clipped = false;
        for (int start = offset; start < offset + d; start += block) {
            double norm2 = 0;
            for (int j = start; j < start + block; j++) {
                norm2 += estimates[j] * estimates[j];
            }
            double norm = Math.sqrt(norm2);
            if (norm > clipNorm) {
                double scale = clipNorm / norm;
                for (int j = start; j < start + block; j++) {
                    estimates[j] *= scale;
                }
                clipped = true;
            }
        }
        return clipped;
    }
}
