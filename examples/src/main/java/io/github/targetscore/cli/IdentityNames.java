package io.github.targetscore.cli;

import io.github.targetscore.core.identity.ScoreIdentity;

/** Score identities by their command-line names. */
final class IdentityNames {

    private IdentityNames() {
    }

    /**
     * @param name dsi, tsi, kappa, kappa-bar or phillips
     * @param dataVariance σ_data² for kappa (may be null otherwise)
     * @param modeVariance σ_mode² for kappa-bar (may be null otherwise)
     */
    static ScoreIdentity parse(String name, Double dataVariance, Double modeVariance) {
        switch (name) {
            case "dsi": return ScoreIdentity.dsi();
            case "tsi": return ScoreIdentity.tsi();
            case "kappa": return ScoreIdentity.kappa(required(dataVariance, "--data-variance", name));
            case "kappa-bar": return ScoreIdentity.kappaBar(required(modeVariance, "--mode-variance", name));
            case "phillips": return ScoreIdentity.phillips();
            default:
                throw new IllegalArgumentException("unknown identity '" + name
                        + "'; known: dsi, tsi, kappa, kappa-bar, phillips");
        }
    }

    private static double required(Double value, String option, String identity) {
        if (value == null) {
            throw new IllegalArgumentException("identity " + identity + " needs " + option);
        }
        return value;
    }
}
