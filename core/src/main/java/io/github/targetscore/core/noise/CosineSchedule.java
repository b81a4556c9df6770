package io.github.targetscore.core.noise;

/**
 * The variance-preserving cosine schedule (TSM §4): α_t = cos(πt/2), σ_t = sin(πt/2), so
 * f(t) = −(π/2) tan(πt/2) and g(t)² = π tan(πt/2). The drift and diffusion diverge at t = 1,
 * where the noised density is exactly N(0, I).
 */
final class CosineSchedule implements NoiseSchedule {

    static final CosineSchedule INSTANCE = new CosineSchedule();

    private static final double HALF_PI = Math.PI / 2;

    private CosineSchedule() {
    }

    @Override
    public double alpha(double t) {
        // cos(πt/2) written as sin(π(1 − t)/2): accurate near t = 1 and exactly 0 there
        return Math.sin(HALF_PI * (1 - NoiseSchedule.checkTime(t)));
    }

    @Override
    public double sigma(double t) {
        return Math.sin(HALF_PI * NoiseSchedule.checkTime(t));
    }

    @Override
    public double drift(double t) {
        return -HALF_PI * Math.tan(HALF_PI * NoiseSchedule.checkTime(t));
    }

    @Override
    public double diffusion(double t) {
        return Math.sqrt(Math.PI * Math.tan(HALF_PI * NoiseSchedule.checkTime(t)));
    }

    @Override
    public boolean variancePreserving() {
        return true;
    }

    @Override
    public String toString() {
        return "vp-cosine";
    }
}
