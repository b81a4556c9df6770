package io.github.targetscore.energies.wells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.targetscore.core.random.RandomStreams;
import java.util.stream.Stream;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link QuarticWell}: log Z against independent quadrature and closed forms, the minima, the
 * validity of the numerical rejection bound, and the sampler's acceptance rate and moments
 * within 5 standard errors (fixed seeds).
 */
class QuarticWellTest {

    private static final double Z = 5;

    /** Default many-well factor, a symmetric well, a strongly tilted one, a single well, x⁴. */
    static Stream<Arguments> coefficients() {
        return Stream.of(Arguments.of(1.0, -6.0, -0.5), Arguments.of(0.5, -2.0, 0.0),
                Arguments.of(2.0, -3.0, 4.0), Arguments.of(0.3, 1.5, -0.7),
                Arguments.of(1.0, 0.0, 0.0));
    }

    @Test
    void manyWellFactorHasTheReferencePartitionFunction() {
        double z = Math.exp(QuarticWell.of(1, -6, -0.5).logPartitionFunction());
        assertEquals(11784.50927, z, 5e-6, "reference given to 10 significant digits");
        assertEquals(11784.50927, z, 1e-6 * 11784.50927);
    }

    @Test
    void pureQuarticHasTheGammaFunctionPartitionFunction() {
        for (double a : new double[] {0.01, 1, 7}) {
            double exact = Math.log(Gamma.gamma(0.25) / 2) - 0.25 * Math.log(a);
            assertEquals(exact, QuarticWell.of(a, 0, 0).logPartitionFunction(), 1e-13);
        }
    }

    @ParameterizedTest
    @MethodSource("coefficients")
    void partitionFunctionMatchesIndependentQuadrature(double a, double b, double c) {
        QuarticWell well = QuarticWell.of(a, b, c);
        double[] moments = Quadrature.moments(well);
        assertEquals(Math.log(moments[0]), well.logPartitionFunction(), 1e-11);
    }

    @ParameterizedTest
    @MethodSource("coefficients")
    void minimaAreStationaryPointsWithNonNegativeCurvature(double a, double b, double c) {
        QuarticWell well = QuarticWell.of(a, b, c);
        double[] minima = well.minima();
        int expected = 8 * b * b * b + 27 * a * c * c < 0 ? 2 : 1;
        assertEquals(expected, minima.length, "three real critical points iff the discriminant"
                + " of the cubic f' is positive");
        for (double m : minima) {
            assertEquals(0, well.derivative(m), 1e-9 * Math.max(1, Math.abs(b)));
            assertTrue(12 * a * m * m + 2 * b >= 0);
        }
    }

    @ParameterizedTest
    @MethodSource("coefficients")
    void rejectionBoundHoldsEverywhere(double a, double b, double c) {
        QuarticWell well = QuarticWell.of(a, b, c);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 400_000; i++) {
            max = Math.max(max, well.logAcceptance(-20 + i * 1e-4));
        }
        assertTrue(max <= 0, "log acceptance " + max + " > 0: M is not a bound");
        assertTrue(max > -1e-3, "the bound is tight: " + max);
        UniformRandomProvider rng = RandomStreams.of(11).stream(0);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < 100_000; i++) {
            double x = well.propose(rng, gaussian);
            assertTrue(well.logAcceptance(x) <= 0, "bound fails at proposal " + x);
        }
    }

    @ParameterizedTest
    @MethodSource("coefficients")
    void acceptanceRateIsZOverM(double a, double b, double c) {
        QuarticWell well = QuarticWell.of(a, b, c);
        int proposals = 100_000;
        UniformRandomProvider rng = RandomStreams.of(12).stream(0);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int accepted = 0;
        for (int i = 0; i < proposals; i++) {
            double x = well.propose(rng, gaussian);
            if (rng.nextDouble() < Math.exp(well.logAcceptance(x))) {
                accepted++;
            }
        }
        double p = well.acceptanceRate();
        assertTrue(p > 0.4, "acceptance rate " + p);
        assertEquals(p, (double) accepted / proposals, Z * Math.sqrt(p * (1 - p) / proposals));
    }

    @ParameterizedTest
    @MethodSource("coefficients")
    void samplesHaveTheMeanAndVarianceOfTheDensity(double a, double b, double c) {
        QuarticWell well = QuarticWell.of(a, b, c);
        UniformRandomProvider rng = RandomStreams.of(13).stream(0);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] samples = new double[100_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = well.sample(rng, gaussian);
        }
        Quadrature.assertMoments(samples, 1, 0, Quadrature.moments(well), Z, well.toString());
    }

    @Test
    void rejectsBadCoefficients() {
        assertThrows(IllegalArgumentException.class, () -> QuarticWell.of(0, -6, 0));
        assertThrows(IllegalArgumentException.class, () -> QuarticWell.of(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> QuarticWell.of(1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class,
                () -> QuarticWell.of(1, 0, Double.POSITIVE_INFINITY));
    }
}
