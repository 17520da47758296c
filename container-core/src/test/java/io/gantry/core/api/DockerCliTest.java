package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.RegistrySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock docker CLI as a real client of the Engine API. */
class DockerCliTest {

    /** The newest CLI on these machines; Debian's docker.io CLI otherwise. */
    static final Path CLI = Files.isExecutable(Path.of("/usr/local/bin/docker")) ? Path.of("/usr/local/bin/docker")
            : Path.of("/usr/bin/docker");

    @TempDir
    Path data;
    Path socket;
    EngineApi api;

    @BeforeEach
    void serve() throws IOException {
        assertThat(CLI).as("a docker CLI is installed").isExecutable();
        socket = Files.createTempDirectory("gcli").resolve("gantry.sock");
        api = EngineApi.serve(new EngineApi.Settings("cli-engine", data, socket, List.of("http://127.0.0.1:5000"),
                RegistrySettings.defaults()));
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

    private String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "-H", "unix://" + socket));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_CONFIG", data.resolve("docker-config").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
