package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.debian.DebianImages;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled WordPress template's images ({@code wordpress:6-apache}, {@code mariadb:11}, built from Debian packages
 * by {@link DebianImages}) on Gantry's own engine, through the stock docker CLI and a docker.io mirror on loopback:
 * MariaDB and WordPress on a user network with the variables the template sets, WordPress's installer answering on
 * the published port, an install through its form, and the site showing its title. The first run on a machine builds
 * the images (minutes), hence the long timeout.
 */
@Privileged
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class WordpressStackTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
    /** The installer appears once Apache runs, which the entrypoint delays until MariaDB accepts connections. */
    private static final Duration READY = Duration.ofSeconds(180);
    private static final String TITLE = "Gantry WordPress Stack Test";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path data;
    private Path socketDir;
    private Engine engine;
    private String ipForward;

    @BeforeAll
    static void pushImages() throws Exception {
        DebianImages.pushWordpressStack(REGISTRY.host());
    }

    @BeforeEach
    void start() throws IOException {
        ipForward = Files.readString(IP_FORWARD);
        data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-wordpress-");
        socketDir = Files.createTempDirectory("gwp");
        engine = Engine.start(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))
                .withRegistries(List.of("http://" + REGISTRY.host()), Set.of(), true));
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        for (String id : docker(0, "ps", "-aq").strip().lines().toList()) {
            docker(0, "rm", "-f", "-v", id);
        }
        for (String volume : docker(0, "volume", "ls", "-q").strip().lines().toList()) {
            docker(0, "volume", "rm", volume);
        }
        docker(DockerCli.ANY_EXIT, "network", "rm", "wordpress-net");
        engine.removeHostState();
        engine.close();
        Files.writeString(IP_FORWARD, ipForward);
        for (Path root : List.of(data, socketDir)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void wordpress_installs_against_mariadb_and_serves_its_site_on_the_published_port() throws Exception {
        docker(0, "pull", "mariadb:11");
        docker(0, "pull", "wordpress:6-apache");
        docker(0, "network", "create", "wordpress-net");
        docker(0, "run", "-d", "--name", "db", "--network", "wordpress-net", "-v", "wordpress-db:/var/lib/mysql",
                "-e", "MARIADB_ROOT_PASSWORD=root-secret", "-e", "MARIADB_DATABASE=wordpress",
                "-e", "MARIADB_USER=wordpress", "-e", "MARIADB_PASSWORD=wp-secret", "mariadb:11");
        docker(0, "run", "-d", "--name", "wordpress", "--network", "wordpress-net", "-p", "127.0.0.1::80",
                "-v", "wordpress-html:/var/www/html",
                "-e", "WORDPRESS_DB_HOST=db:3306", "-e", "WORDPRESS_DB_USER=wordpress", "-e", "WORDPRESS_DB_PASSWORD=wp-secret",
                "-e", "WORDPRESS_DB_NAME=wordpress",
                "-e", "WORDPRESS_CONFIG_EXTRA=define('WP_HOME', 'http://' . $_SERVER['HTTP_HOST']);\n"
                        + "define('WP_SITEURL', 'http://' . $_SERVER['HTTP_HOST']);\n",
                "wordpress:6-apache");
        String site = "http://" + docker(0, "port", "wordpress", "80").strip();

        HttpResponse<String> installer = awaitInstaller(site + "/wp-admin/install.php");
        assertThat(installer.body()).contains("weblog_title").contains("Install WordPress");

        HttpResponse<String> installed = post(site + "/wp-admin/install.php?step=2", form(TITLE));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(installed.body()).contains("Success!");

        HttpResponse<String> home = get(site + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(TITLE);
        assertThat(docker(0, "logs", "db")).contains("Database initialised");
    }

    /**
     * Polls (bounded by {@link #READY}) until the installer answers 200; connection failures mean "not yet" while the
     * container runs.
     */
    private HttpResponse<String> awaitInstaller(String url) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(url);
                if (response.statusCode() == 200) {
                    return response;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
                if (!docker(0, "inspect", "-f", "{{.State.Status}}", "wordpress").strip().equals("running")) {
                    break; // it will never answer
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the WordPress installer did not answer (within " + READY + "; last: " + last + ")\nwordpress logs:\n"
                + docker(DockerCli.ANY_EXIT, "logs", "wordpress") + "\ndb logs:\n" + docker(DockerCli.ANY_EXIT, "logs", "db"));
    }

    private static Map<String, String> form(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("weblog_title", title);
        form.put("user_name", "admin");
        form.put("admin_password", "Gantry-admin-password-1");
        form.put("admin_password2", "Gantry-admin-password-1");
        form.put("pw_weak", "1");
        form.put("admin_email", "admin@example.invalid");
        form.put("blog_public", "0");
        form.put("Submit", "Install WordPress");
        form.put("language", "");
        return form;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return new DockerCli(engine.socket(), data.resolve("docker-config")).run(expectedExit, args);
    }
}
