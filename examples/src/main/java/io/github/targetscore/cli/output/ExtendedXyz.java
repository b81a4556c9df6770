package io.github.targetscore.cli.output;

import io.github.targetscore.cli.AtomicFiles;
import io.github.targetscore.core.Batches;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Writes particle configurations as an extended XYZ trajectory, one frame per configuration, as
 * ASE ({@code ase.io.read(file, index=":")}), OVITO and the libAtoms tools read it.
 *
 * <p>A configuration is a particle-major row {@code x1, y1[, z1], x2, ...} of n·D coordinates
 * (D = 1, 2 or 3, in the target's length units). Frame i is
 *
 * <pre>
 * n
 * Properties=species:S:1:pos:R:3 energy=U_i frame=i comment="text" pbc="F F F"
 * Ar x y z
 * ... (n atom lines)
 * </pre>
 *
 * <p>Positions always have three columns: systems in fewer than three dimensions are padded
 * with zeros (a 2-D system lies in the plane z = 0). Numbers are written in Java's shortest
 * round-trip form ({@link Double#toString(double)}, e.g. {@code -1.25} or {@code 1.0E-5}), so
 * reading the file back gives the same doubles. {@code energy} (U_i in the model's energy units,
 * kT = 1; ASE puts it on a single-point calculator) is written only when energies are given; an
 * infinite energy (coincident particles without softening) is written {@code inf} or
 * {@code -inf}, which ASE reads as a float. {@code frame} is the configuration's row index
 * from 0. The optional comment is quoted, with {@code \} and {@code "} escaped by a backslash.
 * Immutable.
 *
 * @param particles n, ≥ 1
 * @param spatialDimension D, 1 to 3
 * @param species the species column of every atom line, a bare token (ASE needs a chemical
 *     symbol; {@value #DEFAULT_SPECIES} by default)
 */
public record ExtendedXyz(int particles, int spatialDimension, String species) {

    /** The species written when none is given: argon, the Lennard-Jones archetype. */
    public static final String DEFAULT_SPECIES = "Ar";

    private static final String PROPERTIES = "Properties=species:S:1:pos:R:3";
    private static final Pattern BARE_TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Checks the layout. */
    public ExtendedXyz {
        if (particles < 1 || spatialDimension < 1 || spatialDimension > 3) {
            throw new IllegalArgumentException("extended XYZ: need at least 1 particle in 1 to 3 "
                    + "dimensions, got " + particles + " particles in " + spatialDimension);
        }
        if (species == null || !BARE_TOKEN.matcher(species).matches()) {
            throw new IllegalArgumentException("extended XYZ: species '" + species
                    + "' is not a bare name (a letter, then letters, digits or _)");
        }
    }

    /** n particles in D dimensions, written as {@value #DEFAULT_SPECIES}. */
    public static ExtendedXyz of(int particles, int spatialDimension) {
        return new ExtendedXyz(particles, spatialDimension, DEFAULT_SPECIES);
    }

    /** The same layout written as {@code species}. */
    public ExtendedXyz withSpecies(String species) {
        return new ExtendedXyz(particles, spatialDimension, species);
    }

    /**
     * Writes one frame per configuration, atomically (see {@link AtomicFiles}). Everything is
     * checked before the file is opened.
     *
     * @param file the {@code .xyz} file to write
     * @param rows configurations, particle-major rows of n·D finite coordinates, at least one
     * @param energies U of each configuration (one per row, none NaN), or {@code null} for none
     * @param comment text for every frame's {@code comment} key (one line), or {@code null}
     * @throws IllegalArgumentException saying what is wrong: rows that are not whole, the row
     *     and coordinate of a non-finite value, an energy count that does not match, a NaN energy
     *     (naming its frame), a comment with a line break
     */
    public void write(Path file, double[] rows, double[] energies, String comment)
            throws IOException {
        int frames = frames(rows);
        if (energies != null) {
            checkEnergies(energies, frames);
        }
        String quotedComment = comment == null ? null : quoted(comment);
        AtomicFiles.write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out,
                    StandardCharsets.UTF_8));
            for (int frame = 0; frame < frames; frame++) {
                writeFrame(writer, rows, frame, energies, quotedComment);
            }
            writer.flush();
        });
    }

    private int frames(double[] rows) {
        int width = particles * spatialDimension;
        if (rows.length == 0 || rows.length % width != 0) {
            throw new IllegalArgumentException("extended XYZ: " + rows.length + " values are "
                    + (rows.length == 0 ? "no configuration" : "not whole configurations")
                    + " of " + particles + " particles × " + spatialDimension + " coordinates ("
                    + width + " per row)");
        }
        int frames = rows.length / width;
        for (int row = 0; row < frames; row++) {
            Batches.requireFinite(rows, width, row, "extended XYZ: configuration");
        }
        return frames;
    }

    private static void checkEnergies(double[] energies, int frames) {
        if (energies.length != frames) {
            throw new IllegalArgumentException("extended XYZ: " + energies.length
                    + " energies for " + frames + " configurations");
        }
        for (int frame = 0; frame < frames; frame++) {
            if (Double.isNaN(energies[frame])) {
                throw new IllegalArgumentException("extended XYZ: the energy of configuration "
                        + frame + " is NaN");
            }
        }
    }

    private static String quoted(String comment) {
        if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("extended XYZ: the comment must be one line, got "
                    + "a line break in '" + comment + "'");
        }
        return '"' + comment.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void writeFrame(Writer writer, double[] rows, int frame, double[] energies,
            String quotedComment) throws IOException {
        writer.write(Integer.toString(particles));
        writer.write('\n');
        writer.write(PROPERTIES);
        if (energies != null) {
            writer.write(" energy=");
            writer.write(number(energies[frame]));
        }
        writer.write(" frame=");
        writer.write(Integer.toString(frame));
        if (quotedComment != null) {
            writer.write(" comment=");
            writer.write(quotedComment);
        }
        writer.write(" pbc=\"F F F\"\n");
        int offset = frame * particles * spatialDimension;
        for (int i = 0; i < particles; i++) {
            writer.write(species);
            for (int a = 0; a < 3; a++) {
                writer.write(' ');
                writer.write(a < spatialDimension
                        ? Double.toString(rows[offset + i * spatialDimension + a]) : "0.0");
            }
            writer.write('\n');
        }
    }

    /** Java's round-trip form, with infinities as Python's float() reads them. */
    private static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }
}
