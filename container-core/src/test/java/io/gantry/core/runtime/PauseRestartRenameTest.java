package io.gantry.core.runtime;

import static io.gantry.core.runtime.EngineRestartTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.testing.Privileged;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class PauseRestartRenameTest {

    /** Prints a growing counter every 50 ms. */
    private static final String COUNTER = "i=0; while :; do i=$((i+1)); echo $i; sleep 0.05; done";

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
    void pause_freezes_the_counter_and_unpause_lets_it_carry_on() {
        ContainerRuntime rt = engine.runtime;
        String id = rt.create(engine.spec("sh", "-c", COUNTER).build());
        rt.start(id);
        awaitTrue(() -> rt.logs(id).size() >= 3, Duration.ofSeconds(10));

        rt.pause(id);
        assertThat(rt.inspect(id).state()).isEqualTo(ContainerState.PAUSED);
        int frozenAt = rt.logs(id).size();
        ContainerLifecycleTest.sleepMs(500);
        assertThat(rt.logs(id)).hasSize(frozenAt);
        assertThatThrownBy(() -> rt.pause(id)).isInstanceOf(ConflictException.class).hasMessageContaining("already paused");
        assertThatThrownBy(() -> rt.exec(id, ExecSpec.of("true"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("paused");

        rt.unpause(id);
        assertThat(rt.inspect(id).state()).isEqualTo(ContainerState.RUNNING);
        awaitTrue(() -> rt.logs(id).size() > frozenAt + 2, Duration.ofSeconds(10));
        List<LogEntry> log = rt.logs(id);
        assertThat(log.get(log.size() - 1).text()).isEqualTo(log.size() + "\n"); // no count was lost or repeated
        assertThatThrownBy(() -> rt.unpause(id)).isInstanceOf(ConflictException.class).hasMessageContaining("not paused");
    }

    @Test
    void a_paused_container_stops_and_is_removed() {
        ContainerRuntime rt = engine.runtime;
        String id = rt.create(engine.spec("sleep", "60").build());
        rt.start(id);
        rt.pause(id);
        // sleep as PID 1 has no SIGTERM handler: the kernel drops it once thawed, and SIGKILL follows
        assertThat(rt.stop(id, Duration.ofMillis(300)).exitCode()).isEqualTo(137);
        assertThat(rt.inspect(id).state()).isEqualTo(ContainerState.EXITED);

        String other = rt.create(engine.spec("sleep", "60").build());
        rt.start(other);
        rt.pause(other);
        rt.delete(other, true);
        assertThat(rt.list()).doesNotContain(other);
    }

    @Test
    void restart_stops_a_running_container_and_starts_it_again() {
        ContainerRuntime rt = engine.runtime;
        String id = rt.create(engine.spec("sh", "-c", "echo run; exec sleep 60").build());
        rt.start(id);
        long firstInit = rt.inspect(id).initPid();
        rt.restart(id, Duration.ofMillis(200));
        assertThat(rt.inspect(id).state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rt.inspect(id).initPid()).isNotEqualTo(firstInit);
        assertThat(rt.inspect(id).manuallyStopped()).isFalse();
        awaitTrue(() -> rt.logs(id).size() == 2, Duration.ofSeconds(10));

        rt.stop(id, Duration.ZERO);
        rt.restart(id, Duration.ZERO); // an exited container just starts
        assertThat(rt.inspect(id).state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void rename_changes_only_the_name_and_frees_the_old_one() {
        ContainerRuntime rt = engine.runtime;
        String id = rt.create(engine.spec("sh", "-c", COUNTER).build(), "/web");
        rt.start(id);
        awaitTrue(() -> rt.logs(id).size() >= 2, Duration.ofSeconds(10));
        ContainerRecord before = rt.inspect(id);

        rt.rename(id, "web2");

        ContainerRecord after = rt.inspect(id);
        assertThat(after.name()).isEqualTo("web2");
        assertThat(after).usingRecursiveComparison().ignoringFields("name").isEqualTo(before);
        assertThat(rt.idOfName("/web2")).contains(id);
        assertThat(rt.idOfName("web")).isEmpty();
        awaitTrue(() -> rt.logs(id).size() > 4, Duration.ofSeconds(10)); // still the same running container
        String reuse = rt.create(engine.spec("true").build(), "web");
        assertThat(rt.idOfName("web")).contains(reuse);
    }

    @Test
    void names_are_unique_and_follow_dockers_rules() {
        ContainerRuntime rt = engine.runtime;
        String a = rt.create(engine.spec("true").build(), "a1");
        String b = rt.create(engine.spec("true").build(), "b1");
        assertThatThrownBy(() -> rt.create(engine.spec("true").build(), "a1")).isInstanceOf(ConflictException.class)
                .hasMessageContaining(a);
        assertThatThrownBy(() -> rt.rename(b, "a1")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rt.rename(b, "b1")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> rt.rename(b, "-bad")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> rt.create(engine.spec("true").build(), "x")).isInstanceOf(InvalidArgumentException.class);
        assertThat(rt.list()).containsExactlyInAnyOrder(a, b);
        rt.delete(a, false);
        assertThat(rt.idOfName("a1")).isEmpty();
    }

    @Test
    void names_survive_an_engine_restart() {
        String id = engine.runtime.create(engine.spec("true").build(), "kept");
        engine.detach();
        try (TestEngine again = TestEngine.open(engine.root)) {
            assertThat(again.runtime.idOfName("kept")).contains(id);
            assertThatThrownBy(() -> again.runtime.create(again.spec("true").build(), "kept"))
                    .isInstanceOf(ConflictException.class);
        }
        engine = TestEngine.start(); // the data root above is gone with its engine
    }
}
