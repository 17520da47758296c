package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push and pull between the engine and secured registries with the stock tools: the docker CLI logs in and pushes
 * through the Engine API, {@code skopeo} (apt package) inspects what arrived and pushes an image the engine then
 * pulls and runs. The engine trusts the HTTPS registry's CA only through its per-registry CA directory, and may
 * contact nothing but the three loopback registries and the token service.
 */
@Privileged
class RegistryPushCliTest {

    @RegisterExtension
    static final LocalRegistry PLAIN = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry HTTPS = LocalRegistry.httpsWithBasicAuth();
    @RegisterExtension
    static final LocalRegistry TOKEN = LocalRegistry.withTokenAuth();

    static final String CREDS = LocalRegistry.USER.username() + ":" + LocalRegistry.USER.password();

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    CliEngine engine;

    @BeforeAll
    static void publishBusybox() throws Exception {
        CliEngine.pushBusybox(PLAIN, shared);
    }

    /** docker.io through the plain registry; the token registry and its token service over plain HTTP. */
    @BeforeEach
    void start() throws IOException {
        engine = CliEngine.start(PLAIN, config -> config.withRegistryCerts(HTTPS.certsDir())
                .withRegistries(List.of("http://" + PLAIN.host()), TOKEN.hosts(), true));
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        engine.close();
    }

    @Test
    void docker_push_after_login_lands_an_image_skopeo_inspects_with_the_same_digest() throws Exception {
        String target = HTTPS.host() + "/team/busybox:1";
        docker(0, "pull", "busybox");
        docker(0, "tag", "busybox", target);
        assertThat(docker(1, "push", target)).contains("no credentials were given");

        login(HTTPS);
        String pushed = docker(0, "push", target);

        assertThat(pushed).contains("The push refers to repository [" + HTTPS.host() + "/team/busybox]").contains(": Pushed");
        Matcher digest = Pattern.compile("1: digest: (sha256:[0-9a-f]{64}) size: (\\d+)").matcher(pushed);
        assertThat(digest.find()).as(pushed).isTrue();
        JsonNode inspected = new ObjectMapper().readTree(skopeo("inspect", "--cert-dir", caDir().toString(), "--creds", CREDS,
                "docker://" + target));
        assertThat(inspected.path("Digest").asText()).isEqualTo(digest.group(1));
        assertThat(inspected.path("Layers")).hasSize(1);
        assertThat(docker(0, "images", "--digests", "--format", "{{.Repository}} {{.Digest}}", "busybox"))
                .contains(digest.group(1));

        assertThat(docker(0, "push", target)).contains(": Layer already exists").doesNotContain(": Pushed");
    }

    @Test
    void an_image_skopeo_copied_into_each_secured_registry_pulls_and_runs_in_gantry() throws Exception {
        skopeo("copy", "--src-tls-verify=false", "--dest-cert-dir", caDir().toString(), "--dest-creds", CREDS,
                "docker://" + PLAIN.host() + "/library/busybox:latest", "docker://" + HTTPS.host() + "/copied:2");
        skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds", CREDS,
                "docker://" + PLAIN.host() + "/library/busybox:latest", "docker://" + TOKEN.host() + "/copied:3");

        for (String image : List.of(HTTPS.host() + "/copied:2", TOKEN.host() + "/copied:3")) {
            assertThat(docker(1, "pull", image)).contains("no credentials were given");
            login(image.startsWith(HTTPS.host()) ? HTTPS : TOKEN);
            assertThat(docker(0, "pull", image)).contains("Downloaded newer image for " + image);
            assertThat(docker(0, "run", "--rm", image, "echo", "copied by skopeo")).isEqualTo("copied by skopeo\n");
        }
    }

    private Path caDir() {
        return HTTPS.certsDir().resolve(HTTPS.host());
    }

    /**
     * Runs skopeo in a private mount namespace whose {@code /var/lib/containers} is an empty tmpfs, so its blob-info
     * cache is not left on the host; {@code --insecure-policy} spares a host {@code policy.json}.
     */
    private String skopeo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mkdir -p /var/lib/containers && mount -t tmpfs gantry-test /var/lib/containers && exec \"$@\"", "skopeo",
                "skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("skopeo " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    private void login(LocalRegistry registry) throws IOException, InterruptedException {
        engine.dockerWithInput(0, LocalRegistry.USER.password() + "\n", "login", registry.host(), "-u",
                LocalRegistry.USER.username(), "--password-stdin");
    }

    private String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return engine.docker(expectedExit, args);
    }
}
