package io.gantry.console.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged console jar running as a child process on a free loopback port and its own data root, as a user would
 * start it. Stopped by its PID with SIGTERM, like Ctrl-C.
 */
public final class ConsoleProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Duration startTime;

    private ConsoleProcess(Process process, int port, Duration startTime) {
        this.process = process;
        this.port = port;
        this.startTime = startTime;
    }

    /** Starts the jar named by the {@code gantry.jar} system property (set by the build) and waits until it serves. */
    public static ConsoleProcess start(Path dataRoot, Path log, Map<String, String> environment) throws IOException, InterruptedException {
        return start(dataRoot, log, environment, List.of());
    }

    /**
     * As {@link #start(Path, Path, Map)}, with more command-line settings, e.g.
     * {@code --gantry.registry-mirrors=http://127.0.0.1:5000} and {@code --gantry.only-configured-registries=true}.
     */
    public static ConsoleProcess start(Path dataRoot, Path log, Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("gantry.jar", "target/gantry.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged console missing: " + jar + " (run the build first)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", // as ./gantry up starts it
                "-jar", jar.toString(), "--gantry.data=" + dataRoot, "--server.port=" + port));
        if (arguments.stream().noneMatch(a -> a.startsWith("--gantry.index-url="))) {
            // Tests never ask Docker Hub's index: unless a test brings its own double, searches meet a closed port.
            command.add("--gantry.index-url=http://127.0.0.1:9");
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("GANTRY_ADMIN_PASSWORD");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        ConsoleProcess console = new ConsoleProcess(process, port, Duration.ZERO);
        console.awaitServing(Duration.ofSeconds(120), log);
        return new ConsoleProcess(process, port, Duration.ofNanos(System.nanoTime() - started));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    /** From process start until the login page answered. */
    public Duration startTime() {
        return startTime;
    }

    /** Resident set size of the console's JVM, from {@code /proc/<pid>/status}. */
    public long rssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow();
    }

    private void awaitServing(Duration limit, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("console exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("console did not serve within " + limit + ":\n" + Files.readString(log));
    }

    /** SIGTERM, as Ctrl-C would send; SIGKILL only if it does not stop within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public int exitCode() {
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
