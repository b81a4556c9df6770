package io.github.targetscore.training.trainer;

import java.util.Arrays;

/** The loss and gradient norm of each optimisation step, in order (a growable record). */
public final class LossHistory {

    private double[] losses = new double[64];
    private double[] gradientNorms = new double[64];
    private int size;

    /** Appends one step. */
    public void add(double loss, double gradientNorm) {
        if (size == losses.length) {
            losses = Arrays.copyOf(losses, 2 * size);
            gradientNorms = Arrays.copyOf(gradientNorms, 2 * size);
        }
        losses[size] = loss;
        gradientNorms[size] = gradientNorm;
        size++;
    }

    /** Number of steps recorded. */
    public int size() {
        return size;
    }

    /** The losses, a copy. */
    public double[] losses() {
        return Arrays.copyOf(losses, size);
    }

    /** The gradient norms before clipping, a copy. */
    public double[] gradientNorms() {
        return Arrays.copyOf(gradientNorms, size);
    }

    /** Replaces the record (used when restoring a checkpoint). */
    void replace(double[] losses, double[] gradientNorms) {
        if (losses.length != gradientNorms.length) {
            throw new IllegalArgumentException("loss and gradient-norm records differ in length");
        }
        this.losses = Arrays.copyOf(losses, Math.max(64, losses.length));
        this.gradientNorms = Arrays.copyOf(gradientNorms, this.losses.length);
        this.size = losses.length;
    }
}
