package io.github.targetscore.cli;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.LogDensity;
import io.github.targetscore.core.ScoreClipping;
import io.github.targetscore.core.manifold.ParticleSpace;
import io.github.targetscore.training.model.Parameterisation;
import io.github.targetscore.training.network.Activation;
import io.github.targetscore.training.network.DataParallelNetwork;
import io.github.targetscore.training.network.Egnn;
import io.github.targetscore.training.network.Mlp;
import io.github.targetscore.training.network.ScoreNetwork;

/**
 * The {@code network} section of a JSON config ({@code train}, {@code run}). An MLP takes a
 * point's coordinates and returns a tangent vector: on SO(3)^n 9 matrix entries in and a
 * body-frame 3-vector out per body (plus the positions on rigid bodies).
 *
 * @param type {@code mlp} (default) or {@code egnn} (particle systems: an E(n)-equivariant
 *     graph network of {@code depth} layers)
 * @param width hidden width (default 128)
 * @param depth hidden layers (default 3)
 * @param activation {@code silu} (default), {@code tanh} or {@code relu}
 * @param embedding width of the time embedding (default 128)
 * @param parameterisation {@code plain} (default), {@code preconditioned},
 *     {@code target-score} or {@code blended-target-score} (the target's score weighted by
 *     α²σ_mode²/(α²σ_mode² + σ²), see {@code Parameterisation.blendedTargetScore})
 * @param shards MLP only: split each batch into this many parts run side by side on as many
 *     threads ({@code DataParallelNetwork}; default 1; results depend on it, not on the thread
 *     count); pair it with {@code --network-threads 1}
 */
record NetworkConfig(String type, Integer width, Integer depth, String activation,
        Integer embedding, String parameterisation, Integer shards) {
    NetworkConfig {
        type = type != null ? type : "mlp";
        width = width != null ? width : 128;
        depth = depth != null ? depth : 3;
        ConfigChecks.atLeast("network.width", width, 1);
        ConfigChecks.atLeast("network.depth", depth, 1);
        activation = activation != null ? activation : "silu";
        embedding = embedding != null ? embedding : 128;
        parameterisation = parameterisation != null ? parameterisation : "plain";
        shards = shards != null ? shards : 1;
        ConfigChecks.atLeast("network.shards", shards, 1);
        if (shards > 1 && !"mlp".equals(type)) {
            throw new IllegalArgumentException("network.shards: only an mlp splits its batch, got"
                    + " shards = " + shards + " for " + type);
        }
    }

    /** The network this entry describes, for the target's space. */
    ScoreNetwork create(EnergyModel model, long seed) {
        switch (type) {
            case "mlp":
                Mlp mlp = Mlp.builder(model.manifold().dimension())
                        .outputDimension(model.manifold().tangentDimension()).width(width)
                        .depth(depth).activation(Activation.byName(activation))
                        .embeddingDimension(embedding).seed(seed).build();
                return shards > 1 ? DataParallelNetwork.of(mlp, shards) : mlp;
            case "egnn":
                if (!(model.manifold() instanceof ParticleSpace)) {
                    throw new IllegalArgumentException("network.type: egnn needs a particle "
                            + "system, " + model + " lives on " + model.manifold());
                }
                ParticleSpace space = (ParticleSpace) model.manifold();
                return Egnn.builder(space.particles(), space.spatialDimension())
                        .width(width).layers(depth)
                        .embeddingDimension(embedding).seed(seed).build();
            default:
                throw new IllegalArgumentException("network.type: unknown '" + type
                        + "'; known: mlp, egnn");
        }
    }

    /**
     * The parameterisation this entry names.
     *
     * @param modeVariance σ_mode² for {@code blended-target-score}, NaN where none is known
     */
    Parameterisation parameterisation(LogDensity target, double dataVariance,
            double modeVariance, ScoreClipping clip) {
        switch (parameterisation) {
            case "plain": return Parameterisation.plain();
            case "preconditioned": return Parameterisation.preconditioned(dataVariance);
            case "target-score": return Parameterisation.targetScore(target, clip);
            case "blended-target-score":
                if (Double.isNaN(modeVariance)) {
                    throw new IllegalArgumentException("network.parameterisation: "
                            + "blended-target-score needs the modes' variance (estimator.modeVariance)");
                }
                return Parameterisation.blendedTargetScore(target, clip, modeVariance);
            default:
                throw new IllegalArgumentException("network.parameterisation: unknown '" + parameterisation
                        + "'; known: plain, preconditioned, target-score, blended-target-score");
        }
    }
}
