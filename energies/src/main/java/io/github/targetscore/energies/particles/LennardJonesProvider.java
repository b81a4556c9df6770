package io.github.targetscore.energies.particles;

import io.github.targetscore.core.AbstractEnergyModelProvider;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.Preset;
import io.github.targetscore.core.parameters.ParameterSpec;
import io.github.targetscore.core.parameters.Parameters;
import java.util.List;
import java.util.Map;

/**
 * The {@code lennard-jones} family: {@link LennardJones} clusters, with presets {@code lj13}
 * and {@code lj55} in the iDEM benchmark convention.
 *
 * <p>The defaults are the iDEM benchmark convention of MATH §8 (ε = 1, rm = 1, ordered pair
 * sum, oscillator scale 1, softening 10⁻⁶, 3-D), so that {@code lennard-jones} with
 * {@code particles = n} is the LJ-n benchmark target; only {@code particles} is required. Note
 * that the ordered pair sum counts every pair twice: for the textbook energy give
 * {@code pairSum = "unordered"}, and {@code oscillatorScale = 0}, {@code softening = 0} for the
 * bare cluster (whose density is not normalisable).
 */
public final class LennardJonesProvider extends AbstractEnergyModelProvider {

    /** The family's registry name. */
    public static final String NAME = "lennard-jones";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("particles", "number of particles n").atLeast(2),
            ParameterSpec.integer("spatialDimension", "spatial dimension D").withDefault(3)
                    .atLeast(1),
            ParameterSpec.real("epsilon", "well depth ε of one pair, energy units (kT)")
                    .withDefault(1.0).greaterThan(0),
            ParameterSpec.real("rm", "distance of the pair minimum, length units")
                    .withDefault(1.0).greaterThan(0),
            ParameterSpec.choice("pairSum", "'ordered': Σ over i ≠ j, every pair twice (iDEM); "
                    + "'unordered': Σ over i < j (textbook)", "ordered", "unordered")
                    .withDefault("ordered"),
            ParameterSpec.real("oscillatorScale", "c of the confinement (c/2) Σ|x_i − x̄|², "
                    + "energy/length²; 0 for none").withDefault(1.0).atLeast(0),
            ParameterSpec.real("softening", "s in r = √(|x_i − x_j|² + s), length²; 0 for none")
                    .withDefault(LennardJones.IDEM_SOFTENING).atLeast(0));

    private static final List<Preset> PRESETS = List.of(
            preset("lj13", 13, "LJ-13 (iDEM convention: ordered pairs, c = 1, s = 1e-6), 3-D"),
            preset("lj55", 55, "LJ-55 (iDEM convention: ordered pairs, c = 1, s = 1e-6), 3-D"));

    private static Preset preset(String name, int particles, String description) {
        return new Preset(name, description, Map.of(
                "particles", particles,
                "spatialDimension", 3,
                "epsilon", 1.0,
                "rm", 1.0,
                "pairSum", "ordered",
                "oscillatorScale", 1.0,
                "softening", LennardJones.IDEM_SOFTENING));
    }

    /** The provider, for {@link java.util.ServiceLoader}. */
    public LennardJonesProvider() {
        super(NAME, "Lennard-Jones cluster with optional harmonic confinement and softening "
                + "(iDEM convention by default: pair part twice the textbook energy)",
                "U(x) = ε_f Σ_pairs [(rm/r)¹² − 2 (rm/r)⁶] + (c/2) Σ_i |x_i − x̄|², "
                        + "r = √(|x_i − x_j|² + s); ε_f = ε over i ≠ j (ordered) or i < j "
                        + "(unordered)", PARAMETERS, PRESETS);
    }

    @Override
    public EnergyModel create(Parameters parameters) {
        PairPotential.checkCoordinateCount(parameters);
        double epsilon = parameters.finiteReal("epsilon");
        double rm = parameters.real("rm");
        if (!Double.isFinite(rm) || !Double.isFinite(24 * epsilon / (rm * rm))
                || !(rm * rm > 0)) {
            throw parameters.invalid("rm", "must be finite and give a finite 24 ε/rm², got "
                    + rm);
        }
        return LennardJones.of(parameters.integer("particles"),
                parameters.integer("spatialDimension"), epsilon, rm,
                LennardJones.PairSum.of(parameters.choice("pairSum")),
                parameters.finiteReal("oscillatorScale"), parameters.finiteReal("softening"));
    }
}
