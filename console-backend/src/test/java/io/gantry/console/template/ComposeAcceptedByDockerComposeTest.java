package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exports are checked by the real Compose: Debian's {@code docker-compose} (1.29.2) validates a file with
 * {@code config} without a Docker engine. Skipped where it is not installed ({@code ./gantry test} installs it).
 */
class ComposeAcceptedByDockerComposeTest {

    static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");

    static Stream<String> exports() {
        return Stream.concat(Fixtures.bundledNames().stream().map(f -> "templates/" + f),
                Stream.of("template/quirks.pmx"));
    }

    @ParameterizedTest
    @MethodSource("exports")
    void docker_compose_config_accepts_the_export(String pmx, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(DOCKER_COMPOSE), "docker-compose is not installed");
        Template template = Fixtures.pmx(pmx);
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, ComposeWriter.write(template));

        ProcessBuilder run = new ProcessBuilder(DOCKER_COMPOSE.toString(), "-f", file.toString(), "config", "-q")
                .directory(dir.toFile()).redirectErrorStream(true);
        run.environment().keySet().removeIf(k -> k.startsWith("COMPOSE_") || k.startsWith("DOCKER_"));
        Parameters.of(template).stream().filter(p -> p.service() == null)
                .forEach(p -> run.environment().put(p.name(), p.defaultValue() != null ? p.defaultValue() : "value"));
        Process process = run.start();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }

        assertThat(done).isTrue();
        assertThat(process.exitValue()).as(output + "\n" + Files.readString(file)).isZero();
    }
}
