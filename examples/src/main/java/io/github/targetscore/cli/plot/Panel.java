package io.github.targetscore.cli.plot;

import java.awt.image.BufferedImage;

/** One cell of a figure ({@link Figures}): draws itself as an image of the cell's size. */
public interface Panel {

    /**
     * Draws the panel.
     *
     * @param width the image's width in pixels
     * @param height the image's height in pixels
     * @return a new image of exactly that size
     */
    BufferedImage render(int width, int height);
}
