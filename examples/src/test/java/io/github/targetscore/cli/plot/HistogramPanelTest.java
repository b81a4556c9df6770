package io.github.targetscore.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.targetscore.samplers.metrics.Histogram;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class HistogramPanelTest {

    /** 0, 1, …, 200: its plot range is [1 − 19.8, 199 + 19.8] = [−18.8, 218.8]. */
    private static double[] reference() {
        double[] values = new double[201];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return values;
    }

    @Test
    void binsFollowTheReferenceAndCountGeneratedOutliers() {
        double[] generated = {0, 50, 100, 150, 1000, Double.POSITIVE_INFINITY, -50};
        HistogramPanel panel = HistogramPanel.of("dw4", "energy U (kT)", generated, reference(),
                3);
        Histogram reference = panel.reference().orElseThrow();
        Histogram ours = panel.generated();
        // width 237.6 / 3 = 79.2: edges −18.8, 60.4, 139.6, 218.8
        assertArrayEquals(new double[] {-18.8, 60.4, 139.6, 218.8}, ours.edges(), 1e-12);
        assertArrayEquals(ours.edges(), reference.edges(), 0);
        // reference: 0..60, 61..139, 140..200
        assertArrayEquals(new int[] {61, 79, 61}, reference.counts());
        assertArrayEquals(new double[] {61 / (201 * 79.2), 79 / (201 * 79.2),
            61 / (201 * 79.2)}, reference.density(), 1e-15);
        // generated: 0, 50 | 100 | 150; −50 below; 1000 and +∞ above
        assertArrayEquals(new int[] {2, 1, 1}, ours.counts());
        assertArrayEquals(new double[] {2 / (7 * 79.2), 1 / (7 * 79.2), 1 / (7 * 79.2)},
                ours.density(), 1e-15);
        assertEquals("generated, n = 7, 3 outside", HistogramPanel.legend("generated", ours));
        assertEquals("reference, n = 201, 0 outside",
                HistogramPanel.legend("reference", reference));
    }

    @Test
    void outlineStepsThroughEveryBin() {
        Histogram h = Histogram.of(new double[] {0.5, 1.5, 1.7, 2.5, 2.6, 2.9}, 0, 3, 3);
        double[][] outline = HistogramPanel.outline(h);
        // densities 1/6, 2/6, 3/6 on unit bins
        assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, outline[0], 0);
        assertArrayEquals(new double[] {0, 1.0 / 6, 1.0 / 6, 2.0 / 6, 2.0 / 6, 3.0 / 6, 3.0 / 6,
            0}, outline[1], 1e-15);
    }

    @Test
    void withoutReferenceTheGeneratedValuesSetTheRange() {
        HistogramPanel panel = HistogramPanel.of("lj13", "r", reference(), null, 3);
        assertFalse(panel.reference().isPresent());
        assertArrayEquals(new double[] {-18.8, 60.4, 139.6, 218.8}, panel.generated().edges(),
                1e-12);
        BufferedImage image = panel.render(300, 200);
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void tickLabelsAreRoundedWithoutNegativeZero() {
        assertEquals("1.23", HistogramPanel.tickLabel(1.23456, 2));
        assertEquals("-26.5", HistogramPanel.tickLabel(-26.46, 1));
        assertEquals("0.000", HistogramPanel.tickLabel(-1e-17, 3));
        assertEquals("3", HistogramPanel.tickLabel(2.7, 0));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> HistogramPanel.of("dw4", "U", new double[0], reference(), 10));
        assertEquals("dw4: no generated values", empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> HistogramPanel.of("dw4", "U", new double[] {1, Double.NaN}, reference(),
                        10));
        assertEquals("dw4: generated histogram: value 1 is NaN", nan.getMessage());
        IllegalArgumentException badReference = assertThrows(IllegalArgumentException.class,
                () -> HistogramPanel.of("dw4", "U", new double[] {1},
                        new double[] {Double.NaN}, 10));
        assertEquals("dw4: reference: value 0 is NaN", badReference.getMessage());
    }
}
