package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class AttachTest {

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
    void a_tty_container_echoes_typed_input_resizes_and_survives_a_detach() throws IOException {
        String id = engine.runtime.create(engine.spec("sh").tty(true).openStdin(true).build());
        engine.runtime.start(id);
        try (AttachHandle a = engine.runtime.attach(id)) {
            type(a, "echo $((6*7))\n");
            assertThat(readUntil(a, "42\r\n")).contains("echo $((6*7))\r\n");
        }
        engine.runtime.resize(id, 20, 60);
        assertThat(engine.runtime.inspect(id).state()).isEqualTo(ContainerState.RUNNING);
        try (AttachHandle a = engine.runtime.attach(id)) {
            type(a, "stty size; exit 4\n");
            assertThat(readUntil(a, "20 60\r\n")).isNotEmpty();
            assertThat(engine.runtime.wait(id, Duration.ofSeconds(10))).get().extracting(ExitStatus::exitCode).isEqualTo(4);
            while (a.read().isPresent()) {
                // the rest of the output, then the end
            }
        }
        assertThat(engine.runtime.logs(id)).extracting(LogEntry::text).anyMatch(t -> t.contains("42"));
    }

    @Test
    void a_tty_containers_terminal_is_the_first_pty_of_its_own_devpts_and_its_console() {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c", "tty; ls -1 /dev/pts; stat -c '%t:%T' /dev/console")
                .tty(true));
        assertThat(r.stdout()).isEqualTo("/dev/pts/0\r\n0\r\nptmx\r\n88:0\r\n");
    }

    @Test
    void a_tty_containers_terminal_belongs_to_its_user() {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c", "tty; stat -c %u /dev/pts/0; echo ok > $(tty)")
                .tty(true).user(1000, 1000));
        assertThat(r.stdout()).isEqualTo("/dev/pts/0\r\n1000\r\nok\r\n");
    }

    @Test
    void attach_without_a_tty_separates_stdout_and_stderr_and_can_close_stdin() throws IOException {
        String id = engine.runtime.create(engine.spec("sh", "-c", "cat; echo done >&2").openStdin(true).build());
        engine.runtime.start(id);
        try (AttachHandle a = engine.runtime.attach(id)) {
            type(a, "hi\n");
            a.stdin().close();
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (Optional<AttachHandle.Output> o; (o = a.read()).isPresent(); ) {
                (o.get().stream() == 1 ? out : err).append(new String(o.get().data(), StandardCharsets.UTF_8));
            }
            assertThat(out).hasToString("hi\n");
            assertThat(err).hasToString("done\n");
        }
        assertThat(engine.runtime.wait(id, Duration.ofSeconds(10))).get().extracting(ExitStatus::exitCode).isEqualTo(0);
    }

    private static void type(AttachHandle a, String text) throws IOException {
        a.stdin().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readUntil(AttachHandle a, String expected) {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(expected)) {
            Optional<AttachHandle.Output> o = a.read();
            if (o.isEmpty()) {
                throw new AssertionError("output ended before \"" + expected + "\": " + seen);
            }
            seen.append(new String(o.get().data(), StandardCharsets.UTF_8));
        }
        return seen.toString();
    }
}
