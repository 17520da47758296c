package io.gantry.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gantry.core.instance.EngineInstance;
import io.gantry.core.runtime.ContainerRuntime;
import io.gantry.core.runtime.ContainerSpec;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.OverlaySnapshotter;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./gantry bench runtime}: the runtime's figures beside crun and runc, measured in the same run.
 *
 * <pre>
 * BENCH run-to-exit gantry_min_ms=x gantry_median_ms=y ref=crun ref_min_ms=z ratio=x/z
 * BENCH run-to-exit gantry_min_ms=x gantry_median_ms=y ref=runc ref_min_ms=z ratio=x/z
 * BENCH shim-rss gantry_kib=n
 * BENCH density containers=100 gantry_total_ms=t engine_rss_kib=r
 * </pre>
 *
 * run-to-exit is create+start+wait+remove of {@code /bin/true} from a busybox rootfs through the Java API; the
 * references run the same rootfs with {@code crun run} and {@code runc run} under hyperfine, in a private mount
 * namespace with {@code /sys/fs/cgroup/unified} unmounted (crun refuses this host's hybrid hierarchy otherwise).
 * Root only. Installs crun, runc and hyperfine with apt if missing. Removes everything it starts and creates.
 * {@code -Dbench.runs=N} (default 30), {@code -Dbench.density=N} (default 100).
 */
public final class RuntimeBench {

    private static final ChainId BUSYBOX = ChainId.parse("sha256:" + "b".repeat(64));
    private static final int RUNS = Integer.getInteger("bench.runs", 30);
    private static final int DENSITY = Integer.getInteger("bench.density", 100);
    private static final int WARMUP = 3;
    /**
     * The runs are split into rounds, each measuring Gantry then crun and runc, so that all three sample the same
     * stretches of a shared, noisy machine.
     */
    private static final int ROUNDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeBench() {
    }

    public static void main(String[] args) throws Exception {
        ensurePackages("crun", "runc", "hyperfine");
        Path work = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-bench-");
        try {
            Path rootfs = work.resolve("rootfs");
            fillBusybox(rootfs);
            List<Double> gantry = new ArrayList<>();
            List<Double> crun = new ArrayList<>();
            List<Double> runc = new ArrayList<>();
            Path bundle = bundle(work, rootfs);
            long shimRss;
            long[] density;
            Path dataRoot = work.resolve("data");
            Snapshotter snapshotter = new OverlaySnapshotter(dataRoot.resolve("snapshots"));
            Path staging = snapshotter.newStagingDir();
            copyTree(rootfs, staging);
            snapshotter.commitLayer(BUSYBOX, staging);
            try (ContainerRuntime rt = ContainerRuntime.open(EngineInstance.forDataRoot(dataRoot), snapshotter)) {
                try {
                    for (int round = 0; round < ROUNDS; round++) {
                        int runs = (RUNS + ROUNDS - 1) / ROUNDS;
                        for (int i = 0; i < WARMUP + runs; i++) {
                            double ms = runToExit(rt);
                            if (i >= WARMUP) {
                                gantry.add(ms);
                            }
                        }
                        references(work, bundle, runs, crun, runc);
                    }
                    shimRss = shimRss(rt);
                    density = density(rt);
                } finally {
                    for (String id : rt.list()) {
                        rt.delete(id, true);
                    }
                }
            }
            double min = min(gantry);
            double median = median(gantry);
            System.out.println(line("crun", min, median, min(crun)));
            System.out.println(line("runc", min, median, min(runc)));
            System.out.println("BENCH shim-rss gantry_kib=" + shimRss);
            System.out.println("BENCH density containers=" + DENSITY + " gantry_total_ms=" + density[0] + " engine_rss_kib=" + density[1]);
        } finally {
            deleteTree(work);
        }
    }

    private static String line(String ref, double min, double median, double refMin) {
        return String.format(Locale.ROOT, "BENCH run-to-exit gantry_min_ms=%.1f gantry_median_ms=%.1f ref=%s ref_min_ms=%.1f ratio=%.2f",
                min, median, ref, refMin, min / refMin);
    }

    private static ContainerSpec.Builder spec(String... command) {
        return ContainerSpec.builder(List.of(BUSYBOX), command);
    }

    private static double runToExit(ContainerRuntime rt) {
        long t0 = System.nanoTime();
        String id = rt.create(spec("/bin/true").build());
        rt.start(id);
        int code = rt.wait(id, Duration.ofSeconds(30)).orElseThrow().exitCode();
        rt.delete(id, false);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IllegalStateException("/bin/true exited with " + code);
        }
        return ms;
    }

    /** VmRSS of one idle container's monitor. */
    private static long shimRss(ContainerRuntime rt) throws IOException {
        String id = rt.create(spec("sleep", "3600").build());
        rt.start(id);
        try {
            return rssKib(rt.inspect(id).monitorPid());
        } finally {
            rt.delete(id, true);
        }
    }

    /** Starts {@link #DENSITY} idle containers; returns {total ms, this JVM's RSS in KiB with them running}. */
    private static long[] density(ContainerRuntime rt) throws IOException {
        List<String> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < DENSITY; i++) {
            String id = rt.create(spec("sleep", "3600").build());
            ids.add(id);
            rt.start(id);
        }
        long totalMs = (System.nanoTime() - t0) / 1_000_000;
        long rss = rssKib(ProcessHandle.current().pid());
        for (String id : ids) {
            rt.delete(id, true);
        }
        return new long[] {totalMs, rss};
    }

    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    /** An OCI bundle ({@code runc spec}) running {@code /bin/true} from {@code rootfs}, read-only, no terminal. */
    private static Path bundle(Path work, Path rootfs) throws IOException, InterruptedException {
        Path bundle = work.resolve("bundle");
        Files.createDirectories(bundle);
        run(bundle, "runc", "spec");
        ObjectNode config = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", false);
        process.putArray("args").add("/bin/true");
        ObjectNode root = (ObjectNode) config.get("root");
        root.put("path", rootfs.toString());
        root.put("readonly", true);
        JSON.writeValue(bundle.resolve("config.json").toFile(), config);
        return bundle;
    }

    /**
     * {@code runs} runs each of crun and runc on {@code bundle} under hyperfine, in a private mount namespace
     * without {@code /sys/fs/cgroup/unified}, with state directories of the bench's own; adds their times (ms).
     */
    private static void references(Path work, Path bundle, int runs, List<Double> crun, List<Double> runc)
            throws IOException, InterruptedException {
        Path json = work.resolve("hyperfine.json");
        String script = "umount /sys/fs/cgroup/unified 2>/dev/null; hyperfine -N --warmup " + WARMUP + " --runs " + runs
                + " --export-json " + json
                + " 'crun --root " + work.resolve("crun-state") + " run gantry-bench-crun'"
                + " 'runc --root " + work.resolve("runc-state") + " run gantry-bench-runc'";
        run(bundle, "unshare", "-m", "--propagation", "private", "sh", "-c", script);
        JsonNode results = JSON.readTree(json.toFile()).get("results");
        results.get(0).get("times").forEach(t -> crun.add(t.asDouble() * 1000));
        results.get(1).get("times").forEach(t -> runc.add(t.asDouble() * 1000));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static void ensurePackages(String... packages) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (new ProcessBuilder("dpkg", "-s", p).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() != 0) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("bench: installing " + missing + " with apt");
            run(Path.of("/"), "apt-get", "update", "-qq");
            List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
            cmd.addAll(missing);
            run(Path.of("/"), cmd.toArray(String[]::new));
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** The same busybox rootfs the runtime tests use: the static binary, relative applet links, a minimal /etc. */
    private static void fillBusybox(Path root) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        Process list = new ProcessBuilder("/bin/busybox", "--list").start();
        for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet.strip()), Path.of("busybox"));
            }
        }
        list.waitFor();
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        for (String d : new String[] {"tmp", "root", "proc", "sys", "dev"}) {
            Files.createDirectories(root.resolve(d));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
