package io.github.targetscore.cli;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.importance.SequentialMonteCarloSampler;
import io.github.targetscore.samplers.mcmc.ChainSchedule;
import io.github.targetscore.samplers.mcmc.McmcAlgorithm;
import io.github.targetscore.samplers.mcmc.McmcPosteriorSampler;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import picocli.CommandLine.Option;

/** The {@code --sampler} and {@code --samples} options of the commands that estimate scores. */
final class PosteriorSamplerOptions {

    @Option(names = "--sampler", paramLabel = "NAME", defaultValue = "exact",
            description = "posterior sampler: exact (targets with a tractable posterior), snis "
                    + "(self-normalised importance sampling, iDEM's), smc (adaptive tempering from the "
                    + "likelihood, --chains independent populations), mala, hmc or rwmh "
                    + "(--chains chains of --warmup adapted steps, then K/chains kept states); "
                    + "default: ${DEFAULT-VALUE}")
    private String name;

    @Option(names = "--samples", paramLabel = "K", defaultValue = "256",
            description = "posterior draws per noisy point (default: ${DEFAULT-VALUE}); for MCMC "
                    + "the kept states of all chains together")
    private int samples;

    @Option(names = "--chains", defaultValue = "8",
            description = "MCMC chains, or SMC populations, per noisy point (default: ${DEFAULT-VALUE})")
    private int chains;

    @Option(names = "--warmup", defaultValue = "100",
            description = "MCMC warm-up steps with step-size adaptation (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--leapfrog-steps", defaultValue = "5",
            description = "HMC leapfrog steps (default: ${DEFAULT-VALUE})")
    private int leapfrogSteps;

    /** The sampler for {@code target}; {@code exact} falls back to an error naming the others. */
    PosteriorSampler create(BoltzmannDensity target) {
        return PosteriorSamplers.create(name, samples, chains, warmup, leapfrogSteps, target,
                "--sampler");
    }
}
