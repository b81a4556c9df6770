package io.github.targetscore.core.noise;

/**
 * iDEM's variance-exploding geometric schedule (MATH §4): α_t = 1,
 * σ_t² = h(t) = σ_min² [(σ_max/σ_min)^{2t} − 1], f = 0 and
 * g(t) = σ_min (σ_max/σ_min)^t √(2 ln(σ_max/σ_min)), so that dh/dt = g². For t away from 0,
 * σ_t ≈ σ_min^{1−t} σ_max^t; at t = 0 the noise vanishes exactly.
 */
public final class GeometricSchedule implements NoiseSchedule {

    private final double sigmaMin;
    private final double sigmaMax;
    private final double logRatio;

    private GeometricSchedule(double sigmaMin, double sigmaMax) {
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
        this.logRatio = Math.log(sigmaMax / sigmaMin);
    }

    static GeometricSchedule of(double sigmaMin, double sigmaMax) {
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax)) {
            throw new IllegalArgumentException("geometric schedule needs 0 < sigmaMin < sigmaMax"
                    + " < infinity, got sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax);
        }
        return new GeometricSchedule(sigmaMin, sigmaMax);
    }

    /** σ_min. */
    public double sigmaMin() {
        return sigmaMin;
    }

    /** σ_max. */
    public double sigmaMax() {
        return sigmaMax;
    }

    @Override
    public double alpha(double t) {
        NoiseSchedule.checkTime(t);
        return 1;
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(variance(t));
    }

    @Override
    public double variance(double t) {
        // σ_min² (r^{2t} − 1) = σ_min² expm1(2t ln r): exact near t = 0
        return sigmaMin * sigmaMin * Math.expm1(2 * NoiseSchedule.checkTime(t) * logRatio);
    }

    @Override
    public double drift(double t) {
        NoiseSchedule.checkTime(t);
        return 0;
    }

    @Override
    public double diffusion(double t) {
        return sigmaMin * Math.exp(NoiseSchedule.checkTime(t) * logRatio) * Math.sqrt(2 * logRatio);
    }

    @Override
    public boolean variancePreserving() {
        return false;
    }

    @Override
    public String toString() {
        return "ve-geometric(" + sigmaMin + ", " + sigmaMax + ")";
    }
}
