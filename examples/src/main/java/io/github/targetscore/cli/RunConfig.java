package io.github.targetscore.cli;

import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.samplers.diffusion.Corrector;
import io.github.targetscore.samplers.diffusion.SnrRule;
import io.github.targetscore.samplers.mcmc.McmcAlgorithm;
import java.util.List;

/**
 * The configuration of {@code targetscore run}: an iDEM sampling run (MATH §4) on an energy
 * alone. JSON; unknown fields are errors naming their path. Every field but {@code target} and
 * {@code schedule} has a default, given below; the defaults are iDEM's DW-4 settings (MATH §4
 * table) but for the loss weighting (uniform, see {@link Loop#weighting}) and the network.
 *
 * @param name a label for summaries (default: the config file's name without extension)
 * @param target the energy to sample, {@code {"energy": NAME, "parameters": {...}}}
 * @param schedule the noise schedule; iDEM uses {@code geometric} (VE) with σ_min, σ_max
 * @param network the score network (default: an MLP of 3 × 128; {@code egnn} for particle
 *     systems as iDEM)
 * @param estimator the Monte Carlo estimator of the regression targets
 * @param loop the outer and inner loop sizes
 * @param optimiser Adam
 * @param diffusion the reverse SDE that generates samples
 * @param evaluation what is measured, against which reference, and how often
 * @param refinement MCMC steps on the target applied to the final samples (default none)
 * @param checkpointEvery save a checkpoint after every this many epochs (default 1)
 * @param seed master seed of everything random (default 1)
 */
