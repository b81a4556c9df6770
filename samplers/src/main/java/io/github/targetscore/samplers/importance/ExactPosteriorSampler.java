package io.github.targetscore.samplers.importance;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.ExactPosterior;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.samplers.posterior.Posterior;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import io.github.targetscore.samplers.posterior.WeightedSample;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Independent exact draws from the posterior of a target whose posterior is tractable
 * (Gaussian mixtures, TSM eq. 17), with the target's score ∇log p_X = −∇U at each draw: the
 * ground truth of the estimators. The target must be the model's own density at β = 1, the
 * only temperature at which the model's exact posterior holds. Immutable and thread-safe.
 */
public final class ExactPosteriorSampler implements PosteriorSampler {

    private final BoltzmannDensity target;
    private final ExactPosterior exact;
    private final int samples;

    private ExactPosteriorSampler(BoltzmannDensity target, ExactPosterior exact, int samples) {
        this.target = target;
        this.exact = exact;
        this.samples = samples;
    }

    /**
     * @param target p_X = exp(−U)/Z at β = 1, of a model with an exact posterior
     * @param samples K ≥ 2 draws per posterior
     */
    public static ExactPosteriorSampler of(BoltzmannDensity target, int samples) {
        if (target.beta() != 1) {
            throw new IllegalArgumentException("the exact posterior holds at β = 1 only, got β = "
                    + target.beta());
        }
        ExactPosterior exact = target.model().exactPosterior().orElseThrow(() ->
                new IllegalArgumentException(target.model() + " has no exact posterior"));
        return new ExactPosteriorSampler(target, exact, checkSamples(samples));
    }

    static int checkSamples(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("a posterior sample needs K >= 2 draws, got "
                    + samples);
        }
        return samples;
    }

    @Override
    public void sample(Posterior posterior, UniformRandomProvider rng, WeightedSample out) {
        if (posterior.target() != target) {
            throw new IllegalArgumentException("this exact sampler was built for another target");
        }
        EnergyModel model = exact.given(posterior.y(), posterior.alpha(), posterior.sigma());
        ExactSampler sampler = model.exactSampler().orElseThrow();
        int d = out.dimension();
        out.reset(samples, samples);
        double[] positions = out.positions();
        for (int k = 0; k < samples; k++) {
            sampler.sample(rng, positions, k * d);
        }
        double[] energies = new double[samples];
        EnergyModel targetModel = target.model();
        targetModel.energyAndGradient(positions, 0, samples, energies, out.targetScores());
        double[] scores = out.targetScores();
        for (int i = 0; i < samples * d; i++) {
            scores[i] = -scores[i];
        }
        out.recordDiagnostics(samples, Double.NaN, Double.NaN, samples);
    }

    @Override
    public int sampleSize() {
        return samples;
    }

    @Override
    public String name() {
        return "exact";
    }
}
