package io.github.targetscore.core;

/**
 * The Boltzmann density p(x) ∝ exp(−β U(x)) of an {@link EnergyModel} at inverse temperature
 * β = 1/kT: log-density −βU(x) (up to the constant −log Z) and score ∇log p(x) = −β∇U(x)
 * (β times the force). Immutable.
 */
public final class BoltzmannDensity implements LogDensity {

    private final EnergyModel model;
    private final double beta;

    private BoltzmannDensity(EnergyModel model, double beta) {
        this.model = model;
        this.beta = beta;
    }

    /**
     * @param model the energy
     * @param beta inverse temperature 1/kT, in inverse energy units, finite and &gt; 0
     * @return the density exp(−βU)
     */
    public static BoltzmannDensity of(EnergyModel model, double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta (1/kT) must be finite and > 0, got " + beta);
        }
        return new BoltzmannDensity(model, beta);
    }

    /** The energy model. */
    public EnergyModel model() {
        return model;
    }

    /** β = 1/kT. */
    public double beta() {
        return beta;
    }

    @Override
    public io.github.targetscore.core.manifold.Manifold manifold() {
        return model.manifold();
    }

    /** Unnormalised log-density −β U(x). */
    @Override
    public double logDensity(double[] x) {
        return -beta * model.energy(x);
    }

    /**
     * Unnormalised log-density and score.
     *
     * @param x configuration
     * @param score output, ∇log p(x) = −β ∇U(x) in tangent coordinates
     * @return −β U(x)
     */
    @Override
    public double logDensityAndScore(double[] x, double[] score) {
        double u = model.energyAndGradient(x, score);
        for (int i = 0; i < score.length; i++) {
            score[i] *= -beta;
        }
        return -beta * u;
    }
}
