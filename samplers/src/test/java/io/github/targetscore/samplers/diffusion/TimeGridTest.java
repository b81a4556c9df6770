package io.github.targetscore.samplers.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.noise.NoiseSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeGridTest {

    private static double lambda(NoiseSchedule s, double t) {
        return Math.log(s.sigma(t) / s.alpha(t));
    }

    @Test
    void logSnrGridIsEvenlySpacedInLogNoiseToSignal() {
        for (NoiseSchedule schedule : List.of(NoiseSchedule.cosine(),
                NoiseSchedule.geometric(1e-3, 3))) {
            double start = TimeGrid.defaultStart(schedule);
            TimeGrid grid = TimeGrid.logSnr(schedule, start, 1e-3, 50);
            assertEquals(50, grid.steps());
            assertEquals(start, grid.start(), 0);
            assertEquals(1e-3, grid.end(), 0);
            double step = (lambda(schedule, start) - lambda(schedule, 1e-3)) / 50;
            for (int k = 1; k <= 50; k++) {
                assertTrue(grid.time(k) < grid.time(k - 1));
                assertEquals(step, lambda(schedule, grid.time(k - 1))
                        - lambda(schedule, grid.time(k)), 1e-9, schedule + " step " + k);
            }
        }
    }

    /** The point of the grid: near t = 1 of the VP schedule its first step is far smaller. */
    @Test
    void vpFirstStepIsSmallWhereTheDynamicsAreStiff() {
        NoiseSchedule vp = NoiseSchedule.cosine();
        double start = TimeGrid.defaultStart(vp);
        TimeGrid grid = TimeGrid.logSnr(vp, start, 1e-3, 200);
        double g2 = Math.pow(vp.diffusion(start), 2);
        assertTrue(g2 * (grid.time(0) - grid.time(1)) < 0.2,
                "g²Δ = " + g2 * (grid.time(0) - grid.time(1)));
        TimeGrid uniform = TimeGrid.uniform(start, 1e-3, 200);
        assertTrue(g2 * (uniform.time(0) - uniform.time(1)) > 5);
    }

    @Test
    void infiniteLogRatiosAreRefused() {
        NoiseSchedule ve = NoiseSchedule.geometric(1e-3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeGrid.logSnr(ve, 1, 0, 10));
        assertTrue(e.getMessage().contains("must be finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TimeGrid.logSnr(NoiseSchedule.cosine(), 1, 0.1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> TimeGrid.logSnr(ve, 0.5, 0.6, 10));
    }
}
