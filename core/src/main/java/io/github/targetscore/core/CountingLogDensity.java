package io.github.targetscore.core;

import io.github.targetscore.core.manifold.Manifold;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A log density that counts its evaluations: log π alone and log π with its score, each
 * delegated unchanged. For charging a method honestly for every target evaluation it makes
 * outside the samplers' own counts (e.g. a network parameterised by the target's score).
 * Thread-safe: the counts are {@link LongAdder}s.
 */
public final class CountingLogDensity implements LogDensity {

    private final LogDensity density;
    private final LongAdder energyOnly = new LongAdder();
    private final LongAdder withScore = new LongAdder();

    private CountingLogDensity(LogDensity density) {
        this.density = density;
    }

    /** Counts the evaluations of {@code density}, starting from zero. */
    public static CountingLogDensity of(LogDensity density) {
        return new CountingLogDensity(Objects.requireNonNull(density, "density"));
    }

    @Override
    public Manifold manifold() {
        return density.manifold();
    }

    @Override
    public double logDensity(double[] x) {
        energyOnly.increment();
        return density.logDensity(x);
    }

    @Override
    public double logDensityAndScore(double[] x, double[] score) {
        withScore.increment();
        return density.logDensityAndScore(x, score);
    }

    /** Evaluations of log π alone so far. */
    public long energyEvaluations() {
        return energyOnly.sum();
    }

    /** Evaluations of log π with its score so far. */
    public long gradientEvaluations() {
        return withScore.sum();
    }

    @Override
    public String toString() {
        return "counting " + density;
    }
}
