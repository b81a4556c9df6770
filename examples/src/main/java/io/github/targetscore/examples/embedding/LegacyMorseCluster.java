package io.github.targetscore.examples.embedding;

import java.util.Arrays;

/**
 * Stands for a simulation code's own potential, written without targetscore in mind and with
 * its own conventions: a cluster of atoms interacting through the Morse pair potential
 *
 * <pre>
 * V(r) = ε (e^{2ρ(1 − r/r0)} − 2 e^{ρ(1 − r/r0)}),   E = Σ_{i&lt;j} V(r_ij)
 * </pre>
 *
 * <p>with well depth ε at the equilibrium distance r0 and range parameter ρ. Positions are
 * {@code double[atoms][3]} in ångström, energies in eV, and the code computes forces
 * F_i = −∂E/∂r_i (eV/Å), as molecular dynamics needs them, never gradients.
 */
public final class LegacyMorseCluster {

    private final int atoms;
    private final double wellDepth;
    private final double range;
    private final double equilibriumDistance;

    /**
     * @param atoms number of atoms
     * @param wellDepth ε in eV
     * @param range ρ, dimensionless (6 is a typical metal, larger is shorter-ranged)
     * @param equilibriumDistance r0 in Å
     */
    public LegacyMorseCluster(int atoms, double wellDepth, double range,
            double equilibriumDistance) {
        this.atoms = atoms;
        this.wellDepth = wellDepth;
        this.range = range;
        this.equilibriumDistance = equilibriumDistance;
    }

    /** The number of atoms the cluster was set up with. */
    public int getNumberOfAtoms() {
        return atoms;
    }

    /**
     * Computes the potential energy and the forces.
     *
     * @param positions {@code positions[i]} = (x, y, z) of atom i, Å
     * @param forces output, {@code forces[i]} = force on atom i, eV/Å, overwritten
     * @return the potential energy E, eV
     */
    public double computeForces(double[][] positions, double[][] forces) {
        for (double[] force : forces) {
            Arrays.fill(force, 0.0);
        }
        double energy = 0;
        double[] separation = new double[3];
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++) {
                double r2 = 0;
                for (int k = 0; k < 3; k++) {
                    separation[k] = positions[i][k] - positions[j][k];
                    r2 += separation[k] * separation[k];
                }
                double r = Math.sqrt(r2);
                double e = Math.exp(range * (1 - r / equilibriumDistance));
                energy += wellDepth * e * (e - 2);
                // −dV/dr = 2ερ/r0 · e (e − 1), along the unit vector from j to i
                double pull = 2 * wellDepth * range / equilibriumDistance * e * (e - 1) / r;
                for (int k = 0; k < 3; k++) {
                    forces[i][k] += pull * separation[k];
                    forces[j][k] -= pull * separation[k];
                }
            }
        }
        return energy;
    }
}
