package io.github.targetscore.training.model;

/** s_θ = F_θ(y, t). */
enum Plain implements Parameterisation {
    INSTANCE;

    @Override
    public double inputScale(double alpha, double sigma) {
        return 1;
    }

    @Override
    public double outputScale(double alpha, double sigma) {
        return 1;
    }

    @Override
    public double skipScale(double alpha, double sigma) {
        return 0;
    }
}
