package io.github.targetscore.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    private static LinePanel panel(String title) {
        double[] t = {0.01, 0.1, 0.5, 1};
        return new LinePanel(title, "t", "variance", true, List.of(
                new LinePanel.Curve("dsi", t, new double[] {1e4, 1e2, 1, 0.5}),
                new LinePanel.Curve("tsi", t, new double[] {1e-3, 0.1, 1, Double.NaN})));
    }

    @Test
    void writesAGridOfPanels(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("variance.png");
        Figures.writePng(png, List.of(panel("a"), panel("b"), panel("c")), 2);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * 520, image.getWidth());
        assertEquals(2 * 400, image.getHeight());
        // every drawn panel has ink (axes, curves, text); the empty fourth cell stays white
        assertTrue(nonWhitePixels(image, 0, 0) > 1000);
        assertTrue(nonWhitePixels(image, 0, 400) > 1000);
        assertEquals(0, nonWhitePixels(image, 520, 400));
    }

    private static int nonWhitePixels(BufferedImage image, int x0, int y0) {
        int count = 0;
        for (int x = x0; x < x0 + 520; x++) {
            for (int y = y0; y < y0 + 400; y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void panelsOfDifferentKindsShareOneGrid(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("run.png");
        Figures.writePng(png, List.of(panel("loss"),
                HistogramPanel.of("energies", "U", new double[] {1, 2, 2, 3}, null, 3),
                DensityScatterPanel.of("samples", new double[] {0, 0}, (x, y) -> x * x + y * y,
                        PlotWindow.square(2))), 3);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(3 * 520, image.getWidth());
        assertEquals(400, image.getHeight());
        for (int column = 0; column < 3; column++) {
            assertTrue(nonWhitePixels(image, column * 520, 0) > 1000);
        }
    }

    @Test
    void rejectsMismatchedCurvesAndEmptyFigures() {
        assertThrows(IllegalArgumentException.class,
                () -> new LinePanel.Curve("x", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> Figures.writePng(Path.of("unused.png"), List.of(), 1));
    }
}
