package io.github.targetscore.cli;

import io.github.targetscore.core.BoltzmannDensity;
import io.github.targetscore.samplers.importance.ExactPosteriorSampler;
import io.github.targetscore.samplers.importance.SelfNormalisedImportanceSampler;
import io.github.targetscore.samplers.posterior.PosteriorSampler;
import picocli.CommandLine.Option;

/** The {@code --sampler} and {@code --samples} options of the commands that estimate scores. */
final class PosteriorSamplerOptions {

    @Option(names = "--sampler", paramLabel = "NAME", defaultValue = "exact",
            description = "posterior sampler: exact (targets with a tractable posterior) or snis "
                    + "(self-normalised importance sampling, iDEM's); default: ${DEFAULT-VALUE}")
    private String name;

    @Option(names = "--samples", paramLabel = "K", defaultValue = "256",
            description = "posterior draws per noisy point (default: ${DEFAULT-VALUE})")
    private int samples;

    /** The sampler for {@code target}; {@code exact} falls back to an error naming the others. */
    PosteriorSampler create(BoltzmannDensity target) {
        switch (name) {
            case "exact":
                return ExactPosteriorSampler.of(target, samples);
            case "snis":
                return SelfNormalisedImportanceSampler.of(samples);
            default:
                throw new IllegalArgumentException("unknown --sampler '" + name
                        + "'; known samplers: exact, snis");
        }
    }
}
