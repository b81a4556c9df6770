package io.github.targetscore.cli;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.importance.SequentialMonteCarloSampler;
import io.github.targetscore.samplers.mcmc.ChainSchedule;
import io.github.targetscore.samplers.mcmc.McmcAlgorithm;
import io.github.targetscore.samplers.mcmc.McmcPosteriorSampler;
import io.github.targetscore.samplers.posterior.PosteriorSampler;

/** Posterior samplers by name, as options and configs give them. */
final class PosteriorSamplers {

    private PosteriorSamplers() {
    }

    /**
     * @param name exact, snis, smc, mala, hmc or rwmh
     * @param samples K, draws per noisy point (for MCMC the kept states of all chains together)
     * @param chains MCMC chains or SMC populations per point (≥ 2, dividing K, for those)
     * @param warmup MCMC warm-up steps with step-size adaptation
     * @param leapfrogSteps HMC leapfrog steps
     * @param target p_X
     * @param field the option or config field that named the sampler, for messages
     */
    static PosteriorSampler create(String name, int samples, int chains, int warmup,
            int leapfrogSteps, BoltzmannDensity target, String field) {
        switch (name) {
            case "exact":
                return ExactPosteriorSampler.of(target, samples);
            case "snis":
                return SelfNormalisedImportanceSampler.of(samples);
            case "smc":
                checkGroups(name, samples, chains);
                return SequentialMonteCarloSampler.adaptive(samples).withIslands(chains);
            case "mala":
                return McmcPosteriorSampler.of(McmcAlgorithm.mala(), chains,
                        chainSchedule(name, samples, chains, warmup));
            case "hmc":
                return McmcPosteriorSampler.of(McmcAlgorithm.hmc(leapfrogSteps), chains,
                        chainSchedule(name, samples, chains, warmup));
            case "rwmh":
                return McmcPosteriorSampler.of(McmcAlgorithm.rwmh(), chains,
                        chainSchedule(name, samples, chains, warmup));
            default:
                throw new IllegalArgumentException(field + ": unknown sampler '" + name
                        + "'; known samplers: exact, snis, smc, mala, hmc, rwmh");
        }
    }

    private static ChainSchedule chainSchedule(String name, int samples, int chains, int warmup) {
        checkGroups(name, samples, chains);
        return ChainSchedule.of(warmup, samples / chains, 1);
    }

    /** Chains (MCMC) and populations (SMC) are the independent groups of the variance. */
    private static void checkGroups(String name, int samples, int chains) {
        if (chains < 2 || samples % chains != 0) {
            throw new IllegalArgumentException(name + " needs chains >= 2 dividing the samples, got "
                    + chains + " chains for " + samples + " samples");
        }
    }
}
