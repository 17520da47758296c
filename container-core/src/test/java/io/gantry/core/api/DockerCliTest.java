package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.events.EventLog;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.testing.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock docker CLI as a real client of the Engine API. */
class DockerCliTest {


    @TempDir
    Path data;
    Path socket;
    EventLog events = new EventLog(Clock.systemUTC());
    EngineApi api;

    @BeforeEach
    void serve() throws IOException {
        socket = Files.createTempDirectory("gcli").resolve("gantry.sock");
        api = EngineApi.serve(new EngineApi.Settings("cli-engine", data, socket, List.of("http://127.0.0.1:5000"),
                RegistrySettings.defaults()), new EngineApi.Services(events, java.util.Optional.empty(), java.util.Optional.empty()));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        Files.deleteIfExists(socket.getParent());
    }

    @Test
    void docker_version_shows_gantry_as_the_server() throws Exception {
        String out = docker("version", "--format", "{{.Server.Platform.Name}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}");

        assertThat(out.strip()).isEqualTo("Gantry Engine 1.47 1.24 linux");
    }

    @Test
    void docker_info_shows_the_host_and_the_registry_mirror() throws Exception {
        String out = docker("info");

        assertThat(out).contains("Kernel Version: " + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim())
                .contains("Docker Root Dir: " + data)
                .contains("Registry Mirrors:").contains("http://127.0.0.1:5000")
                .contains("Cgroup Driver: cgroupfs")
                .doesNotContain("Error");
    }

    @Test
    void docker_events_replays_and_filters_what_happened() throws Exception {
        long since = System.currentTimeMillis() / 1000 - 1;
        events.publish("container", "create", "c1", Map.of("name", "web", "image", "busybox"));
        events.publish("container", "start", "c1", Map.of("name", "web", "image", "busybox"));
        events.publish("image", "pull", "busybox:latest", Map.of("name", "busybox:latest"));
        events.publish("container", "die", "c2", Map.of("name", "db", "image", "mariadb", "exitCode", "3"));
        long until = System.currentTimeMillis() / 1000 + 1;

        String all = docker("events", "--since", Long.toString(since), "--until", Long.toString(until),
                "--format", "{{.Type}} {{.Action}} {{.Actor.ID}}");
        String web = docker("events", "--since", Long.toString(since), "--until", Long.toString(until),
                "--filter", "container=web", "--filter", "event=start", "--format", "{{.Action}} {{.Actor.Attributes.name}}");

        assertThat(all.lines()).containsExactly("container create c1", "container start c1", "image pull busybox:latest",
                "container die c2");
        assertThat(web.lines()).containsExactly("start web");
    }

    private String docker(String... args) throws IOException, InterruptedException {
        return new DockerCli(socket, data.resolve("docker-config")).run(0, args);
    }
}
