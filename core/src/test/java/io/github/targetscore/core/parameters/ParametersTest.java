package io.github.targetscore.core.parameters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.real("epsilon", "well depth").withDefault(1.0).greaterThan(0),
            ParameterSpec.integer("particles", "number of particles").atLeast(2),
            ParameterSpec.flag("periodic", "periodic box").withDefault(false),
            ParameterSpec.choice("pairSum", "pair convention", "ordered", "unordered")
                    .withDefault("ordered"),
            ParameterSpec.realVector("weights", "weights").withDefault(List.of()).atLeast(0),
            ParameterSpec.realMatrix("means", "means").withDefault(new double[0][]));

    private static InvalidParameterException invalid(Map<String, ?> raw) {
        return assertThrows(InvalidParameterException.class,
                () -> Parameters.validate("toy", SPECS, raw));
    }

    @Test
    void appliesDefaultsAndConvertsJsonNumbers() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("particles", 13L);
        raw.put("epsilon", new BigDecimal("2.5"));
        raw.put("weights", List.of(1, 2.5));
        raw.put("means", List.of(List.of(0, 1), List.of(2.0, 3)));
        Parameters p = Parameters.validate("toy", SPECS, raw);
        assertEquals(13, p.integer("particles"));
        assertEquals(2.5, p.real("epsilon"));
        assertEquals(false, p.flag("periodic"));
        assertEquals("ordered", p.choice("pairSum"));
        assertArrayEquals(new double[] {1, 2.5}, p.realVector("weights"));
        assertArrayEquals(new double[] {2, 3}, p.realMatrix("means")[1]);
    }

    @Test
    void acceptsIntegralDoublesAsIntegers() {
        assertEquals(4, Parameters.validate("toy", SPECS, Map.of("particles", 4.0)).integer("particles"));
    }

    @Test
    void returnsCopiesOfArrays() {
        Parameters p = Parameters.validate("toy", SPECS,
                Map.of("particles", 2, "weights", new double[] {1, 2}));
        p.realVector("weights")[0] = 99;
        assertEquals(1, p.realVector("weights")[0]);
    }

    @Test
    void namesAMissingParameter() {
        InvalidParameterException e = invalid(Map.of());
        assertEquals("particles", e.parameter());
        assertTrue(e.getMessage().contains("missing parameter 'particles'"), e.getMessage());
    }

    @Test
    void namesAnUnknownParameterAndListsTheKnownOnes() {
        InvalidParameterException e = invalid(Map.of("particles", 3, "epsilom", 1.0));
        assertEquals("epsilom", e.parameter());
        assertTrue(e.getMessage().contains("known parameters: epsilon, means"), e.getMessage());
    }

    @Test
    void rejectsValuesOutOfRange() {
        InvalidParameterException e = invalid(Map.of("particles", 3, "epsilon", 0.0));
        assertEquals("epsilon", e.parameter());
        assertTrue(e.getMessage().contains("must be > 0, got 0.0"), e.getMessage());
        assertEquals("particles", invalid(Map.of("particles", 1)).parameter());
        InvalidParameterException negativeWeight =
                invalid(Map.of("particles", 3, "weights", List.of(1, -1)));
        assertTrue(negativeWeight.getMessage().contains("'weights'[1] must be >= 0"),
                negativeWeight.getMessage());
    }

    @Test
    void rejectsWrongTypes() {
        assertEquals("particles", invalid(Map.of("particles", 2.5)).parameter());
        assertEquals("particles", invalid(Map.of("particles", "three")).parameter());
        assertEquals("periodic", invalid(Map.of("particles", 2, "periodic", "yes")).parameter());
        assertEquals("epsilon", invalid(Map.of("particles", 2, "epsilon", Double.NaN)).parameter());
        InvalidParameterException choice = invalid(Map.of("particles", 2, "pairSum", "both"));
        assertTrue(choice.getMessage().contains("one of ordered, unordered"), choice.getMessage());
    }

    @Test
    void rejectsRaggedMatrices() {
        InvalidParameterException e = invalid(Map.of("particles", 2,
                "means", List.of(List.of(1, 2), List.of(3))));
        assertEquals("means", e.parameter());
        assertTrue(e.getMessage().contains("row 1 has 1 entries"), e.getMessage());
    }

    @Test
    void describesRanges() {
        assertEquals("> 0", SPECS.get(0).rangeText());
        assertEquals(">= 2", SPECS.get(1).rangeText());
        assertEquals(">= 0 and <= 1", ParameterSpec.real("p", "probability").atLeast(0).atMost(1).rangeText());
        assertEquals("", ParameterSpec.real("x", "free").rangeText());
    }
}
