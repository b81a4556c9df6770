package io.github.targetscore.samplers.metrics;

/** The sample-quality metrics a {@link SampleDistances} holds, with the labels reports use. */
public enum Metric {
    /** x-W2: exact 2-Wasserstein distance on centred coordinates ({@link CoordinateWasserstein}). */
    COORDINATE_W2("x-W2", false),
    /** E-W2: square-rooted 1-D 2-Wasserstein distance between energies ({@link EnergyWasserstein}). */
    ENERGY_W2("E-W2", true),
    /** E-W2², the squared value some public code logs as "E-W2". */
    ENERGY_W2_SQUARED("E-W2^2", true),
    /** Unbiased U-statistic of MMD² ({@link MmdEstimate#unbiasedSquared()}). */
    MMD_SQUARED_UNBIASED("MMD^2 (U-statistic)", false),
    /** Biased V-statistic of MMD² ({@link MmdEstimate#biasedSquared()}). */
    MMD_SQUARED_BIASED("MMD^2 (V-statistic)", false);

    private final String label;
    private final boolean comparesEnergies;

    Metric(String label, boolean comparesEnergies) {
        this.label = label;
        this.comparesEnergies = comparesEnergies;
    }

    /** The name printed in reports, such as {@code "x-W2"}. */
    public String label() {
        return label;
    }

    /**
     * Whether the metric compares the configurations' energies, not the configurations: then it
     * does not change under the target's symmetries, and its symmetrised floor is its floor
     * ({@link SampleMetrics#symmetrisedFloor}).
     */
    public boolean comparesEnergies() {
        return comparesEnergies;
    }
}
