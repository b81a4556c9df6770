package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {

    @TempDir
    Path dir;

    /**
     * For the unit Gaussian and a VP schedule (α² + σ² = 1), p_Y = N(0, 1):
     * ∇log p_Y(y) = −y. Each estimate lies within 5 of its reported standard errors.
     */
    @Test
    void estimatesTheUnitGaussianScoreWithHonestErrors() throws Exception {
        Path ys = dir.resolve("y.npy");
        double[] y = {-2, -0.5, 0.1, 1.3, 2.2};
        NpyArrays.write(ys, y, y.length, 1);
        for (String threads : new String[] {"1", "2"}) {
            Path out = dir.resolve("out" + threads);
            CliRun.Result r = run("estimate", "--energy", "unit-gaussian", "--input", ys.toString(),
                    "--t", "0.3", "--identity", "tsi", "--sampler", "snis", "--samples", "2000",
                    "--seed", "5", "--threads", threads, "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("mean ESS"), r.out());
            double[] estimates = NpyArrays.read(out.resolve("estimates.npy")).values();
            double[] variances = NpyArrays.read(out.resolve("variances.npy")).values();
            for (int i = 0; i < y.length; i++) {
                assertEquals(-y[i], estimates[i], 5 * Math.sqrt(variances[i]), "point " + i);
            }
            assertEquals(y.length, NpyArrays.read(out.resolve("ess.npy")).columns());
            assertTrue(Files.readString(out.resolve("summary.json")).contains("\"sampler\" : \"snis\""));
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("out1/estimates.npy")),
                Files.readAllBytes(dir.resolve("out2/estimates.npy")));
    }

    @Test
    void mcmcSamplersEstimateWithinTheirErrors() throws Exception {
        Path ys = dir.resolve("y.npy");
        double[] y = {-1.5, 0.4, 2.0};
        NpyArrays.write(ys, y, y.length, 1);
        for (String sampler : new String[] {"mala", "hmc", "smc"}) {
            Path out = dir.resolve(sampler);
            CliRun.Result r = run("estimate", "--energy", "unit-gaussian", "--input", ys.toString(),
                    "--t", "0.4", "--sampler", sampler, "--samples", "512", "--chains", "16",
                    "--warmup", "100", "--seed", "2", "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            double[] estimates = NpyArrays.read(out.resolve("estimates.npy")).values();
            double[] variances = NpyArrays.read(out.resolve("variances.npy")).values();
            for (int i = 0; i < y.length; i++) {
                assertEquals(-y[i], estimates[i], 5 * Math.sqrt(variances[i]), sampler + " point " + i);
            }
        }
        CliRun.Result badChains = run("estimate", "--energy", "unit-gaussian", "--input", ys.toString(),
                "--t", "0.4", "--sampler", "mala", "--samples", "100", "--chains", "7",
                "--out", dir.toString());
        assertEquals(2, badChains.exitCode());
        assertTrue(badChains.err().contains("mala needs chains >= 2 dividing the samples"), badChains.err());
    }

    @Test
    void badInputsExitWithAReason() throws Exception {
        Path ys = dir.resolve("y.npy");
        NpyArrays.write(ys, new double[] {0, 1, 2, 3}, 2, 2);
        CliRun.Result wrongDimension = run("estimate", "--energy", "unit-gaussian", "--input",
                ys.toString(), "--t", "0.5", "--out", dir.toString());
        assertEquals(2, wrongDimension.exitCode());
        assertTrue(wrongDimension.err().contains("points of 2 values"), wrongDimension.err());
        CliRun.Result kappa = run("estimate", "--energy", "gmm40", "--input", ys.toString(),
                "--t", "0.5", "--identity", "kappa", "--out", dir.toString());
        assertEquals(2, kappa.exitCode());
        assertTrue(kappa.err().contains("needs --data-variance"), kappa.err());
        CliRun.Result sampler = run("estimate", "--energy", "gmm40", "--input", ys.toString(),
                "--t", "0.5", "--sampler", "gibbs", "--out", dir.toString());
        assertEquals(2, sampler.exitCode());
        assertTrue(sampler.err().contains("known samplers"), sampler.err());
    }
}
