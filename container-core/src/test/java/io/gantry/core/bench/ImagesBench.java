package io.gantry.core.bench;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.images.ImageService;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.registry.debian.DebianImages;
import io.gantry.core.snapshot.OverlaySnapshotter;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.DockerDaemon;
import io.gantry.core.testing.FileTrees;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./gantry bench images}: a cold pull and unpack by Gantry beside {@code docker pull} and {@code skopeo copy}
 * + {@code umoci unpack}, measured in the same run, from one Debian {@code docker-registry} on loopback.
 *
 * <pre>
 * BENCH pull-small gantry_min_ms=x gantry_median_ms=y ref=docker ref_min_ms=z ratio=x/z
 * BENCH pull-small gantry_min_ms=x gantry_median_ms=y ref=skopeo+umoci ref_min_ms=z ratio=x/z
 * BENCH pull-large ...
 * BENCH pull-large-cpu gantry_cpu_min_ms=a ref=docker ref_cpu_min_ms=b
 * </pre>
 *
 * pull-small is the ~1 MB busybox image ({@link TestImages}), pull-large the six-layer Debian image of some 200 MB
 * ({@link DebianImages#large}, built on the first run). Gantry pulls through {@link ImageService} into a fresh data
 * root each run (download, verify, unpack every layer as a snapshot); docker pulls with the CLI from Debian's dockerd
 * (started here on its own roots and socket, without iptables or a bridge, the registry as an insecure one) and the
 * image is removed after each run; skopeo copies into a fresh OCI layout and umoci unpacks it to a fresh bundle.
 * The {@code -cpu} lines give the least CPU time (user + system) a pull took: this JVM's for Gantry, dockerd's and its
 * children's for docker; on a busy machine they tell whether a gap in time is more work or a smaller share of the
 * CPU. Root only. Installs docker.io, skopeo and umoci with apt if missing. Removes everything it starts and creates.
 * {@code -Dbench.runs=N} (default 9 for small, a third of it for large).
 */
public final class ImagesBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 9);
    private static final int WARMUP = 2;
    /** As in RuntimeBench: rounds of each tool in turn, so all sample the same stretches of a shared machine. */
    private static final int ROUNDS = 3;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Path work;
    private final RegistryClient client;
    private final DockerDaemon dockerd;
    private int sequence;

    private ImagesBench(Path work, RegistryClient client, DockerDaemon dockerd) {
        this.work = work;
        this.client = client;
        this.dockerd = dockerd;
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.ensurePackages("docker.io", "skopeo", "umoci");
        Path work = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-bench-images-");
        LocalRegistry registry = new LocalRegistry();
        DockerDaemon dockerd = null;
        try {
            registry.beforeAll(null);
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registry.host())));
            ContentStore source = FileContentStore.open(work.resolve("source"));
            String small = registry.host() + "/bench/busybox:latest";
            String large = registry.host() + "/bench/large:latest";
            TestImages.push(client, source, ImageReference.parse(small),
                    TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer()));
            TestImages.push(client, source, ImageReference.parse(large), DebianImages.large(source));
            dockerd = DockerDaemon.withoutBridge().insecureRegistry(registry.host()).start();
            ImagesBench bench = new ImagesBench(work, client, dockerd);
            List<String> lines = new ArrayList<>();
            lines.addAll(bench.measure("pull-small", small, RUNS));
            lines.addAll(bench.measure("pull-large", large, Math.max(ROUNDS, RUNS / 3)));
            lines.forEach(System.out::println);
        } finally {
            if (dockerd != null) {
                dockerd.close();
            }
            registry.afterAll(null);
            FileTrees.delete(work);
        }
    }

    private List<String> measure(String name, String reference, int runs) throws Exception {
        List<Double> gantry = new ArrayList<>();
        List<Double> gantryCpu = new ArrayList<>();
        List<Double> dockerPull = new ArrayList<>();
        List<Double> dockerCpu = new ArrayList<>();
        List<Double> skopeoUmoci = new ArrayList<>();
        int perRound = (runs + ROUNDS - 1) / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < perRound + (round == 0 ? WARMUP : 0); i++) {
                long cpu = OS.getProcessCpuTime();
                double ms = gantryPull(reference);
                if (round > 0 || i >= WARMUP) {
                    gantry.add(ms);
                    gantryCpu.add((OS.getProcessCpuTime() - cpu) / 1e6);
                }
            }
            for (int i = 0; i < perRound; i++) {
                long cpu = cpuMillis(dockerd.pid());
                dockerPull.add(dockerPull(reference));
                dockerCpu.add((double) (cpuMillis(dockerd.pid()) - cpu));
                skopeoUmoci.add(skopeoUmoci(reference));
            }
        }
        double min = BenchSupport.min(gantry);
        double median = BenchSupport.median(gantry);
        return List.of(line(name, min, median, "docker", BenchSupport.min(dockerPull)),
                line(name, min, median, "skopeo+umoci", BenchSupport.min(skopeoUmoci)),
                String.format(Locale.ROOT, "BENCH %s-cpu gantry_cpu_min_ms=%.0f ref=docker ref_cpu_min_ms=%.0f", name,
                        BenchSupport.min(gantryCpu), BenchSupport.min(dockerCpu)));
    }

    private static String line(String name, double min, double median, String ref, double refMin) {
        return String.format(Locale.ROOT, "BENCH %s gantry_min_ms=%.1f gantry_median_ms=%.1f ref=%s ref_min_ms=%.1f ratio=%.2f",
                name, min, median, ref, refMin, min / refMin);
    }

    /** A cold pull: a new data root, so every blob is downloaded and every layer unpacked. */
    private double gantryPull(String reference) throws IOException {
        Path root = work.resolve("gantry-" + sequence++);
        try {
            ImageService images = ImageService.builder(root, new OverlaySnapshotter(root.resolve("snapshots")))
                    .registry(client).open();
            long t0 = System.nanoTime();
            images.pull(reference, null, event -> { });
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            FileTrees.delete(root);
        }
    }

    private double dockerPull(String reference) throws IOException, InterruptedException {
        DockerCli docker = dockerd.cli();
        long t0 = System.nanoTime();
        docker.run(0, "pull", "-q", reference);
        double ms = (System.nanoTime() - t0) / 1e6;
        docker.run(0, "rmi", reference);
        return ms;
    }

    /**
     * User and system time of {@code pid} and its live descendants, with the children they have waited for
     * ({@code /proc/PID/stat} fields 14 to 17, in clock ticks of 10 ms).
     */
    private static long cpuMillis(long pid) {
        long ticks = 0;
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(tree::add);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(tree::add));
        for (ProcessHandle process : tree) {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                for (int field = 11; field <= 14; field++) {
                    ticks += Long.parseLong(fields[field]);
                }
            } catch (IOException gone) {
                // exited meanwhile: its time is in its parent's children fields once waited for
            }
        }
        return ticks * 10;
    }

    private double skopeoUmoci(String reference) throws IOException, InterruptedException {
        Path layout = work.resolve("oci-" + sequence);
        Path bundle = work.resolve("bundle-" + sequence++);
        try {
            long t0 = System.nanoTime();
            BenchSupport.run(work, "skopeo", "copy", "-q", "--src-tls-verify=false", "docker://" + reference,
                    "oci:" + layout + ":bench");
            BenchSupport.run(work, "umoci", "unpack", "--image", layout + ":bench", bundle.toString());
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            FileTrees.delete(layout);
            FileTrees.delete(bundle);
        }
    }
}
