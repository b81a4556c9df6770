package io.github.targetscore.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import io.github.targetscore.core.ExactSampler;
import io.github.targetscore.core.random.RandomStreams;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFiguresTest {

    private static final EnergyRegistry REGISTRY = EnergyRegistry.load();

    /** n exact samples of a target, sample i from stream i. */
    private static double[] exactSamples(EnergyModel model, int n, long seed) {
        ExactSampler sampler = model.exactSampler().orElseThrow();
        RandomStreams streams = RandomStreams.of(seed);
        int d = model.dimension();
        double[] xs = new double[n * d];
        for (int i = 0; i < n; i++) {
            sampler.sample(streams.stream(i), xs, i * d);
        }
        return xs;
    }

    private static double[] energies(EnergyModel model, double[] xs) {
        double[] u = new double[xs.length / model.dimension()];
        model.energies(xs, 0, u.length, u);
        return u;
    }

    /** The PNG decodes, has one panel's size and ink on it. */
    private static void assertPanelPng(Path file) throws IOException {
        assertTrue(Files.size(file) > 0);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Figures.PANEL_WIDTH, image.getWidth());
        assertEquals(Figures.PANEL_HEIGHT, image.getHeight());
        int ink = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        assertTrue(ink > 1000, "non-white pixels: " + ink);
    }

    @Test
    void energyHistogramWithAndWithoutReference(@TempDir Path dir) throws IOException {
        EnergyModel gmm = REGISTRY.create("gmm40", Map.of());
        double[] generated = energies(gmm, exactSamples(gmm, 400, 1));
        double[] reference = energies(gmm, exactSamples(gmm, 400, 2));
        generated[0] = Double.POSITIVE_INFINITY;
        SampleFigures.energyHistogram(dir.resolve("energy.png"), generated, reference, "GMM-40");
        assertPanelPng(dir.resolve("energy.png"));
        SampleFigures.energyHistogram(dir.resolve("alone.png"), generated, null, "GMM-40");
        assertPanelPng(dir.resolve("alone.png"));
    }

    @Test
    void pairDistanceHistogram(@TempDir Path dir) throws IOException {
        // 4 particles in 2-D at random (a DW-4 layout), against a slightly larger spread
        double[] generated = new double[300 * 8];
        double[] reference = new double[300 * 8];
        var rng = RandomStreams.of(3).stream(0);
        for (int i = 0; i < generated.length; i++) {
            generated[i] = 2 * rng.nextDouble();
            reference[i] = 2.5 * rng.nextDouble();
        }
        SampleFigures.pairDistances(dir.resolve("pairs.png"), generated, reference, 4, 2, "DW-4");
        assertPanelPng(dir.resolve("pairs.png"));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> SampleFigures.pairDistances(dir.resolve("bad.png"), generated,
                        new double[12], 4, 2, "DW-4"));
        assertTrue(width.getMessage().contains("12 values are not whole configurations of 4 "
                + "particles × 2"), width.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SampleFigures.pairDistances(dir.resolve("bad.png"), new double[0],
                        reference, 4, 2, "DW-4"));
        assertEquals("DW-4: no generated values", empty.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("pairs.png")), files.collect(Collectors.toList()));
        }
    }

    @Test
    void gmm40SamplesOverItsDensity(@TempDir Path dir) throws IOException {
        EnergyModel gmm = REGISTRY.create("gmm40", Map.of());
        Path png = dir.resolve("gmm40.png");
        SampleFigures.densityScatter(png, exactSamples(gmm, 500, 4), gmm, PlotWindow.square(50),
                "GMM-40");
        assertPanelPng(png);
        IllegalArgumentException notTwoD = assertThrows(IllegalArgumentException.class,
                () -> SampleFigures.densityScatter(dir.resolve("dw4.png"), new double[8],
                        REGISTRY.create("dw4", Map.of()), PlotWindow.square(5), "DW-4"));
        assertEquals("DW-4: a density scatter needs a 2-D target, got dimension 8",
                notTwoD.getMessage());
    }
}
