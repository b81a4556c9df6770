package io.github.targetscore.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendedXyzTest {

    /** One frame read back: the comment line's key-value pairs, species and xyz positions. */
    private record Frame(Map<String, String> info, List<String> species, double[] positions) {
    }

    /** A minimal extended XYZ reader: atom count, key=value comment line, "S x y z" lines. */
    private static List<Frame> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Frame> frames = new ArrayList<>();
        int line = 0;
        while (line < lines.size()) {
            int n = Integer.parseInt(lines.get(line++).trim());
            Map<String, String> info = keyValues(lines.get(line++));
            List<String> species = new ArrayList<>();
            double[] positions = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String[] fields = lines.get(line++).trim().split("\\s+");
                assertEquals(4, fields.length, "atom line " + fields.length + " fields");
                species.add(fields[0]);
                for (int a = 0; a < 3; a++) {
                    positions[3 * i + a] = Double.parseDouble(fields[1 + a]);
                }
            }
            frames.add(new Frame(info, species, positions));
        }
        return frames;
    }

    /** key=value pairs separated by blanks; a value may be "quoted" with \-escapes inside. */
    private static Map<String, String> keyValues(String comment) {
        Map<String, String> map = new LinkedHashMap<>();
        int i = 0;
        while (i < comment.length()) {
            if (comment.charAt(i) == ' ') {
                i++;
                continue;
            }
            int equals = comment.indexOf('=', i);
            String key = comment.substring(i, equals);
            StringBuilder value = new StringBuilder();
            i = equals + 1;
            if (comment.charAt(i) == '"') {
                for (i++; comment.charAt(i) != '"'; i++) {
                    if (comment.charAt(i) == '\\') {
                        i++;
                    }
                    value.append(comment.charAt(i));
                }
                i++;
            } else {
                for (; i < comment.length() && comment.charAt(i) != ' '; i++) {
                    value.append(comment.charAt(i));
                }
            }
            map.put(key, value.toString());
        }
        return map;
    }

    @Test
    void threeDimensionalFramesRoundTrip(@TempDir Path dir) throws IOException {
        // two configurations of 2 particles in 3-D, values that need all 17 digits
        double[] rows = {0.1, -2.5, 1e-5, 1.0 / 3, 7, -0.0, 4, 5, 6, Math.PI, -1e300, Math.E};
        double[] energies = {-12.25, Double.POSITIVE_INFINITY};
        Path file = dir.resolve("samples.xyz");
        ExtendedXyz.of(2, 3).write(file, rows, energies, "iDEM on \"lj\" C:\\runs");
        List<Frame> frames = read(file);
        assertEquals(2, frames.size());
        for (int f = 0; f < 2; f++) {
            Frame frame = frames.get(f);
            assertEquals(List.of("Properties", "energy", "frame", "comment", "pbc"),
                    List.copyOf(frame.info().keySet()));
            assertEquals("species:S:1:pos:R:3", frame.info().get("Properties"));
            assertEquals(Integer.toString(f), frame.info().get("frame"));
            assertEquals("iDEM on \"lj\" C:\\runs", frame.info().get("comment"));
            assertEquals("F F F", frame.info().get("pbc"));
            assertEquals(List.of("Ar", "Ar"), frame.species());
            double[] expected = new double[6];
            System.arraycopy(rows, 6 * f, expected, 0, 6);
            assertArrayEquals(expected, frame.positions(), 0);
        }
        assertEquals("-12.25", frames.get(0).info().get("energy"));
        // Python's float() and so ASE read "inf"
        assertEquals("inf", frames.get(1).info().get("energy"));
        // −0 keeps its sign
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(frames.get(0).positions()[5]));
    }

    @Test
    void twoDimensionalSystemsArePaddedWithZ0(@TempDir Path dir) throws IOException {
        double[] rows = {1, 2, 3, 4, 5, 6, 7, 8};
        Path file = dir.resolve("dw4.xyz");
        ExtendedXyz.of(4, 2).withSpecies("X").write(file, rows, null, null);
        List<Frame> frames = read(file);
        assertEquals(1, frames.size());
        assertArrayEquals(new double[] {1, 2, 0, 3, 4, 0, 5, 6, 0, 7, 8, 0},
                frames.get(0).positions(), 0);
        assertEquals(List.of("X", "X", "X", "X"), frames.get(0).species());
        // no energies, no comment: neither key is written
        assertEquals(List.of("Properties", "frame", "pbc"),
                List.copyOf(frames.get(0).info().keySet()));
        assertEquals("4", Files.readAllLines(file).get(0));
    }

    @Test
    void badInputIsNamedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.xyz");
        ExtendedXyz layout = ExtendedXyz.of(2, 2);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> layout.write(file, new double[6], null, null));
        assertEquals("extended XYZ: 6 values are not whole configurations of 2 particles × 2 "
                + "coordinates (4 per row)", width.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> layout.write(file, new double[0], null, null));
        assertEquals("extended XYZ: 0 values are no configuration of 2 particles × 2 "
                + "coordinates (4 per row)", empty.getMessage());
        double[] nan = {0, 0, 0, 0, 1, 1, Double.NaN, 1};
        IllegalArgumentException coordinate = assertThrows(IllegalArgumentException.class,
                () -> layout.write(file, nan, null, null));
        assertEquals("extended XYZ: configuration 1: coordinate 2 is NaN",
                coordinate.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> layout.write(file, new double[8], new double[3], null));
        assertEquals("extended XYZ: 3 energies for 2 configurations", count.getMessage());
        IllegalArgumentException energy = assertThrows(IllegalArgumentException.class,
                () -> layout.write(file, new double[8], new double[] {0, Double.NaN}, null));
        assertEquals("extended XYZ: the energy of configuration 1 is NaN", energy.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> layout.write(file, new double[8], null, "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> layout.withSpecies("A r"));
        assertThrows(IllegalArgumentException.class, () -> ExtendedXyz.of(3, 4));
        assertFalse(Files.exists(file));
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count());
        }
    }
}
