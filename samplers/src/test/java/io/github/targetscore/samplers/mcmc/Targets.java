package io.github.targetscore.samplers.mcmc;

import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.manifold.EuclideanSpace;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Test targets with exactly known moments; allocation-free and thread-safe. */
final class Targets {

    private Targets() {
    }

    /**
     * E[g(x)] under the 1-D density ∝ exp(−U(x)), by Simpson's rule with 20,000 intervals on
     * [−6, 6] (for energies that confine x well inside it).
     */
    static double expectation(DoubleUnaryOperator energy, DoubleUnaryOperator g) {
        int n = 20_000;
        double lo = -6;
        double h = 12.0 / n;
        double num = 0;
        double den = 0;
        for (int i = 0; i <= n; i++) {
            double a = lo + i * h;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double p = Math.exp(-energy.applyAsDouble(a));
            num += w * p * g.applyAsDouble(a);
            den += w * p;
        }
        return num / den;
    }

    /** N(μ, Σ) on R^d: log π = −½(x − μ)ᵀΣ⁻¹(x − μ), score −Σ⁻¹(x − μ). */
    static final class Gaussian implements LogDensity {
        private final Manifold manifold;
        private final double[] mean;
        private final double[] covariance;
        private final double[] precision;
        private final double[] cholesky;

        private Gaussian(double[] mean, double[] covariance) {
            int d = mean.length;
            this.manifold = EuclideanSpace.of(d);
            this.mean = mean.clone();
            this.covariance = covariance.clone();
            this.cholesky = cholesky(covariance, d);
            this.precision = inverse(covariance, d);
        }

        static Gaussian of(double[] mean, double[] covariance) {
            return new Gaussian(mean, covariance);
        }

        /** N(μ, s²I). */
        static Gaussian isotropic(double[] mean, double s) {
            int d = mean.length;
            double[] covariance = new double[d * d];
            for (int i = 0; i < d; i++) {
                covariance[i * d + i] = s * s;
            }
            return new Gaussian(mean, covariance);
        }

        double mean(int i) {
            return mean[i];
        }

        double covariance(int i, int j) {
            return covariance[i * mean.length + j];
        }

