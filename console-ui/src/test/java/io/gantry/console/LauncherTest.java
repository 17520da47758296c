package io.gantry.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code gantry} launcher at the top of the checkout. */
class LauncherTest {

    static final Path LAUNCHER = Path.of("..", "gantry").toAbsolutePath().normalize();

    @Test
    void help_lists_the_commands_a_user_needs() throws Exception {
        Result help = run("help");

        assertThat(help.exitCode).isZero();
        assertThat(help.output).contains("up", "build", "test")
                .containsPattern("(?m)^\\s+up\\b").containsPattern("(?m)^\\s+build\\b").containsPattern("(?m)^\\s+test\\b");
    }

    @Test
    void an_unknown_command_is_named_in_a_one_line_error() throws Exception {
        Result result = run("frobnicate");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output).contains("unknown command: frobnicate");
    }

    @Test
    void up_refuses_a_port_that_is_not_a_number() throws Exception {
        Result result = run("up", "--port", "eighty");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output.strip()).isEqualTo("gantry: --port needs a number from 1 to 65535, not 'eighty'");
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(LAUNCHER)).as(LAUNCHER + " is executable").isTrue();
        String[] command = new String[args.length + 1];
        command[0] = LAUNCHER.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }
}
