/**
 * Output files of the command line's sampling runs that other tools read: generated particle
 * configurations as extended XYZ ({@link io.github.targetscore.cli.output.ExtendedXyz}, for ASE,
 * OVITO or VMD), written atomically like every output of the command line.
 */
package io.github.targetscore.cli.output;
