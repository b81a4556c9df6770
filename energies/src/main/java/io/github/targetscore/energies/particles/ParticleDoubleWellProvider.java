package io.github.targetscore.energies.particles;

import io.github.targetscore.core.AbstractEnergyModelProvider;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.Preset;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;
import java.util.Map;

/**
 * The {@code particle-double-well} family: {@link ParticleDoubleWell}, n particles with the
 * pair potential (1/τ)[a u + b u² + c u⁴], u = d_ij − d0. The defaults are DW-4's (n = 4,
 * D = 2, a = 0, b = −4, c = 0.9, d0 = 4, τ = 1), also available as the preset {@code dw4}.
 */
public final class ParticleDoubleWellProvider extends AbstractEnergyModelProvider {

    /** The family's registry name. */
    public static final String NAME = "particle-double-well";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("particles", "number of particles n").withDefault(4).atLeast(2),
            ParameterSpec.integer("spatialDimension", "spatial dimension D").withDefault(2)
                    .atLeast(1),
            ParameterSpec.real("a", "linear coefficient, energy/length").withDefault(0.0),
            ParameterSpec.real("b", "quadratic coefficient, energy/length²").withDefault(-4.0),
            ParameterSpec.real("c", "quartic coefficient, energy/length⁴").withDefault(0.9)
                    .atLeast(0),
            ParameterSpec.real("d0", "centre distance of the pair potential, length")
                    .withDefault(4.0).atLeast(0),
            ParameterSpec.real("tau", "divisor τ of the energy (dimensionless)").withDefault(1.0)
                    .greaterThan(0));

    private static final List<Preset> PRESETS = List.of(new Preset("dw4",
            "DW-4: 4 particles in 2-D, U = Σ_{i<j} [0.9 (d − 4)⁴ − 4 (d − 4)²]",
            Map.of("particles", 4, "spatialDimension", 2, "a", 0.0, "b", -4.0, "c", 0.9,
                    "d0", 4.0, "tau", 1.0)));

    /** The provider, for {@link java.util.ServiceLoader}. */
    public ParticleDoubleWellProvider() {
        super(NAME, "particles in a double-well pair potential of their distance (DW-4 by"
                + " default)", "U(x) = (1/τ) Σ_{i<j} [a u + b u² + c u⁴], u = |x_i − x_j| − d0",
                PARAMETERS, PRESETS);
    }

    @Override
    public EnergyModel create(Parameters parameters) {
        PairPotential.checkCoordinateCount(parameters);
        double a = parameters.finiteReal("a");
        double b = parameters.finiteReal("b");
        double c = parameters.finiteReal("c");
        double d0 = parameters.finiteReal("d0");
        double tau = parameters.finiteReal("tau");
        String problem = ParticleDoubleWell.leadingCoefficientProblem(a, b, c);
        if (problem != null) {
            String culprit = c > 0 ? "c" : b != 0 ? "b" : a != 0 ? "a" : "c";
            throw parameters.invalid(culprit, "is not allowed: " + problem);
        }
        if (!Double.isFinite(4 * c / tau) || !Double.isFinite(2 * b / tau)
                || !Double.isFinite(a / tau)) {
            throw parameters.invalid("tau", "is too small: the coefficients divided by τ = "
                    + tau + " are not finite");
        }
        return ParticleDoubleWell.of(parameters.integer("particles"),
                parameters.integer("spatialDimension"), a, b, c, d0, tau);
    }
}
