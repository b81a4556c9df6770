/**
 * PNG figures for the command line's studies and sampling runs (XChart and Java2D, headless):
 * {@link io.github.targetscore.cli.plot.Figures} lays {@link io.github.targetscore.cli.plot.Panel}s
 * out on a grid and writes the file atomically. Panels: line plots
 * ({@link io.github.targetscore.cli.plot.LinePanel}: loss curves, estimator variances),
 * histograms of generated against reference values
 * ({@link io.github.targetscore.cli.plot.HistogramPanel}: energies, pair distances) and 2-D
 * samples over their target's density
 * ({@link io.github.targetscore.cli.plot.DensityScatterPanel}).
 * {@link io.github.targetscore.cli.plot.SampleFigures} writes a sampling run's figures in one
 * call each.
 */
package io.github.targetscore.cli.plot;
