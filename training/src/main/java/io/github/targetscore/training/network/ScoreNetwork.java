package io.github.targetscore.training.network;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable network F_θ(u, t): R^d × [0, 1] → R^d, evaluated on batches of rows. A score model
 * wraps it with a parameterisation (plain, preconditioned, target-score) to give s_θ(y, t).
 *
 * <p>Implementations keep the activations of the last {@link #forward} for {@link #backward}, so
 * an instance is not thread-safe: use one per training thread.
 */
public interface ScoreNetwork {

    /** The dimension d of inputs and outputs. */
    int dimension();

    /** The trainable parameters and their gradient accumulator. */
    FlatParameters parameters();

    /**
     * Evaluates F_θ row by row.
     *
     * @param inputs [B, d] network inputs u
     * @param times [B, 1] diffusion times t ∈ [0, 1]
     * @return [B, d] outputs, owned by the network and overwritten by the next call
     */
    INDArray forward(INDArray inputs, INDArray times);

    /**
     * Back-propagates a gradient ∂ℓ/∂F of shape [B, d] through the last {@link #forward} and
     * adds ∂ℓ/∂θ to {@link FlatParameters#gradients()}.
     */
    void backward(INDArray outputGradient);
}
