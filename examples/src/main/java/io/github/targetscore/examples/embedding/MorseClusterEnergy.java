package io.github.targetscore.examples.embedding;

import io.github.targetscore.core.Batches;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.manifold.Manifold;
import io.github.targetscore.core.manifold.ParticleSpace;

/**
 * Adapts {@link LegacyMorseCluster} to {@link EnergyModel}: flat particle-major coordinates in,
 * the legacy energy out, and gradient = −force. This is all a simulation code writes to use its
 * own potential with targetscore; units stay the code's own (Å, eV, so β is in 1/eV).
 *
 * <p>The legacy class keeps no state between calls, so one adapter may serve many threads. A
 * legacy potential with scratch buffers would need one instance per thread (a
 * {@link ThreadLocal}) to honour the contract's thread safety.
 */
public final class MorseClusterEnergy implements EnergyModel {

    private final LegacyMorseCluster cluster;
    private final ParticleSpace space;

    /** @param cluster the simulation code's potential */
    public MorseClusterEnergy(LegacyMorseCluster cluster) {
        this.cluster = cluster;
        this.space = ParticleSpace.of(cluster.getNumberOfAtoms(), 3, true);
    }

    @Override
    public Manifold manifold() {
        return space;
    }

    @Override
    public double energy(double[] x) {
        return energyAndGradient(x, new double[x.length]);
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradient) {
        Batches.checkLength(x, dimension(), "configuration");
        Batches.checkLength(gradient, dimension(), "gradient");
        double[][] positions = new double[space.particles()][3];
        double[][] forces = new double[space.particles()][3];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(x, 3 * i, positions[i], 0, 3);
        }
        double energy = cluster.computeForces(positions, forces);
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("Morse cluster energy is " + energy + ": "
                    + Batches.describeNonFinite(x, 0, x.length));
        }
        for (int i = 0; i < forces.length; i++) {
            for (int k = 0; k < 3; k++) {
                gradient[3 * i + k] = -forces[i][k];
            }
        }
        return energy;
    }
}
