package io.github.targetscore.cli;

import static io.github.targetscore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.targetscore.core.EnergyModel;
import io.github.targetscore.core.EnergyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-MCMC baseline on DW-4 with a few chains: the files, exact evaluation counts under a
 * budget, metrics beside floors, thread-count independence, and bad arguments. That the chains
 * sample their target is tested in the samplers module ({@code FinalStatesTest}).
 */
class McmcCommandTest {

    private static final int CHAINS = 100;

    @TempDir
    Path dir;

    private CliRun.Result mcmc(String name, String... args) {
        String[] common = {"mcmc", "--energy", "dw4", "--chains", Integer.toString(CHAINS),
            "--init-scale", "3", "--seed", "4", "--out", dir.resolve(name).toString()};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return run(all);
    }

    @Test
    void writesCentredSamplesTheirEnergiesAndMetricsWithinTheBudget() throws Exception {
        EnergyModel dw4 = EnergyRegistry.load().create("dw4", Map.of());
        // MALA: S = (E − N) / N = 199 steps, N·(1 + S) = E exactly; HMC with L = 4:
        // S = ⌊(E − N) / (4N)⌋ = 49, N·(1 + 4·49) = 19,700
        String[][] runs = {{"mala", "20000", "199", "20000"}, {"hmc", "20000", "49", "19700"}};
        for (String[] r : runs) {
            String algorithm = r[0];
            CliRun.Result result = mcmc(algorithm, "--algorithm", algorithm, "--evaluations",
                    "2e4", "--reference", SharedData.dw4Reference().toString(),
                    algorithm.equals("hmc") ? "--leapfrog=4" : "--warmup=99");
            assertEquals(0, result.exitCode(), result.err());
            Path out = dir.resolve(algorithm);

            NpyArrays.Rows samples = NpyArrays.read(out.resolve("samples.npy"));
            assertEquals(CHAINS, samples.rows());
            assertEquals(8, samples.columns());
            double[] x = samples.values();
            double[] energies = NpyArrays.read(out.resolve("energies.npy")).values();
            assertEquals(CHAINS, energies.length);
            for (int c = 0; c < CHAINS; c++) {
                double[] row = Arrays.copyOfRange(x, c * 8, c * 8 + 8);
                for (int k = 0; k < 2; k++) {
                    assertEquals(0, row[k] + row[2 + k] + row[4 + k] + row[6 + k], 1e-12,
                            algorithm + ": centre of mass of sample " + c);
                }
                double u = dw4.energy(row);
                assertEquals(u, energies[c], 1e-12 * Math.max(1, Math.abs(u)),
                        algorithm + ": energy of sample " + c);
            }

            JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
            assertEquals(algorithm, json.get("algorithm").asText());
            assertEquals(20000, json.get("evaluationBudget").asLong());
            assertEquals(Integer.parseInt(r[2]), json.get("steps").asInt(), algorithm);
            assertEquals(Integer.parseInt(r[2]) / 2, json.get("warmUp").asInt(), algorithm);
            assertEquals(algorithm.equals("hmc") ? 4 : null, json.get("leapfrogSteps").isNull()
                    ? null : json.get("leapfrogSteps").asInt());
            assertEquals(Long.parseLong(r[3]), json.get("gradientEvaluations").asLong(), algorithm);
            assertEquals(0, json.get("energyEvaluations").asLong());
            assertEquals(Long.parseLong(r[3]), json.get("gradientEquivalentEvaluations").asLong());
            double acceptance = json.get("acceptanceRate").asDouble();
            assertTrue(acceptance > 0.3 && acceptance < 0.95, algorithm + " acceptance "
                    + acceptance);
            assertEquals(4, json.get("seed").asLong());
            assertEquals(5, json.get("metrics").size());
            for (JsonNode metric : json.get("metrics")) {
                String name = metric.get("metric").asText();
                if (name.equals("COORDINATE_W2") || name.equals("ENERGY_W2")) {
                    assertTrue(metric.get("value").asDouble() > 0
                            && metric.get("floor").asDouble() > 0, metric.toString());
                }
                assertEquals(4, metric.size(), "metric, value, floor, symmetrisedFloor: " + metric);
                // DW-4 is a particle system: x-W2 gets its own symmetrised floor, E-W2 does not
                assertEquals(name.startsWith("ENERGY_W2"), metric.get("floor").asDouble()
                        == metric.get("symmetrisedFloor").asDouble(), metric.toString());
            }
            assertTrue(result.out().contains("x-W2"), result.out());
            assertTrue(result.out().contains(", symmetrised "), result.out());
        }
    }

