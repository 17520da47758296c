package io.gantry.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stock docker CLI pointed at an engine's socket, with its own config directory: the newest CLI on the machine
 * ({@code /usr/local/bin/docker}, 28.x here), else Debian's.
 */
public final class DockerCli {

    public static final Path BINARY = Files.isExecutable(Path.of("/usr/local/bin/docker"))
            ? Path.of("/usr/local/bin/docker") : Path.of("/usr/bin/docker");
    /** Accepts any exit status. */
    public static final int ANY_EXIT = -1;

    private final Path socket;
    private final Path config;
    private final String apiVersion;

    public DockerCli(Path socket, Path config) {
        this(socket, config, "");
    }

    private DockerCli(Path socket, Path config, String apiVersion) {
        this.socket = socket;
        this.config = config;
        this.apiVersion = apiVersion;
        assertThat(BINARY).as("a docker CLI is installed").isExecutable();
    }

    /** The same CLI pinned to an older API version ({@code DOCKER_API_VERSION}), as an older client would speak. */
    public DockerCli atApiVersion(String version) {
        return new DockerCli(socket, config, version);
    }

    /** Runs {@code docker -H unix://socket args...}, checks the exit status and returns stdout and stderr together. */
    public String run(int expectedExit, String... args) throws IOException, InterruptedException {
        return runWithInput(expectedExit, "", args);
    }

    public String runWithInput(int expectedExit, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-H", "unix://" + socket));
        command.addAll(List.of(args));
        return execute(expectedExit, input, command);
    }

    /** Runs the CLI with {@code input} (a tar, say, for {@code docker cp -} or {@code docker load}) as its stdin. */
    public String runWithFile(int expectedExit, Path input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-H", "unix://" + socket));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(input.toFile());
        return execute(expectedExit, builder, command, "");
    }

    /** A command line of the shell's (e.g. {@code script} giving the CLI a terminal) with the same config. */
    public String shell(int expectedExit, String commandLine) throws IOException, InterruptedException {
        return execute(expectedExit, "", List.of("script", "-qec", BINARY + " -H unix://" + socket + " " + commandLine,
                "/dev/null"));
    }

    private String execute(int expectedExit, String input, List<String> command) throws IOException, InterruptedException {
        return execute(expectedExit, new ProcessBuilder(command).redirectErrorStream(true), command, input);
    }

    private String execute(int expectedExit, ProcessBuilder builder, List<String> command, String input)
            throws IOException, InterruptedException {
        builder.environment().put("DOCKER_CONFIG", config.toString());
        if (!apiVersion.isEmpty()) {
            builder.environment().put("DOCKER_API_VERSION", apiVersion);
        }
        Process process = builder.start();
        if (builder.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
        if (expectedExit != ANY_EXIT) {
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isEqualTo(expectedExit);
        }
        return out;
    }
}
