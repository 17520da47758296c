package io.gantry.core.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benches share: reference tools installed on demand, commands, statistics, clean-up. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** Installs the Debian packages that are missing, with apt. */
    static void ensurePackages(String... packages) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (!status(p).contains("install ok installed")) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("bench: installing " + missing + " with apt");
            run(Path.of("/"), "apt-get", "update", "-qq");
            List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
            cmd.addAll(missing);
            run(Path.of("/"), cmd.toArray(String[]::new));
        }
    }

    private static String status(String p) throws IOException, InterruptedException {
        Process query = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", p).redirectErrorStream(true).start();
        String out = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        query.waitFor();
        return out;
    }

    /** Runs a command to its end; fails with its output unless it exits 0. */
    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
