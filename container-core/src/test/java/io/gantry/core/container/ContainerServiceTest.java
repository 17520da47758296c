package io.gantry.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.events.EngineEvent;
import io.gantry.core.runtime.ContainerRuntime;
import io.gantry.core.runtime.LogEntry;
import io.gantry.core.testing.BusyboxEngine;
import io.gantry.core.testing.Privileged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class ContainerServiceTest {

    BusyboxEngine engine;
    ContainerRuntime runtime;
    List<EngineEvent> seen = new ArrayList<>();
    ContainerService containers;

    @BeforeEach
    void engine() throws Exception {
        engine = new BusyboxEngine();
        runtime = engine.runtime;
        containers = engine.containers;
        engine.events.subscribe(null, seen::add);
    }

    @AfterEach
    void cleanUp() throws Exception {
        engine.close();
    }

    @Test
    void a_container_runs_the_merged_command_as_the_images_named_user_with_its_id_as_hostname() {
        String id = containers.create(ContainerRequest.builder("busybox").name("web").user("nobody")
                .cmd(List.of("sh", "-c", "echo $HOSTNAME $(id -u) $PATH $GREETING")).env(List.of("GREETING=hi")).build());

        assertThat(containers.start("web")).isTrue();
        assertThat(containers.wait(id, Duration.ofSeconds(30)).orElseThrow().exitCode()).isZero();

        assertThat(stdout(id)).isEqualTo(id.substring(0, 12) + " 65534 /bin hi\n");
        assertThat(containers.inspect(id.substring(0, 7)).name()).isEqualTo("web");
        assertThat(seen).extracting(EngineEvent::action).containsSubsequence("create", "start");
        assertThat(seen.get(0).attributes()).containsEntry("name", "web").containsEntry("image", "busybox");
    }

    @Test
    void names_are_unique_and_a_running_container_is_removed_only_by_force() {
        String id = containers.create(ContainerRequest.builder("busybox").name("db").cmd(List.of("sleep", "60")).build());
        containers.start(id);

        assertThatThrownBy(() -> containers.create(ContainerRequest.builder("busybox").name("db").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("The container name \"/db\" is already in use by container \"" + id + "\"");
        assertThat(containers.start("db")).as("already running").isFalse();
        assertThatThrownBy(() -> containers.remove("db", false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("container is running");

        containers.remove("db", true);

        assertThatThrownBy(() -> containers.inspect("db")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: db");
        assertThat(runtime.list()).isEmpty();
        assertThat(seen).extracting(EngineEvent::action).endsWith("destroy");
    }

    @Test
    void stop_kills_a_pid_1_that_ignores_sigterm_and_a_second_stop_is_a_no_op() {
        String id = containers.create(ContainerRequest.builder("busybox").cmd(List.of("sleep", "60")).build());
        containers.start(id);

        assertThat(containers.stop(id, Optional.of(Duration.ofSeconds(1)))).isTrue();
        assertThat(containers.stop(id, Optional.of(Duration.ofSeconds(1)))).as("not running any more").isFalse();
        assertThat(containers.inspect(id).runtime().exit().exitCode()).as("PID 1 has no default SIGTERM handler")
                .isEqualTo(137);
    }

    @Test
    void an_unknown_image_or_user_is_a_clear_error_and_creates_nothing() {
        assertThatThrownBy(() -> containers.create(ContainerRequest.builder("nope").build()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such image: nope:latest");
        assertThatThrownBy(() -> containers.create(ContainerRequest.builder("busybox").user("ghost").build()))
                .hasMessage("unable to find user ghost: no matching entries in passwd file");
        assertThat(runtime.list()).isEmpty();
    }

    @Test
    void a_new_engine_knows_the_containers_by_name() {
        String id = containers.create(ContainerRequest.builder("busybox").name("kept").cmd(List.of("true")).build());

        ContainerService reopened = engine.newContainerService();

        assertThat(reopened.resolve("kept")).isEqualTo(id);
        assertThat(reopened.list()).extracting(ContainerView::name).containsExactly("kept");
    }

    private String stdout(String id) {
        return runtime.logs(id).stream().filter(e -> e.stream().equals("stdout")).map(LogEntry::text)
                .collect(Collectors.joining());
    }
}
