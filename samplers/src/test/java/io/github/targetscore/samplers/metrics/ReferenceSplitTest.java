package io.github.targetscore.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReferenceSplitTest {

    @Test
    void subsetsAreDisjointAndReproducible() {
        ReferenceSplit split = ReferenceSplit.of(50, 25, 7);
        boolean[] seen = new boolean[50];
        for (int[] rows : new int[][] {split.firstRows(), split.secondRows()}) {
            assertEquals(25, rows.length);
            for (int row : rows) {
                assertFalse(seen[row], "row " + row + " drawn twice");
                seen[row] = true;
            }
        }
        assertArrayEquals(split.firstRows(), ReferenceSplit.of(50, 25, 7).firstRows());
        assertFalse(Arrays.equals(split.firstRows(), ReferenceSplit.of(50, 25, 8).firstRows()));
    }

    /** Every row is equally likely in each subset: counts over many seeds, 5 standard errors. */
    @Test
    void rowsAreDrawnUniformly() {
        int rows = 10;
        int seeds = 4000;
        int[] inFirst = new int[rows];
        for (int seed = 0; seed < seeds; seed++) {
            for (int row : ReferenceSplit.of(rows, 3, seed).firstRows()) {
                inFirst[row]++;
            }
        }
        double p = 0.3;
        for (int row = 0; row < rows; row++) {
            assertEquals(p * seeds, inFirst[row], 5 * Math.sqrt(seeds * p * (1 - p)),
                    "row " + row);
        }
    }

    @Test
    void selectsTheRowsOfAnArray() {
        double[] values = new double[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        ReferenceSplit split = ReferenceSplit.of(10, 4, 3);
        double[] first = split.first(values, 2);
        int[] rows = split.firstRows();
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * rows[i], first[2 * i]);
            assertEquals(2 * rows[i] + 1, first[2 * i + 1]);
        }
        assertEquals(8, split.second(values, 2).length);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> ReferenceSplit.of(9, 5, 1));
        assertEquals("cannot draw two disjoint subsets of 5 rows from 9 reference rows (needs "
                + "1 <= size <= rows / 2)", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReferenceSplit.of(9, 0, 1));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ReferenceSplit.of(10, 2, 1).first(new double[21], 2));
        assertTrue(length.getMessage().contains("is not 10 rows of 2 values"),
                length.getMessage());
    }
}
