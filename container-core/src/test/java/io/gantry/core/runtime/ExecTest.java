package io.gantry.core.runtime;

import static io.gantry.core.runtime.EngineRestartTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.testing.Privileged;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class ExecTest {

    private TestEngine engine;

    @BeforeEach
    void start() {
        engine = TestEngine.start();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void exec_runs_in_the_containers_namespaces_cgroup_capabilities_and_seccomp_filter() throws IOException {
        String id = running(engine.spec("sleep", "60").hostname("box"));
        String script = "for n in mnt pid net uts ipc cgroup; do "
                + "[ \"$(readlink /proc/1/ns/$n)\" = \"$(readlink /proc/self/ns/$n)\" ] && echo same $n; done; "
                + "[ \"$(cat /proc/1/cgroup)\" = \"$(cat /proc/self/cgroup)\" ] && echo same cgroup-path; "
                + "[ \"$(grep CapEff /proc/1/status)\" = \"$(grep CapEff /proc/self/status)\" ] && echo same caps; "
                + "grep -E '^(Seccomp|CapInh|CapAmb):' /proc/self/status; hostname";
        try (ExecHandle exec = engine.runtime.exec(id, ExecSpec.of("sh", "-c", script))) {
            String out = readAll(exec.stdout());
            assertThat(exec.waitFor(Duration.ofSeconds(10))).contains(0);
            assertThat(out).contains("same mnt", "same pid", "same net", "same uts", "same ipc", "same cgroup\n",
                    "same cgroup-path", "same caps", "Seccomp:\t2", "CapInh:\t0000000000000000",
                    "CapAmb:\t0000000000000000", "box");
        }
    }

    @Test
    void exec_passes_stdin_stderr_and_the_exit_code() throws IOException {
        String id = running(engine.spec("sleep", "60"));
        try (ExecHandle exec = engine.runtime.exec(id, ExecSpec.of("sh", "-c", "cat; echo oops >&2; exit 5"))) {
            exec.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
            exec.stdin().close();
            assertThat(readAll(exec.stdout())).isEqualTo("hello\n");
            assertThat(readAll(exec.stderr())).isEqualTo("oops\n");
            assertThat(exec.waitFor(Duration.ofSeconds(10))).contains(5);
        }
        assertThatThrownBy(() -> engine.runtime.exec(id, ExecSpec.of("no-such-command")))
                .isInstanceOf(FailedPreconditionException.class).hasMessageContaining("no-such-command");
        engine.runtime.stop(id, Duration.ZERO);
        assertThatThrownBy(() -> engine.runtime.exec(id, ExecSpec.of("true"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void tty_exec_echoes_typed_input_and_takes_the_terminal_size_on_a_pty_of_the_containers_devpts() throws IOException {
        String id = running(engine.spec("sleep", "60"));
        try (ExecHandle exec = engine.runtime.exec(id, ExecSpec.of("sh").withTty(true))) {
            exec.resize(33, 77);
            exec.stdin().write("echo $((6*7)); stty size; tty; ls -1 /dev/pts; exit 3\n".getBytes(StandardCharsets.UTF_8));
            exec.stdin().flush();
            String out = readAll(exec.stdout());
            assertThat(out).contains("echo $((6*7)); stty size; tty; ls -1 /dev/pts; exit 3\r\n").contains("42\r\n")
                    .contains("33 77\r\n").contains("/dev/pts/0\r\n0\r\nptmx\r\n");
            assertThat(exec.waitFor(Duration.ofSeconds(10))).contains(3);
        }
    }

    /** CVE-2019-5736: a process inside catches the shim running in the container and tries to rewrite it. */
    @Test
    void a_process_inside_cannot_rewrite_the_shim_through_proc_pid_exe_during_an_exec() throws Exception {
        byte[] shimBefore = sha256(Files.readAllBytes(engine.root.resolve("bin/gantry-shim")));
        String id = running(engine.spec("probe", "exe-watch", "30"));
        try (ExecHandle setup = engine.runtime.exec(id, ExecSpec.of("sh", "-c",
                "printf '#!/proc/self/exe\\n' > /evil && chmod +x /evil"))) {
            assertThat(setup.waitFor(Duration.ofSeconds(10))).contains(0);
        }
        // /evil's interpreter is /proc/self/exe: the exec'd process runs the shim itself, inside the container
        int execs = 0;
        for (; execs < 200 && catches(id).isEmpty(); execs++) {
            try (ExecHandle evil = engine.runtime.exec(id, ExecSpec.of("/evil"))) {
                evil.waitFor(Duration.ofSeconds(10));
            }
        }
        awaitTrue(() -> !catches(id).isEmpty(), Duration.ofSeconds(2));
        System.out.println("ExecTest: the shim was caught inside after " + execs + " exec(s): " + catches(id));
        assertThat(catches(id)).allSatisfy(line -> assertThat(line).startsWith("found wrote=0 errno="));
        assertThat(sha256(Files.readAllBytes(engine.root.resolve("bin/gantry-shim")))).isEqualTo(shimBefore);
    }

    private List<String> catches(String id) {
        return engine.runtime.logs(id).stream().map(LogEntry::text).filter(t -> t.startsWith("found")).toList();
    }

    private String running(ContainerSpec.Builder spec) {
        String id = engine.runtime.create(spec.build());
        engine.runtime.start(id);
        return id;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
