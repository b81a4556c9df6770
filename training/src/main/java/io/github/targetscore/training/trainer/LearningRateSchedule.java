package io.github.targetscore.training.trainer;

/**
 * The learning rate η(k) at optimisation step k (counted from 0). Implementations are
 * immutable.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** η(k) &gt; 0. */
    double rate(long step);

    /** η(k) = η. */
    static LearningRateSchedule constant(double rate) {
        checkRate(rate);
        return step -> rate;
    }

    /**
     * Linear warm-up over {@code warmupSteps} from η/warmupSteps to η, then cosine decay to
     * η·{@code finalFraction} at {@code totalSteps} (constant after):
     * η(k) = η [f + (1 − f) (1 + cos(π (k − w)/(K − w)))/2].
     */
    static LearningRateSchedule cosine(double rate, long warmupSteps, long totalSteps,
            double finalFraction) {
        checkRate(rate);
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("need 0 <= warm-up steps < total steps, got "
                    + warmupSteps + ", " + totalSteps);
        }
        if (!(finalFraction >= 0 && finalFraction <= 1)) {
            throw new IllegalArgumentException("final fraction must be in [0, 1], got "
                    + finalFraction);
        }
        return step -> {
            if (step < warmupSteps) {
                return rate * (step + 1) / warmupSteps;
            }
            double progress = Math.min(1, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
            return rate * (finalFraction
                    + (1 - finalFraction) * 0.5 * (1 + Math.cos(Math.PI * progress)));
        };
    }

    private static void checkRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + rate);
        }
    }
}
