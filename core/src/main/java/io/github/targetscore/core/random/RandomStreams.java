package io.github.targetscore.core.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible, independent random streams from one master seed: the stream of unit {@code i}
 * (a chain, a noisy point, a batch) depends only on (seed, i), never on which thread runs the
 * unit or in which order, so parallel results do not depend on the thread count.
 *
 * <p>Each stream is an {@link RandomSource#L64_X128_MIX} generator (an LXM generator, built to
 * give statistically independent sequences for distinct seeds) seeded from the SplitMix64
 * sequence started at a bijective mix of (seed, i). Families nest: {@link #family(long)} gives
 * the streams of the sub-units of unit {@code i}. Immutable and thread-safe.
 *
 * <pre>{@code
 * RandomStreams streams = RandomStreams.of(42);
 * UniformRandomProvider chain7 = streams.stream(7);
 * UniformRandomProvider point3OfBatch2 = streams.family(2).stream(3);
 * }</pre>
 */
public final class RandomStreams {

    /** Golden-ratio increment of SplitMix64, to separate families from streams. */
    private static final long FAMILY_SALT = 0x9E3779B97F4A7C15L;
    private static final int SEED_LONGS = 4;

    private final long seed;
    private final long key;

    private RandomStreams(long seed, long key) {
        this.seed = seed;
        this.key = key;
    }

    /** The streams of a master seed. */
    public static RandomStreams of(long seed) {
        return new RandomStreams(seed, mix(seed));
    }

    /** The master seed this family descends from. */
    public long seed() {
        return seed;
    }

    /**
     * The independent stream of unit {@code index}: a new generator, positioned at its start,
     * on every call.
     */
    public UniformRandomProvider stream(long index) {
        SplitMix64 expander = new SplitMix64(mix(key + index));
        long[] material = new long[SEED_LONGS];
        for (int i = 0; i < SEED_LONGS; i++) {
            material[i] = expander.nextLong();
        }
        return RandomSource.L64_X128_MIX.create(material);
    }

    /** The family of streams of the sub-units of unit {@code index}. */
    public RandomStreams family(long index) {
        return new RandomStreams(seed, mix(mix(key ^ FAMILY_SALT) + index));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijection on 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "RandomStreams[seed=" + seed + "]";
    }
}
