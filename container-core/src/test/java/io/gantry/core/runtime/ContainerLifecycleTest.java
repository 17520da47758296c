package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.testing.Privileged;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class ContainerLifecycleTest {

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
    void a_command_runs_and_its_exit_code_propagates() {
        assertThat(engine.run("true").code()).isZero();
        assertThat(engine.run("sh", "-c", "exit 3").code()).isEqualTo(3);
    }

    @Test
    void stdout_and_stderr_are_logged_separately_with_nanosecond_timestamps() {
        String id = engine.runtime.create(engine.spec("sh", "-c", "echo out; echo err >&2; echo more").build());
        engine.runtime.start(id);
        engine.runtime.wait(id, Duration.ofSeconds(10)).orElseThrow();
        List<LogEntry> log = engine.runtime.logs(id);
        assertThat(log).filteredOn(e -> e.stream().equals("stdout")).extracting(LogEntry::text)
                .containsExactly("out\n", "more\n");
        assertThat(log).filteredOn(e -> e.stream().equals("stderr")).extracting(LogEntry::text)
                .containsExactly("err\n");
        assertThat(log).allSatisfy(e -> assertThat(e.time()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"));
        assertThat(log).extracting(LogEntry::time).isSorted();
    }

    @Test
    void stop_escalates_to_sigkill_when_init_ignores_the_stop_signal() {
        // A shell as PID 1 has no SIGTERM handler, so the kernel drops SIGTERM: only SIGKILL ends it.
        String id = engine.runtime.create(engine.spec("sleep", "60").build());
        engine.runtime.start(id);
        long t0 = System.nanoTime();
        ExitStatus exit = engine.runtime.stop(id, Duration.ofMillis(500));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(ms).isBetween(450L, 10_000L);
    }

    @Test
    void a_signal_with_a_handler_ends_the_container_with_its_own_exit_code() {
        String id = engine.runtime.create(engine.spec("sh", "-c", "trap 'exit 42' TERM; while :; do sleep 0.05; done").build());
        engine.runtime.start(id);
        sleepMs(300);
        assertThat(engine.runtime.stop(id, Duration.ofSeconds(10)).exitCode()).isEqualTo(42);
    }

    @Test
    void a_missing_command_fails_start_with_exit_code_127_and_the_shims_message() {
        String id = engine.runtime.create(engine.spec("no-such-command").build());
        assertThatThrownBy(() -> engine.runtime.start(id))
                .isInstanceOf(FailedPreconditionException.class)
                .hasMessageContaining("exec no-such-command");
        assertThat(engine.runtime.inspect(id).state()).isEqualTo(ContainerState.EXITED);
        assertThat(engine.runtime.inspect(id).exit().exitCode()).isEqualTo(127);
    }

    @Test
    void a_working_directory_under_proc_self_fd_is_refused() {
        assertThatThrownBy(() -> engine.runtime.create(engine.spec("true").workingDir("/proc/self/fd/7").build()))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> engine.runtime.create(engine.spec("true").workingDir("/proc/1/fd/../fd/3").build()))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void a_running_container_is_removed_only_by_force() {
        String id = engine.runtime.create(engine.spec("sleep", "60").build());
        engine.runtime.start(id);
        assertThatThrownBy(() -> engine.runtime.delete(id, false)).isInstanceOf(ConflictException.class);
        engine.runtime.delete(id, true);
        assertThat(engine.runtime.list()).doesNotContain(id);
    }

    @Test
    void an_exited_container_starts_again() {
        String id = engine.runtime.create(engine.spec("sh", "-c", "echo run >> /runs; wc -l < /runs").build());
        engine.runtime.start(id);
        engine.runtime.wait(id, Duration.ofSeconds(10)).orElseThrow();
        engine.runtime.start(id);
        assertThat(engine.runtime.wait(id, Duration.ofSeconds(10)).orElseThrow().exitCode()).isZero();
        assertThat(engine.runtime.logs(id)).extracting(LogEntry::text).containsExactly("1\n", "2\n");
    }

    @Test
    void the_working_directory_environment_and_user_are_applied() {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c", "pwd; echo $GREETING; id -u; id -g; id -G")
                .workingDir("/tmp").env(List.of("PATH=/bin", "GREETING=hello")).user(1000, 1001).groups(List.of(1002L)));
        assertThat(r.stdout()).isEqualTo("/tmp\nhello\n1000\n1001\n1001 1002\n");
    }

    static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
