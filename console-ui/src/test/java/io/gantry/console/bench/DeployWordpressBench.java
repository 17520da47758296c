package io.gantry.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.EngineLeftovers;
import io.gantry.console.testing.TestFiles;
import io.gantry.console.testing.TestRegistryImages;
import io.gantry.core.registry.LocalRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./gantry bench console}: the bundled WordPress + MariaDB template deployed on the console's own engine with
 * its images already local, measured from the deploy request to the answer that both services run. The request is
 * the REST API's {@code POST /api/applications/{id}/deploy}, which runs the same deployment as the Run button; the
 * application is recorded first with a free host port in place of the template's 8080. The first deployment pulls
 * the images from the loopback mirror and is not counted. Prints {@code BENCH deploy-wordpress ...} and the console's
 * resident memory after the runs. Removes everything it made.
 */
public final class DeployWordpressBench {

    static final String PASSWORD = "a long bench password";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String authorization;

    private DeployWordpressBench(URI base) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.deploy.rounds", 5);
        LocalRegistry registry = new LocalRegistry();
        registry.beforeAll(null);
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-bench-deploy-");
        Path log = Files.createTempFile("gantry-bench-deploy", ".log");
        EngineLeftovers leftovers = EngineLeftovers.before(data);
        ConsoleProcess console = null;
        try {
            TestRegistryImages.pushWordpressStack(registry.host());
            console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD), List.of(
                    "--gantry.registry-mirrors=http://" + registry.host(), "--gantry.only-configured-registries=true"));
            DeployWordpressBench bench = new DeployWordpressBench(URI.create(console.url("")));
            List<Double> times = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                double ms = bench.deployOnce(round);
                if (round > 0) {
                    times.add(ms); // the first round pulls the images
                }
            }
            times.sort(Double::compare);
            System.out.printf(Locale.ROOT, "BENCH deploy-wordpress gantry_min_ms=%.0f gantry_median_ms=%.0f rounds=%d%n",
                    times.get(0), times.get(times.size() / 2), times.size());
            System.out.printf(Locale.ROOT, "BENCH console-rss-deploy gantry_rss_mib=%.0f%n", console.rssKib() / 1024.0);
        } finally {
            if (console != null) {
                console.close();
            }
            leftovers.remove();
            TestFiles.deleteTree(data);
            Files.deleteIfExists(log);
            registry.afterAll(null);
        }
    }

    /** Records, deploys (timed) and removes one WordPress application with its volumes; the milliseconds. */
    private double deployOnce(int round) throws IOException, InterruptedException {
        JsonNode created = call("POST", "/api/applications", Map.of("name", "Bench WordPress " + round,
                "template", "bundled:wordpress", "deploy", false,
                "parameters", Map.of("DB_PASSWORD", "bench-db-password", "DB_ROOT_PASSWORD", "bench-root-password")));
        long id = created.get("id").asLong();
        try {
            call("PATCH", "/api/applications/" + id + "/services/wordpress", Map.of("ports", List.of(Map.of(
                    "hostIp", "127.0.0.1", "hostPort", freePort(), "containerPort", 80, "protocol", "tcp"))));
            long started = System.nanoTime();
            JsonNode deployed = call("POST", "/api/applications/" + id + "/deploy", Map.of());
            double ms = (System.nanoTime() - started) / 1e6;
            if (!"RUNNING".equals(deployed.get("state").asText())) {
                throw new IllegalStateException("the application is " + deployed.get("state") + " after its deploy");
            }
            return ms;
        } finally {
            call("DELETE", "/api/applications/" + id + "?deleteVolumes=true", null);
        }
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
