package io.github.targetscore.training.network;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Glorot (Xavier) normal initialisation of a weight matrix: W_ij = g·√(2/(fan_in + fan_out))·Z_ij
 * with Z_ij ~ N(0, 1) drawn row-major from the caller's stream and a gain g.
 */
final class GlorotNormal {

    private GlorotNormal() {
    }

    /**
     * Overwrites the [rows, columns] matrix {@code weights} (a view is fine).
     *
     * @param fanIn inputs of the layer the matrix belongs to (may exceed {@code rows} when a
     *     layer's input matrix is stored in blocks)
     * @param fanOut outputs of that layer
     * @param gain g &gt; 0 (1 for the standard scheme)
     */
    static void fill(INDArray weights, long fanIn, long fanOut, double gain,
            ZigguratSampler.NormalizedGaussian gaussian) {
        double scale = gain * Math.sqrt(2.0 / (fanIn + fanOut));
        double[] w = new double[Math.toIntExact(weights.length())];
        for (int i = 0; i < w.length; i++) {
            w[i] = scale * gaussian.sample();
        }
        weights.assign(Nd4j.createFromArray(w).reshape('c', weights.rows(), weights.columns()));
    }
}