    @Test
    void sameFilesForOneAndTwoThreads() throws Exception {
        for (String threads : new String[] {"1", "2"}) {
            CliRun.Result r = mcmc("threads" + threads, "--algorithm", "hmc", "--steps", "30",
                    "--warmup", "10", "--threads", threads);
            assertEquals(0, r.exitCode(), r.err());
        }
        for (String file : new String[] {"samples.npy", "energies.npy"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("threads1").resolve(file)),
                    Files.readAllBytes(dir.resolve("threads2").resolve(file)), file);
        }
        JsonNode json = new ObjectMapper().readTree(
                dir.resolve("threads1").resolve("metrics.json").toFile());
        assertEquals(30, json.get("steps").asInt());
        assertEquals(10, json.get("warmUp").asInt());
        assertTrue(json.get("evaluationBudget").isNull());
        assertTrue(json.get("metrics").isNull());
        assertEquals(CHAINS * (1 + 5 * 30), json.get("gradientEvaluations").asLong());
    }

    @Test
    void badArgumentsExitWithAReason() throws Exception {
        Path small = dir.resolve("small.npy");
        NpyArrays.write(small, new double[150 * 8], 150, 8);
        String[][] cases = {
            {"--steps=10", "--evaluations=1e5", "mutually exclusive"},
            {"--algorithm=mala", "Missing required argument"},
            {"--steps=10", "--algorithm=mala", "--leapfrog=3", "--leapfrog is an HMC option"},
            {"--steps=10", "--algorithm=hmc", "--leapfrog=0", "--leapfrog must be >= 1"},
            {"--steps=10", "--algorithm=nuts", "unknown --algorithm 'nuts'; known: mala, hmc"},
            {"--steps=10", "--warmup=10", "--warmup must be >= 0 and < the 10 steps"},
            {"--steps=0", "--steps must be >= 1"},
            {"--evaluations=12345.5", "--evaluations must be a whole number"},
            {"--evaluations=150", "less than one step of each chain: 100 chains need"},
            {"--steps=10", "--step-size=-1", "--step-size must be finite and > 0"},
            {"--steps=10", "--reference=" + small, "150 rows, need 2N = 200"},
        };
        for (String[] c : cases) {
            String[] args = Arrays.copyOf(c, c.length - 1);
            CliRun.Result r = mcmc("bad", args);
            String expected = c[c.length - 1];
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(expected), String.join(" ", args) + ": " + r.err());
        }
        CliRun.Result oneChain = run("mcmc", "--energy", "dw4", "--chains", "1", "--steps", "5",
                "--out", dir.resolve("bad").toString());
        assertEquals(2, oneChain.exitCode());
        assertTrue(oneChain.err().contains("--chains must be >= 2"), oneChain.err());
        CliRun.Result flat = run("mcmc", "--energy", "dw4", "--chains", "2", "--steps", "5",
                "--init-scale", "0", "--out", dir.resolve("bad").toString());
        assertEquals(2, flat.exitCode());
        assertTrue(flat.err().contains("--init-scale must be finite and > 0"), flat.err());
        assertTrue(Files.notExists(dir.resolve("bad")), "no output after bad arguments");
    }
}
