package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarianceCommandTest {

    @TempDir
    Path dir;

    /**
     * For the unit Gaussian the per-draw summed variances do not depend on y:
     * DSI α²/(σ²(α² + σ²)) and TSI σ²/(α²(α² + σ²)) (MATH §2, s = 1), so the mean over P points
     * of the estimator's variance with K draws is that over K, with relative standard error
     * √(2/(PK)); κ with σ_data² = 1 has zero variance.
     */
    @Test
    void unitGaussianReproducesTheClosedForms() throws Exception {
        int points = 64;
        int k = 256;
        CliRun.Result result = run("variance", "--energy", "unit-gaussian", "--times", "0.1,0.5,0.9",
                "--points", String.valueOf(points), "--samples", String.valueOf(k),
                "--data-variance", "1", "--identities", "dsi,tsi,kappa", "--seed", "3",
                "--out", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = Files.readAllLines(dir.resolve("variance.csv"));
        assertEquals(1 + 3 * 3, lines.size());
        assertTrue(lines.get(0).endsWith(",stuck_points,variance_times_evaluations"), lines.get(0));
        assertTrue(Files.size(dir.resolve("variance.png")) > 10_000);
        assertTrue(Files.readString(dir.resolve("variance.json")).contains("\"rows\""));
        Map<String, double[]> byIdentity = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double a = Double.parseDouble(f[2]);
            double s = Double.parseDouble(f[3]);
            double mean = Double.parseDouble(f[6]);
            assertEquals("0", f[10], "exact draws are never stuck: " + line);
            double v = a * a + s * s;
            double expected;
            switch (f[4]) {
                case "dsi": expected = a * a / (s * s * v) / k; break;
                case "tsi": expected = s * s / (a * a * v) / k; break;
                default:
                    assertTrue(mean < 1e-25, "kappa variance " + mean);
                    continue;
            }
            assertEquals(expected, mean, 5 * expected * Math.sqrt(2.0 / (points * k)), line);
            byIdentity.put(f[4] + f[1], new double[] {mean});
        }
        assertTrue(byIdentity.get("tsi0.100000")[0] < byIdentity.get("dsi0.100000")[0]);
        assertTrue(byIdentity.get("dsi0.900000")[0] < byIdentity.get("tsi0.900000")[0]);
    }

    @Test
    void targetsWithoutExactSamplesNeedReferenceData() {
        CliRun.Result result = run("variance", "--energy", "dw4", "--sampler", "snis",
                "--out", dir.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--reference dw4=FILE.npy"), result.err());
        CliRun.Result identity = run("variance", "--energy", "unit-gaussian", "--identities", "dsj",
                "--times", "0.5", "--out", dir.toString());
        assertEquals(2, identity.exitCode());
        assertTrue(identity.err().contains("unknown identity 'dsj'"), identity.err());
    }
}