record RunConfig(String name, TargetConfig target, ScheduleConfig schedule, NetworkConfig network,
        Estimator estimator, Loop loop, Optimiser optimiser, Diffusion diffusion,
        Evaluation evaluation, Refinement refinement, Integer checkpointEvery, Long seed) {

    /** Applies defaults. */
    RunConfig {
        if (target == null) {
            throw new IllegalArgumentException("target: required, e.g. {\"energy\": \"dw4\"}");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule: required, e.g. {\"type\": \"geometric\","
                    + " \"sigmaMin\": 1e-5, \"sigmaMax\": 3}");
        }
        network = network != null ? network : new NetworkConfig(null, null, null, null, null, null, null);
        estimator = estimator != null ? estimator
                : new Estimator(null, null, null, null, null, null, null, null, null, null);
        loop = loop != null ? loop : new Loop(null, null, null, null, null, null);
        optimiser = optimiser != null ? optimiser : new Optimiser(null, null, null, null);
        diffusion = diffusion != null ? diffusion : new Diffusion(null, null, null);
        evaluation = evaluation != null ? evaluation : new Evaluation(null, null, null);
        refinement = refinement != null ? refinement : new Refinement(null, null, null, null);
        checkpointEvery = checkpointEvery != null ? checkpointEvery : 1;
        ConfigChecks.atLeast("checkpointEvery", checkpointEvery, 1);
        seed = seed != null ? seed : 1L;
    }

    /** The same run under another name. */
    RunConfig named(String label) {
        return new RunConfig(label, target, schedule, network, estimator, loop, optimiser,
                diffusion, evaluation, refinement, checkpointEvery, seed);
    }

    /**
     * @param identity the integrand: {@code tsi} (default, iDEM's), {@code dsi}, {@code kappa}
     *     (needs {@code dataVariance}), {@code kappa-bar} (needs {@code modeVariance})
     * @param sampler the posterior sampler: {@code snis} (default, iDEM's), {@code smc},
     *     {@code mala}, {@code hmc}, {@code rwmh}
     * @param samples K, posterior draws per noisy point (default 1000)
     * @param chains MCMC chains or SMC populations per point (default 8)
     * @param warmup MCMC warm-up steps (default 100)
     * @param leapfrogSteps HMC leapfrog steps (default 5)
     * @param clipNorm cap on each estimate's norm, per particle for particle systems (default
     *     20); the network's score, and a target-score parameterisation's base, are capped at
     *     the same norm when it generates samples
     * @param clipMinSigma the noise level σ_c from which the cap applies (default 0: at every
     *     level, iDEM's); below it estimates, base and generating score keep the target's own
     *     forces, which a cap of 20 would bias for LJ-13 (28 % of its particles feel more in
     *     equilibrium)
     * @param dataVariance σ_data² of the target, for κ
     * @param modeVariance σ_mode² of the target, for κ̄
     */
    record Estimator(String identity, String sampler, Integer samples, Integer chains,
            Integer warmup, Integer leapfrogSteps, Double clipNorm, Double clipMinSigma,
            Double dataVariance, Double modeVariance) {
        Estimator {
            identity = identity != null ? identity : "tsi";
            sampler = sampler != null ? sampler : "snis";
            samples = samples != null ? samples : 1000;
            chains = chains != null ? chains : 8;
            warmup = warmup != null ? warmup : 100;
            leapfrogSteps = leapfrogSteps != null ? leapfrogSteps : 5;
            clipNorm = clipNorm != null ? clipNorm : 20.0;
            clipMinSigma = clipMinSigma != null ? clipMinSigma : 0.0;
            ConfigChecks.atLeast("estimator.samples", samples, 2);
            if (!(clipNorm > 0)) {
                throw new IllegalArgumentException("estimator.clipNorm: must be > 0, got "
                        + clipNorm);
            }
            if (!(clipMinSigma >= 0) || clipMinSigma.isInfinite()) {
                throw new IllegalArgumentException("estimator.clipMinSigma: must be finite and"
                        + " >= 0, got " + clipMinSigma);
            }
        }

        /** The cap of estimates, base and generating score on {@code manifold}. */
        ScoreClipping clipping(Manifold manifold) {
            return ScoreClipping.of(manifold, clipNorm).fromNoiseLevel(clipMinSigma);
        }
    }

    /**
     * @param epochs outer iterations (default 100)
     * @param samplesPerEpoch samples generated into the buffer per epoch (default 1000)
     * @param innerSteps optimisation steps per epoch (default 100)
     * @param batchSize rows per step (default 512)
     * @param bufferCapacity replay buffer rows (default 10000)
     * @param weighting loss weighting λ_t by its MATH §3 name, a time-only one (default
     *     {@code uniform}; iDEM's is {@code sigma2}, which puts the loss on the noisiest
     *     targets and leaves the low-noise score nearly untrained)
     */
    record Loop(Integer epochs, Integer samplesPerEpoch, Integer innerSteps, Integer batchSize,
            Integer bufferCapacity, String weighting) {
        Loop {
            epochs = epochs != null ? epochs : 100;
            samplesPerEpoch = samplesPerEpoch != null ? samplesPerEpoch : 1000;
            innerSteps = innerSteps != null ? innerSteps : 100;
            batchSize = batchSize != null ? batchSize : 512;
            bufferCapacity = bufferCapacity != null ? bufferCapacity : 10_000;
            weighting = weighting != null ? weighting : "uniform";
            ConfigChecks.atLeast("loop.epochs", epochs, 1);
            ConfigChecks.atLeast("loop.samplesPerEpoch", samplesPerEpoch, 1);
            ConfigChecks.atLeast("loop.innerSteps", innerSteps, 1);
            ConfigChecks.atLeast("loop.batchSize", batchSize, 1);
            ConfigChecks.atLeast("loop.bufferCapacity", bufferCapacity, 1);
        }
    }

    /**
     * @param learningRate peak learning rate (default 1e−3)
     * @param warmupSteps linear warm-up steps, then a cosine decay to a tenth over the run
     *     (default 0: a constant rate, as iDEM)
     * @param gradientClip global gradient-norm cap (default 0.5, iDEM's)
     * @param ema weight-average decay used for generation (default 0.999)
     */
    record Optimiser(Double learningRate, Integer warmupSteps, Double gradientClip, Double ema) {
        Optimiser {
            learningRate = learningRate != null ? learningRate : 1e-3;
            warmupSteps = warmupSteps != null ? warmupSteps : 0;
            gradientClip = gradientClip != null ? gradientClip : 0.5;
            ema = ema != null ? ema : 0.999;
            ConfigChecks.atLeast("optimiser.warmupSteps", warmupSteps, 0);
        }
    }

    /**
     * @param steps Euler–Maruyama steps from t_max to t_min (default 1000, iDEM's)
     * @param grid {@code uniform} in t (default, iDEM's) or {@code log-snr}
     * @param corrector Langevin corrector steps after every Euler–Maruyama step of the final
     *     and evaluated samples, optionally also of the loop's (default none)
     */
    record Diffusion(Integer steps, String grid, LangevinCorrector corrector) {
        Diffusion {
            steps = steps != null ? steps : 1000;
            grid = grid != null ? grid : "uniform";
            corrector = corrector != null ? corrector : new LangevinCorrector(null, null, null, null);
            ConfigChecks.atLeast("diffusion.steps", steps, 1);
            if (!List.of("uniform", "log-snr").contains(grid)) {
                throw new IllegalArgumentException("diffusion.grid: unknown '" + grid
                        + "'; known: uniform, log-snr");
            }
        }
    }

    /**
     * The corrector of predictor–corrector sampling (Song et al. 2021): after every
     * Euler–Maruyama step to t, {@code steps} Langevin steps y ← y + ε s(y, t) + √(2ε) z of the
     * network's p_t, with ε = 2 (snr ‖z‖/‖s‖)². Each costs one network evaluation per sample
     * (and, for a target-score network, one target evaluation, counted as the model's). It
     * corrects the samples the run reports (the final ones and those of {@code evaluation.every});
     * the loop's own samples, which fill the replay buffer, only with {@code inLoop}: on DW-4
     * a loop trained on its corrected samples lost coverage (x-W2 2.16 to 3.01 as the steps
     * grew from 1 to 10, README).
     *
     * @param steps Langevin steps per Euler–Maruyama step (default 0: none)
     * @param snr the signal-to-noise ratio r (default 0.16, the paper's for VE)
     * @param rule {@code batch-mean} (default: ‖z‖ and ‖s‖ are means over the samples, as the
     *     authors' code) or {@code per-sample} (the paper's Algorithm 4, which in few dimensions
     *     does not keep p_t: see {@link io.github.targetscore.samplers.diffusion.SnrRule})
     * @param inLoop also correct the samples of every epoch (default false)
     */
    record LangevinCorrector(Integer steps, Double snr, String rule, Boolean inLoop) {
        LangevinCorrector {
            steps = steps != null ? steps : 0;
            snr = snr != null ? snr : 0.16;
            rule = rule != null ? rule : "batch-mean";
            inLoop = inLoop != null ? inLoop : false;
            ConfigChecks.atLeast("diffusion.corrector.steps", steps, 0);
            if (!(snr > 0) || !Double.isFinite(snr)) {
                throw new IllegalArgumentException("diffusion.corrector.snr: must be > 0, got "
                        + snr);
            }
            if (!List.of("batch-mean", "per-sample").contains(rule)) {
                throw new IllegalArgumentException("diffusion.corrector.rule: unknown '" + rule
                        + "'; known: batch-mean, per-sample");
            }
        }

        /** The library's corrector this entry names. */
        Corrector create() {
            return steps == 0 ? Corrector.none() : Corrector.langevin(steps, snr,
                    rule.equals("batch-mean") ? SnrRule.BATCH_MEAN : SnrRule.PER_SAMPLE);
        }
    }

    /**
     * @param samples generated samples scored at the end and at each evaluation (default 2000)
     * @param reference an NPY file of reference samples, at least 2·samples rows, or {@code
     *     exact} for the target's exact sampler (an error where it has none; default: exact
     *     samples of the target when it has an exact sampler, else no metrics)
     * @param every score the current network's samples after every this many epochs (default 0:
     *     only at the end)
     */
    record Evaluation(Integer samples, String reference, Integer every) {
        /** The {@code reference} value naming the target's exact sampler. */
        static final String EXACT = "exact";

        Evaluation {
            samples = samples != null ? samples : 2000;
            every = every != null ? every : 0;
            ConfigChecks.atLeast("evaluation.samples", samples, 2);
            ConfigChecks.atLeast("evaluation.every", every, 0);
        }
    }

    /**
     * Metropolis-adjusted MCMC on the target itself, started at each generated sample: the first
     * half of the steps adapt each chain's step size, the second half keep it fixed, and the last
     * state replaces the sample. An exact kernel for p_X, so it can only move the samples towards
     * the target; its cost is counted apart from the estimator's, and the metrics of the samples
     * before it are reported too.
     *
     * @param steps MCMC steps per sample (default 0: no refinement)
     * @param algorithm {@code mala} (default) or {@code hmc}
     * @param leapfrogSteps HMC leapfrog steps (default 5)
     * @param stepSize the initial step size, in units of x (default 0.01)
     */
    record Refinement(Integer steps, String algorithm, Integer leapfrogSteps, Double stepSize) {
        Refinement {
            steps = steps != null ? steps : 0;
            algorithm = algorithm != null ? algorithm : "mala";
            leapfrogSteps = leapfrogSteps != null ? leapfrogSteps : 5;
            stepSize = stepSize != null ? stepSize : 0.01;
            ConfigChecks.atLeast("refinement.steps", steps, 0);
            ConfigChecks.atLeast("refinement.leapfrogSteps", leapfrogSteps, 1);
            if (!List.of("mala", "hmc").contains(algorithm)) {
                throw new IllegalArgumentException("refinement.algorithm: unknown '" + algorithm
                        + "'; known: mala, hmc");
            }
            if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
                throw new IllegalArgumentException("refinement.stepSize: must be > 0, got "
                        + stepSize);
            }
        }

        /** The MCMC algorithm this entry names. */
        McmcAlgorithm createAlgorithm() {
            return algorithm.equals("hmc") ? McmcAlgorithm.hmc(leapfrogSteps) : McmcAlgorithm.mala();
        }
    }
}
