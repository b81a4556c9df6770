package io.github.targetscore.training.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class FlatParametersTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE", "HALF"})
    void hostCopiesMatchTheNativeVectors(DataType type) {
        FlatParameters p = FlatParameters.layout(type).matrix("w", 3, 2).matrix("b", 1, 2)
                .allocate();
        double[] source = {0.1, -2.5, 1e-3, 7, 1.0 / 3, -0.2, 1e4, 0.7};
        p.writeValues(source);
        double[] expected = Nd4j.createFromArray(source).castTo(type).castTo(DataType.DOUBLE)
                .toDoubleVector();
        assertArrayEquals(expected, p.values().toDoubleVector());
        double[] read = new double[9]; // longer than needed: only the first 8 are written
        p.readValues(read);
        assertArrayEquals(expected, java.util.Arrays.copyOf(read, 8));
        p.gradient("b").assign(Nd4j.createFromArray(4.0, -1.0).castTo(type).reshape(1, 2));
        p.readGradients(read);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 4, -1, 0}, read);
        assertThrows(IllegalArgumentException.class, () -> p.readValues(new double[7]));
    }
}
