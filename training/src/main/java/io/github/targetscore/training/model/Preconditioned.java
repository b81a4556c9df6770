package io.github.targetscore.training.model;

/** TSM Appendix D preconditioning; see {@link Parameterisation#preconditioned(double)}. */
final class Preconditioned implements Parameterisation {

    private final double dataVariance;
    private final double dataScale;

    Preconditioned(double dataVariance) {
        if (!(dataVariance > 0) || Double.isInfinite(dataVariance)) {
            throw new IllegalArgumentException("data variance must be finite and > 0, got "
                    + dataVariance);
        }
        this.dataVariance = dataVariance;
        this.dataScale = Math.sqrt(dataVariance);
    }

    private double total(double alpha, double sigma) {
        return sigma * sigma + alpha * alpha * dataVariance;
    }

    @Override
    public double inputScale(double alpha, double sigma) {
        return 1 / Math.sqrt(total(alpha, sigma));
    }

    @Override
    public double outputScale(double alpha, double sigma) {
        return -sigma / (alpha * dataScale * Math.sqrt(total(alpha, sigma)));
    }

    @Override
    public double skipScale(double alpha, double sigma) {
        return -1 / total(alpha, sigma);
    }

    @Override
    public String toString() {
        return "preconditioned(σ_data² = " + dataVariance + ")";
    }
}
