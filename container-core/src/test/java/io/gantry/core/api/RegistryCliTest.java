package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.events.EventLog;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.SearchIndexDouble;
import io.gantry.core.testing.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker search} and {@code docker login} through the Engine API: search asks the configured index (the search
 * index double on loopback), login checks credentials against the HTTPS + Basic and the token registry, trusted
 * through the per-registry CA directory. Only those hosts may be contacted. Neither needs root.
 */
class RegistryCliTest {

    @RegisterExtension
    static final LocalRegistry HTTPS = LocalRegistry.httpsWithBasicAuth();
    @RegisterExtension
    static final LocalRegistry TOKEN = LocalRegistry.withTokenAuth();

    static SearchIndexDouble hub;

    @TempDir
    Path data;
    Path socket;
    EngineApi api;
    DockerCli docker;

    @BeforeAll
    static void startIndex() throws IOException {
        hub = SearchIndexDouble.start(List.of(
                new SearchIndexDouble.Repository("busybox", "Busybox base image.", 3400, true),
                new SearchIndexDouble.Repository("someone/busybox-tools", "Extra tools on busybox", 12, false),
                new SearchIndexDouble.Repository("radial/busyboxplus", "Full-chain busybox", 80, false)));
    }

    @AfterAll
    static void stopIndex() {
        hub.close();
    }

    @BeforeEach
    void serve() throws IOException {
        socket = Files.createTempDirectory("greg").resolve("gantry.sock");
        Set<String> hosts = new HashSet<>(HTTPS.hosts());
        hosts.addAll(TOKEN.hosts());
        RegistrySettings registries = RegistrySettings.onlyConfigured(hosts).withCertsDir(HTTPS.certsDir()).withIndex(hub.url());
        api = EngineApi.serve(new EngineApi.Settings("registry-cli", data, socket, List.of(), registries),
                new EngineApi.Services(new EventLog(Clock.systemUTC()), Optional.empty(), Optional.empty()));
        docker = new DockerCli(socket, data.resolve("docker-config"));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        Files.deleteIfExists(socket.getParent());
    }

    @Test
    void docker_search_lists_what_the_index_found_with_stars_and_official_flag() throws Exception {
        String table = docker.run(0, "search", "busybox");

        assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "DESCRIPTION", "STARS", "OFFICIAL");
        assertThat(table.lines().skip(1).map(line -> line.split("\\s{2,}")[0]))
                .containsExactly("busybox", "radial/busyboxplus", "someone/busybox-tools");
        assertThat(table).containsPattern("busybox\\s+Busybox base image\\.\\s+3400\\s+\\[OK\\]");
        assertThat(hub.requests()).last().isEqualTo("q=busybox&n=25");
        assertThat(docker.run(0, "info", "--format", "{{.IndexServerAddress}}").strip()).isEqualTo(hub.url() + "/v1/");
    }

    @Test
    void docker_search_applies_limit_and_filters_as_dockerd_does() throws Exception {
        String format = "{{.Name}} {{.StarCount}} official={{.IsOfficial}}";
        assertThat(docker.run(0, "search", "--limit", "1", "--format", format, "busybox").strip())
                .isEqualTo("busybox 3400 official=[OK]");
        assertThat(hub.requests()).last().isEqualTo("q=busybox&n=1");
        assertThat(docker.run(0, "search", "--filter", "is-official=false", "--filter", "stars=50", "--format", format,
                "busybox").strip()).isEqualTo("radial/busyboxplus 80 official=");
        assertThat(docker.run(1, "search", "--filter", "stars=many", "busybox")).contains("invalid filter 'stars=many'");
        assertThat(docker.run(1, "search", "--limit", "500", "busybox")).contains("limit 500 is outside the range of [1, 100]");
    }

    @Test
    void docker_login_succeeds_with_the_right_password_on_https_basic_and_token_registries() throws Exception {
        for (LocalRegistry registry : List.of(HTTPS, TOKEN)) {
            String out = docker.runWithInput(0, LocalRegistry.USER.password() + "\n", "login", registry.host(), "-u",
                    LocalRegistry.USER.username(), "--password-stdin");
            assertThat(out).contains("Login Succeeded");
        }
        String config = Files.readString(data.resolve("docker-config/config.json"));
        assertThat(config).contains(HTTPS.host()).contains(TOKEN.host());
    }

    @Test
    void docker_login_with_a_wrong_password_prints_the_registry_s_reason() throws Exception {
        String basic = docker.runWithInput(1, "wrong\n", "login", HTTPS.host(), "-u", "gantry", "--password-stdin");
        String token = docker.runWithInput(1, "wrong\n", "login", TOKEN.host(), "-u", "gantry", "--password-stdin");

        assertThat(basic).contains("Error response from daemon: login to " + HTTPS.host())
                .contains("the registry refused the credentials of gantry");
        assertThat(token).contains("Error response from daemon: login to " + TOKEN.host())
                .contains("incorrect username or password");
        assertThat(data.resolve("docker-config/config.json")).satisfiesAnyOf(
                config -> assertThat(config).doesNotExist(),
                config -> assertThat(Files.readString(config)).doesNotContain(HTTPS.host()).doesNotContain(TOKEN.host()));
    }
}
