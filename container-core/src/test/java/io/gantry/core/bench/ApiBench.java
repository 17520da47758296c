package io.gantry.core.bench;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.DockerCli;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./gantry bench api}: the stock docker CLI against Gantry's engine and against Debian's dockerd, measured in
 * the same run, in alternating rounds so that both sample the same stretches of a shared machine.
 *
 * <pre>
 * BENCH ps-roundtrip gantry_min_ms=x gantry_median_ms=y ref=dockerd ref_min_ms=z ratio=x/z
 * BENCH run-rm gantry_min_ms=x gantry_median_ms=y ref=dockerd ref_min_ms=z ratio=x/z
 * </pre>
 *
 * ps-roundtrip is {@code docker ps} with {@value #CONTAINERS} running containers; run-rm is
 * {@code docker run --rm busybox true} on the default bridge network. Both time the whole CLI process. Images come
 * from a loopback registry; everything the bench starts is removed. Root only. {@code -Dbench.runs=N} (default 30).
 */
public final class ApiBench {

    private static final int CONTAINERS = 50;
    private static final int RUNS = Integer.getInteger("bench.runs", 30);
    private static final int ROUNDS = 3;
    private static final int WARMUP = 3;

    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        LocalRegistry registry = new LocalRegistry();
        registry.beforeAll(null);
        try {
            ApiEngine.pushBusybox(registry);
            try (ApiEngine gantry = ApiEngine.gantry(registry); ApiEngine dockerd = ApiEngine.dockerd(registry)) {
                Samples runRm = measure(gantry, dockerd, "run", "--rm", "busybox", "true");
                for (ApiEngine engine : List.of(gantry, dockerd)) {
                    for (int i = 0; i < CONTAINERS; i++) {
                        engine.cli().run(0, "run", "-d", "--name", "bench-" + i, "busybox", "sleep", "3600");
                    }
                }
                Samples ps = measure(gantry, dockerd, "ps");
                System.out.println(ps.line("ps-roundtrip"));
                System.out.println(runRm.line("run-rm"));
            }
        } finally {
            registry.afterAll(null);
        }
    }

    /** Times of one CLI command on each engine, in milliseconds. */
    private record Samples(List<Double> gantry, List<Double> dockerd) {

        String line(String name) {
            double min = min(gantry);
            double refMin = min(dockerd);
            return String.format(Locale.ROOT,
                    "BENCH %s gantry_min_ms=%.1f gantry_median_ms=%.1f ref=dockerd ref_min_ms=%.1f ratio=%.2f",
                    name, min, median(gantry), refMin, min / refMin);
        }
    }

    private static Samples measure(ApiEngine gantry, ApiEngine dockerd, String... command)
            throws IOException, InterruptedException {
        Samples samples = new Samples(new ArrayList<>(), new ArrayList<>());
        int runs = (RUNS + ROUNDS - 1) / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            time(gantry.cli(), runs, samples.gantry(), command);
            time(dockerd.cli(), runs, samples.dockerd(), command);
        }
        return samples;
    }

    private static void time(DockerCli cli, int runs, List<Double> into, String... command)
            throws IOException, InterruptedException {
        for (int i = 0; i < WARMUP + runs; i++) {
            long t0 = System.nanoTime();
            cli.run(0, command);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i >= WARMUP) {
                into.add(ms);
            }
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
