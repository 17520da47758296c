package io.gantry.core.registry.debian;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Host commands of the image build, with their output kept for the error message when they fail. */
final class Commands {

    record Result(int exit, String output) {
    }

    private Commands() {
    }

    static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        return run(command, directory, Map.of());
    }

    /**
     * Runs {@code command} to its end. Interrupted (a test timing out), it kills the command and everything it
     * started, by PID, before giving up: a build left running would keep writing into a tree being deleted.
     */
    static Result run(List<String> command, Path directory, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("gantry-debian-build-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("LC_ALL", "C");
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                int exit = process.waitFor();
                return new Result(exit, new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                List<ProcessHandle> started = process.descendants().toList();
                process.destroyForcibly();
                started.forEach(ProcessHandle::destroyForcibly);
                process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(failed -> process).join();
                throw e;
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs {@code command} and fails with {@code what} and the command's last output lines unless it exits 0. */
    static String check(String what, List<String> command, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        Result result = run(command, directory, environment);
        if (result.exit() != 0) {
            throw new IllegalStateException(what + " failed (exit " + result.exit() + "): " + tail(result.output()));
        }
        return result.output();
    }

    /** The dpkg architecture of this host ({@code amd64}, {@code arm64}), which Go's names share for these. */
    static String hostArchitecture() throws IOException, InterruptedException {
        return check("dpkg --print-architecture", List.of("dpkg", "--print-architecture"), Path.of("/"), Map.of()).strip();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
