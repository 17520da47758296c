package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.testing.BusyboxEngine;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stock docker CLI driving containers through the Engine API (the image store stands in for a pull). */
@Privileged
class DockerCliContainersTest {

    BusyboxEngine engine;
    Path socket;
    EngineApi api;
    DockerCli cli;

    @BeforeEach
    void serve() throws IOException {
        engine = new BusyboxEngine();
        socket = Files.createTempDirectory("gclc").resolve("gantry.sock");
        api = EngineApi.serve(new EngineApi.Settings("cli", engine.root, socket, List.of(), RegistrySettings.defaults()),
                new EngineApi.Services(engine.events, Optional.of(engine.containers), Optional.empty()));
        cli = new DockerCli(socket, engine.root.resolve("docker-config"));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        Files.deleteIfExists(socket.getParent());
        engine.close();
    }

    @Test
    void create_start_wait_logs_ps_and_rm_behave_as_with_docker() throws Exception {
        String id = docker(0, "create", "--name", "hello", "-e", "WHO=gantry", "busybox", "sh", "-c",
                "echo hi $WHO; echo oops >&2; exit 3").strip().lines().reduce((a, b) -> b).orElseThrow();

        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(docker(0, "ps", "-a", "--format", "{{.Names}} {{.Status}}").strip()).isEqualTo("hello Created");
        docker(0, "start", "hello");
        assertThat(docker(0, "wait", "hello").strip()).isEqualTo("3");
        assertThat(docker(0, "logs", "hello")).contains("hi gantry").contains("oops");
        assertThat(docker(0, "ps", "-a", "--format", "{{.Names}} {{.Status}}").strip()).startsWith("hello Exited (3)");
        assertThat(docker(0, "ps", "--format", "{{.Names}}").strip()).as("only running ones without -a").isEmpty();
        assertThat(docker(0, "inspect", "--format", "{{.State.ExitCode}} {{.Name}} {{.Config.Image}}", "hello").strip())
                .isEqualTo("3 /hello busybox");
        docker(0, "rm", "hello");
        assertThat(docker(0, "ps", "-a", "-q").strip()).isEmpty();
    }

    @Test
    void run_detached_then_stop_and_force_remove() throws Exception {
        docker(0, "run", "-d", "--name", "sleeper", "busybox", "sleep", "60");

        assertThat(docker(0, "ps", "--format", "{{.Names}} {{.Status}}").strip()).startsWith("sleeper Up");
        assertThat(docker(1, "rm", "sleeper")).contains("container is running");
        docker(0, "stop", "-t", "1", "sleeper");
        assertThat(docker(0, "inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "sleeper").strip())
                .isEqualTo("exited 137");
        docker(0, "rm", "-f", "sleeper");
    }

    @Test
    void exec_runs_in_the_container_with_stdin_exit_codes_and_a_terminal() throws Exception {
        docker(0, "run", "-d", "--name", "box", "busybox", "sh", "-c", "echo marker > /tmp/inside; sleep 60");
        for (int i = 0; i < 100 && !docker(DockerCli.ANY_EXIT, "exec", "box", "cat", "/tmp/inside").contains("marker"); i++) {
            Thread.sleep(50);
        }

        assertThat(docker(0, "exec", "box", "cat", "/tmp/inside")).isEqualTo("marker\n");
        assertThat(docker(7, "exec", "box", "sh", "-c", "echo out; echo err >&2; exit 7")).contains("out").contains("err");
        assertThat(dockerWithInput("piped input\n", "exec", "-i", "box", "cat")).isEqualTo("piped input\n");
        String tty = cli.shell(0, "exec -it box sh -c '[ -t 0 ] && [ -t 1 ] && echo on a terminal; echo done'");
        assertThat(tty).contains("on a terminal").contains("done");
        assertThat(docker(1, "exec", "nothing-here", "true")).contains("No such container: nothing-here");
    }

    @Test
    void attached_runs_print_everything_pass_stdin_propagate_exit_codes_and_remove_with_rm() throws Exception {
        assertThat(docker(0, "run", "--rm", "busybox", "echo", "hi from run")).isEqualTo("hi from run\n");
        assertThat(docker(3, "run", "--rm", "busybox", "sh", "-c", "echo before exit; exit 3")).contains("before exit");
        assertThat(dockerWithInput("line one\nline two\n", "run", "--rm", "-i", "busybox", "cat"))
                .isEqualTo("line one\nline two\n");
        String tty = cli.shell(0, "run --rm -it busybox sh -c '[ -t 1 ] && echo on a terminal'");
        assertThat(tty).contains("on a terminal");
        for (int i = 0; i < 100 && !docker(0, "ps", "-aq").isBlank(); i++) {
            Thread.sleep(50);
        }
        assertThat(docker(0, "ps", "-aq").strip()).as("--rm removed them all").isEmpty();
    }

    @Test
    void pause_rename_and_stats_work_on_a_running_container() throws Exception {
        docker(0, "run", "-d", "--name", "busy", "busybox", "sh", "-c", "while :; do :; done");
        docker(0, "pause", "busy");
        assertThat(docker(0, "inspect", "--format", "{{.State.Status}}", "busy").strip()).isEqualTo("paused");
        docker(0, "unpause", "busy");
        docker(0, "rename", "busy", "spinner");
        assertThat(docker(0, "ps", "--format", "{{.Names}} {{.State}}").strip()).isEqualTo("spinner running");
        String stats = docker(0, "stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}}", "spinner");
        assertThat(stats).startsWith("spinner ").doesNotContain(" 0.00%");
        docker(0, "rm", "-f", "spinner");
    }

    @Test
    void errors_read_as_dockers() throws Exception {
        assertThat(docker(1, "start", "nothing-here")).contains("No such container: nothing-here");
        docker(0, "create", "--name", "dup", "busybox", "true");
        assertThat(docker(1, "create", "--name", "dup", "busybox", "true"))
                .contains("The container name \"/dup\" is already in use");
        assertThat(docker(1, "create", "-p", "8080:80", "busybox", "true"))
                .contains("this engine runs without networking");
    }

    private String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return cli.run(expectedExit, args);
    }

    private String dockerWithInput(String input, String... args) throws IOException, InterruptedException {
        return cli.runWithInput(0, input, args);
    }
}
