package io.github.targetscore.cli.plot;

import io.github.targetscore.cli.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes figures of {@link Panel}s (line plots, sample histograms, density scatters) as PNG files
 * (XChart and Java2D, headless), panels of {@value #PANEL_WIDTH} × {@value #PANEL_HEIGHT} pixels
 * laid out on a grid, the file replaced atomically.
 */
public final class Figures {

    /** A panel's width in pixels. */
    public static final int PANEL_WIDTH = 520;
    /** A panel's height in pixels. */
    public static final int PANEL_HEIGHT = 400;

    private Figures() {
    }

    /**
     * Draws the panels on a grid of {@code columns} columns and writes the PNG.
     *
     * @param file the PNG to write
     * @param panels the panels, row by row
     * @param columns panels per row, ≥ 1
     */
    public static void writePng(Path file, List<? extends Panel> panels, int columns)
            throws IOException {
        if (columns < 1 || panels.isEmpty()) {
            throw new IllegalArgumentException("need at least one panel and one column");
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * PANEL_WIDTH, rows * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int p = 0; p < panels.size(); p++) {
                BufferedImage panel = panels.get(p).render(PANEL_WIDTH, PANEL_HEIGHT);
                g.drawImage(panel, (p % cols) * PANEL_WIDTH, (p / cols) * PANEL_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** Writes a figure of one panel. */
    public static void writePng(Path file, Panel panel) throws IOException {
        writePng(file, List.of(panel), 1);
    }
}
