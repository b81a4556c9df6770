package io.github.targetscore.samplers.importance;

import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.samplers.posterior.Posterior;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Metropolis-adjusted Langevin moves that leave the tempered posterior
 * <pre>
 *   π_λ(x) ∝ p_X(x)^λ N(y; αx, σ²I),   ∇log π_λ(x) = λ ∇log p_X(x) + α(y − αx)/σ²
 * </pre>
 * invariant, applied to every particle of a population: x' = x + (ε²/2) P∇log π_λ(x) + ε Pξ,
 * ξ ~ N(0, I), P the manifold's tangent projection (identity on R^d, centre-of-mass removal for
 * translation-invariant particles), accepted with probability
 * min(1, π_λ(x') q(x|x') / (π_λ(x) q(x'|x))), q(x'|x) ∝ exp(−|x' − x − (ε²/2)P∇log π_λ(x)|²/(2ε²)).
 * The step ε (units of x) is shared by the population and adapted between sweeps toward the
 * optimal MALA acceptance rate 0.574 (Roberts and Rosenthal 1998).
 */
final class TemperedMala {

    /** The acceptance rate the step size is adapted toward. */
    static final double TARGET_ACCEPTANCE = 0.574;

    private TemperedMala() {
    }

    /**
     * The step after a sweep with the given acceptance rate: ε · exp(2 (rate − 0.574)), which
     * shrinks ε by up to a factor 3.2 after a sweep without acceptances and grows it by up to
     * 2.3 after one that accepted everything.
     */
    static double adapt(double step, double acceptanceRate) {
        return step * Math.exp(2 * (acceptanceRate - TARGET_ACCEPTANCE));
    }

    /**
     * One MALA move of every particle. Proposals are evaluated as one batch; standard normals
     * are drawn first (particle-major), then one uniform per particle.
     *
     * @param posterior gives α, σ and the target p_X
     * @param lambda λ ∈ (0, 1]
     * @param step ε &gt; 0
     * @param count number of particles
     * @param w holds the particles' positions, target scores and log p_X (updated in place),
     *     the proposal buffers and scratch
     * @param normal standard normal draws
     * @param rng uniform draws
     * @return the number of accepted moves
     */
    static int sweep(Posterior posterior, double lambda, double step, int count, Workspace w,
            NormalizedGaussianSampler normal, UniformRandomProvider rng) {
        Manifold manifold = posterior.manifold();
        int d = manifold.dimension();
        double[] x = w.positions;
        double[] g = w.scores;
        double[] proposals = w.proposals;
        double halfStep2 = 0.5 * step * step;
        for (int k = 0; k < count; k++) {
            int o = k * d;
            for (int i = 0; i < d; i++) {
                w.noise[i] = normal.sample();
            }
            manifold.projectTangent(w.noise, 0);
            double[] drift = drift(posterior, lambda, x, g, o, w);
            for (int i = 0; i < d; i++) {
                proposals[o + i] = x[o + i] + step * w.noise[i] + halfStep2 * drift[i];
            }
        }
        TargetEvaluation.logDensitiesAndScores(posterior.target(), proposals, count,
                w.proposalLogTarget, w.proposalScores, w);
        int accepted = 0;
        for (int k = 0; k < count; k++) {
            int o = k * d;
            double logRatio = lambda * (w.proposalLogTarget[k] - w.logTarget[k])
                    + logLikelihood(posterior, proposals, o, d) - logLikelihood(posterior, x, o, d)
                    + logTransition(posterior, lambda, proposals, w.proposalScores, x, o, step, w)
                    - logTransition(posterior, lambda, x, g, proposals, o, step, w);
            if (Math.log(rng.nextDouble()) < logRatio) {
                System.arraycopy(proposals, o, x, o, d);
                System.arraycopy(w.proposalScores, o, g, o, d);
                w.logTarget[k] = w.proposalLogTarget[k];
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * P∇log π_λ at row {@code o} of {@code x} (target score in {@code g}), written into and
     * returned as {@link Workspace#drift}.
     */
    private static double[] drift(Posterior posterior, double lambda, double[] x, double[] g,
            int o, Workspace w) {
        double alpha = posterior.alpha();
        double c = alpha / (posterior.sigma() * posterior.sigma());
        double[] drift = w.drift;
        for (int i = 0; i < drift.length; i++) {
            drift[i] = lambda * g[o + i] + c * (posterior.y(i) - alpha * x[o + i]);
        }
        posterior.manifold().projectTangent(drift, 0);
        return drift;
    }

    /** −|y − αx|²/(2σ²) at row {@code o} of {@code x}. */
    private static double logLikelihood(Posterior posterior, double[] x, int o, int d) {
        double alpha = posterior.alpha();
        double s = 0;
        for (int i = 0; i < d; i++) {
            double r = posterior.y(i) - alpha * x[o + i];
            s += r * r;
        }
        return -s / (2 * posterior.sigma() * posterior.sigma());
    }

    /**
     * log q(to | from) up to its constant: −|to − from − (ε²/2)P∇log π_λ(from)|²/(2ε²), for row
     * {@code o} of both arrays ({@code fromScores}: ∇log p_X at {@code from}).
     */
    private static double logTransition(Posterior posterior, double lambda, double[] from,
            double[] fromScores, double[] to, int o, double step, Workspace w) {
        double[] drift = drift(posterior, lambda, from, fromScores, o, w);
        double halfStep2 = 0.5 * step * step;
        double s = 0;
        for (int i = 0; i < drift.length; i++) {
            double r = to[o + i] - from[o + i] - halfStep2 * drift[i];
            s += r * r;
        }
        return -s / (2 * step * step);
    }
}
