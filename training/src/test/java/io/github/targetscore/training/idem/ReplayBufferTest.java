package io.github.targetscore.training.idem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static double[] rows(int from, int count) {
        double[] x = new double[2 * count];
        for (int i = 0; i < count; i++) {
            x[2 * i] = from + i;
            x[2 * i + 1] = -(from + i);
        }
        return x;
    }

    @Test
    void keepsTheNewestRowsOnceFull() {
        ReplayBuffer buffer = ReplayBuffer.withCapacity(2, 5);
        buffer.add(rows(0, 3));
        assertEquals(3, buffer.size());
        assertArrayEquals(rows(0, 3), buffer.contents());
        buffer.add(rows(3, 4));
        assertEquals(5, buffer.size());
        assertEquals(7, buffer.added());
        assertArrayEquals(rows(2, 5), buffer.contents());
        buffer.add(rows(7, 11));
        assertArrayEquals(rows(13, 5), buffer.contents());
        double[] row = new double[4];
        buffer.copyRow(0, row, 2);
        assertArrayEquals(new double[] {0, 0, 15, -15}, row);
    }

    @Test
    void writesAndRestoresExactly() throws IOException {
        ReplayBuffer buffer = ReplayBuffer.withCapacity(2, 5);
        buffer.add(rows(0, 7));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        buffer.write(new DataOutputStream(bytes));
        ReplayBuffer restored = ReplayBuffer.withCapacity(2, 5);
        restored.add(rows(100, 2));
        restored.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(7, restored.added());
        assertArrayEquals(buffer.contents(), restored.contents());
        restored.add(rows(7, 1));
        buffer.add(rows(7, 1));
        assertArrayEquals(buffer.contents(), restored.contents());

        ReplayBuffer other = ReplayBuffer.withCapacity(2, 6);
        IOException e = assertThrows(IOException.class, () -> other.restore(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("cannot restore"), e.getMessage());
    }

    @Test
    void rejectsBadRowsWithTheirIndex() {
        ReplayBuffer buffer = ReplayBuffer.withCapacity(2, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new double[] {0, 1, 2, Double.NaN}));
        assertTrue(e.getMessage().contains("configuration 1: coordinate 1 is NaN"), e.getMessage());
        assertEquals(0, buffer.size(), "a rejected batch adds nothing");
        assertThrows(IllegalArgumentException.class, () -> buffer.add(new double[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.copyRow(0, new double[2], 0));
        assertThrows(IllegalArgumentException.class, () -> ReplayBuffer.withCapacity(2, 0));
    }
}
