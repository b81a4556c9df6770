package io.github.targetscore.training.model;

/** s_θ = F_θ(y, t): every coefficient at its default. */
enum Plain implements Parameterisation {
    INSTANCE
}
