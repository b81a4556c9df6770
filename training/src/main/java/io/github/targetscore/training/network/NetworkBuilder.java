package io.github.targetscore.training.network;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The settings every score network shares: hidden width, time-embedding width, floating-point
 * type and initialisation seed. Defaults: width 128, embedding 128, float32, seed 0.
 *
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class NetworkBuilder<B extends NetworkBuilder<B>> {

    int width = 128;
    int embeddingDimension = 128;
    DataType dataType = DataType.FLOAT;
    long seed;

    NetworkBuilder() {
    }

    /** This builder, typed as the concrete one. */
    abstract B self();

    /** Hidden width (of layers, node features and messages), ≥ 1. */
    public B width(int width) {
        this.width = NetworkChecks.atLeastOne("width", width);
        return self();
    }

    /** Width of the sinusoidal time embedding (even). */
    public B embeddingDimension(int embeddingDimension) {
        SinusoidalEmbedding.of(embeddingDimension, DataType.FLOAT);
        this.embeddingDimension = embeddingDimension;
        return self();
    }

    /** FLOAT (default, fast) or DOUBLE (for gradient checks). */
    public B dataType(DataType dataType) {
        FlatParameters.layout(Objects.requireNonNull(dataType, "dataType"));
        this.dataType = dataType;
        return self();
    }

    /** Seed of the weight initialisation. */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }
}