        /** Writes μ + κ L z, z ~ N(0, I), into row {@code row} of {@code out}. */
        void draw(UniformRandomProvider rng, double overdispersion, double[] out, int row) {
            int d = mean.length;
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = normal.sample();
            }
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s += cholesky[i * d + j] * z[j];
                }
                out[row * d + i] = mean[i] + overdispersion * s;
            }
        }

        @Override
        public Manifold manifold() {
            return manifold;
        }

        @Override
        public double logDensity(double[] x) {
            int d = mean.length;
            double q = 0;
            for (int i = 0; i < d; i++) {
                double g = 0;
                for (int j = 0; j < d; j++) {
                    g += precision[i * d + j] * (x[j] - mean[j]);
                }
                q += (x[i] - mean[i]) * g;
            }
            return -q / 2;
        }

        @Override
        public double logDensityAndScore(double[] x, double[] score) {
            int d = mean.length;
            double q = 0;
            for (int i = 0; i < d; i++) {
                double g = 0;
                for (int j = 0; j < d; j++) {
                    g += precision[i * d + j] * (x[j] - mean[j]);
                }
                score[i] = -g;
                q += (x[i] - mean[i]) * g;
            }
            return -q / 2;
        }

        private static double[] cholesky(double[] a, int d) {
            double[] l = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i * d + j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i * d + k] * l[j * d + k];
                    }
                    l[i * d + j] = i == j ? Math.sqrt(s) : s / l[j * d + j];
                }
            }
            return l;
        }

        /** Gauss–Jordan inverse of a small symmetric positive-definite matrix. */
        private static double[] inverse(double[] a, int d) {
            double[] m = a.clone();
            double[] inv = new double[d * d];
            for (int i = 0; i < d; i++) {
                inv[i * d + i] = 1;
            }
            for (int p = 0; p < d; p++) {
                double pivot = m[p * d + p];
                for (int j = 0; j < d; j++) {
                    m[p * d + j] /= pivot;
                    inv[p * d + j] /= pivot;
                }
                for (int r = 0; r < d; r++) {
                    if (r != p) {
                        double f = m[r * d + p];
                        for (int j = 0; j < d; j++) {
                            m[r * d + j] -= f * m[p * d + j];
                            inv[r * d + j] -= f * inv[p * d + j];
                        }
                    }
                }
            }
            return inv;
        }
    }

    /** The 1-D mixture Σ_k w_k N(m_k, s_k²), with exact mean and variance. */
    static final class Mixture1d implements LogDensity {
        private static final Manifold LINE = EuclideanSpace.of(1);
        private final double[] weights;
        private final double[] means;
        private final double[] sds;

        Mixture1d(double[] weights, double[] means, double[] sds) {
            this.weights = weights.clone();
            this.means = means.clone();
            this.sds = sds.clone();
        }

        double mean() {
            double m = 0;
            for (int k = 0; k < weights.length; k++) {
                m += weights[k] * means[k];
            }
            return m;
        }

        double variance() {
            double second = 0;
            for (int k = 0; k < weights.length; k++) {
                second += weights[k] * (sds[k] * sds[k] + means[k] * means[k]);
            }
            return second - mean() * mean();
        }

        @Override
        public Manifold manifold() {
            return LINE;
        }

        @Override
        public double logDensity(double[] x) {
            return logDensityAndScore(x, null);
        }

        @Override
        public double logDensityAndScore(double[] x, double[] score) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < weights.length; k++) {
                max = Math.max(max, logComponent(k, x[0]));
            }
            double sum = 0;
            double drift = 0;
            for (int k = 0; k < weights.length; k++) {
                double r = Math.exp(logComponent(k, x[0]) - max);
                sum += r;
                drift += r * (means[k] - x[0]) / (sds[k] * sds[k]);
            }
            if (score != null) {
                score[0] = drift / sum;
            }
            return max + Math.log(sum);
        }

        private double logComponent(int k, double x) {
            double z = (x - means[k]) / sds[k];
            return Math.log(weights[k] / sds[k]) - z * z / 2;
        }
    }

    /**
     * A many-well-like product on R^{2m}: log π(x) = −Σ_k [f(x_{2k}) + x_{2k+1}²/(2s²)] with the
     * tilted double well f(a) = a⁴ − 2a² + c·a (minima near ±1, barrier ≈ 1), whose marginal
     * moments come from quadrature.
     */
    static final class WellProduct implements LogDensity {
        private final Manifold manifold;
        private final int factors;
        private final double tilt;
        private final double gaussianSd;

        WellProduct(int factors, double tilt, double gaussianSd) {
            this.manifold = EuclideanSpace.of(2 * factors);
            this.factors = factors;
            this.tilt = tilt;
            this.gaussianSd = gaussianSd;
        }

        double gaussianSd() {
            return gaussianSd;
        }

        /** E[g(a)] under the well's marginal ∝ exp(−f(a)), by {@link #expectation}. */
        double wellExpectation(DoubleUnaryOperator g) {
            return expectation(this::well, g);
        }

        private double well(double a) {
            return a * a * a * a - 2 * a * a + tilt * a;
        }

        @Override
        public Manifold manifold() {
            return manifold;
        }

        @Override
        public double logDensity(double[] x) {
            double u = 0;
            for (int k = 0; k < factors; k++) {
                double b = x[2 * k + 1] / gaussianSd;
                u += well(x[2 * k]) + b * b / 2;
            }
            return -u;
        }

        @Override
        public double logDensityAndScore(double[] x, double[] score) {
            for (int k = 0; k < factors; k++) {
                double a = x[2 * k];
                score[2 * k] = -(4 * a * a * a - 4 * a + tilt);
                score[2 * k + 1] = -x[2 * k + 1] / (gaussianSd * gaussianSd);
            }
            return logDensity(x);
        }
    }

    /**
     * A translation-invariant Gaussian cluster of n particles in D dimensions: log π(x) =
     * −Σ_i |x_i − x̄|²/(2s²), Gaussian with variance s² on the centre-of-mass-free subspace. Its
     * score −(x_i − x̄)/s² has no centre-of-mass component.
     */
    static final class HarmonicCluster implements LogDensity {
        private final ParticleSpace space;
        private final double s;

        HarmonicCluster(int particles, int spatialDimension, double s) {
            this.space = ParticleSpace.of(particles, spatialDimension, true);
            this.s = s;
        }

        double sd() {
            return s;
        }

        @Override
        public ParticleSpace manifold() {
            return space;
        }

        @Override
        public double logDensity(double[] x) {
            return logDensityAndScore(x, null);
        }

        @Override
        public double logDensityAndScore(double[] x, double[] score) {
            int n = space.particles();
            int dim = space.spatialDimension();
            double q = 0;
            for (int k = 0; k < dim; k++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += x[i * dim + k];
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    double r = x[i * dim + k] - mean;
                    q += r * r;
                    if (score != null) {
                        score[i * dim + k] = -r / (s * s);
                    }
                }
            }
            return -q / (2 * s * s);
        }
    }
}
