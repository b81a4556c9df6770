package io.github.targetscore.samplers.importance;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import io.github.targetscore.samplers.posterior.WeightedSample;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Self-normalised importance sampling of p(x|y) with the likelihood as proposal,
 * q(x) = N(x; y/α, (σ/α)² I) (MATH §2): draws x_k = y/α + (σ/α) ξ_k, whose weights reduce to
 * w_k ∝ p_X(x_k), i.e. log w_k = log p_X(x_k) = −βU(x_k). With α = 1 the TSI estimate
 * Σ_k w̄_k ∇log p_X(x_k) is iDEM's estimator ∇_y log Σ_k exp(−βU(y + σξ_k)). The effective
 * sample size is Kish's (Σw)²/Σw². For particle spaces the noise ξ is projected onto the
 * centre-of-mass-free subspace. Boltzmann targets are evaluated through the energy model's
 * batch method (its blocked kernels); other targets one draw at a time. Immutable and
 * thread-safe.
 */
public final class SelfNormalisedImportanceSampler implements PosteriorSampler {

    private final int samples;

    private SelfNormalisedImportanceSampler(int samples) {
        this.samples = samples;
    }

    /** @param samples K ≥ 2 proposals per posterior */
    public static SelfNormalisedImportanceSampler of(int samples) {
        return new SelfNormalisedImportanceSampler(ExactPosteriorSampler.checkSamples(samples));
    }

    @Override
    public void sample(Posterior posterior, UniformRandomProvider rng, WeightedSample out) {
        LogDensity target = posterior.target();
        Manifold manifold = target.manifold();
        int d = manifold.dimension();
        double alpha = posterior.alpha();
        double scale = posterior.sigma() / alpha;
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        out.reset(samples, samples);
        double[] positions = out.positions();
        for (int k = 0; k < samples; k++) {
            int offset = k * d;
            for (int i = 0; i < d; i++) {
                positions[offset + i] = normal.sample();
            }
            manifold.projectTangent(positions, offset);
            for (int i = 0; i < d; i++) {
                positions[offset + i] = posterior.y(i) / alpha + scale * positions[offset + i];
            }
        }
        evaluate(target, positions, out);
        double[] weights = new double[samples];
        double ess = out.normalisedWeights(weights);
        out.recordDiagnostics(ess, Double.NaN, Double.NaN, samples);
    }

    /** Fills log-weights log p_X(x_k) and target scores ∇log p_X(x_k). */
    private void evaluate(LogDensity target, double[] positions, WeightedSample out) {
        double[] logWeights = out.logWeights();
        double[] scores = out.targetScores();
        int d = out.dimension();
        if (target instanceof BoltzmannDensity) {
            BoltzmannDensity boltzmann = (BoltzmannDensity) target;
            double beta = boltzmann.beta();
            boltzmann.model().energyAndGradient(positions, 0, samples, logWeights, scores);
            for (int k = 0; k < samples; k++) {
                logWeights[k] *= -beta;
            }
            for (int i = 0; i < samples * d; i++) {
                scores[i] *= -beta;
            }
            return;
        }
        double[] x = new double[d];
        double[] score = new double[d];
        for (int k = 0; k < samples; k++) {
            System.arraycopy(positions, k * d, x, 0, d);
            logWeights[k] = target.logDensityAndScore(x, score);
            System.arraycopy(score, 0, scores, k * d, d);
        }
    }

    @Override
    public int sampleSize() {
        return samples;
    }

    @Override
    public String name() {
        return "snis";
    }
}
