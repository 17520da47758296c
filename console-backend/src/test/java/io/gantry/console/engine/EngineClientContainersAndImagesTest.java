package io.gantry.console.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.TestEngine;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.ProgressMessage;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The container and image calls against a real engine that pulls from a loopback registry. */
@Privileged
class EngineClientContainersAndImagesTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static TestEngine engine;
    static EngineClient client;

    @BeforeAll
    static void start() throws Exception {
        TestEngine.pushBusybox(REGISTRY.host());
        engine = TestEngine.startWithMirror(REGISTRY.host());
        client = new UnixSocketEngineClient(new EngineEndpoint(engine.socket(), true),
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @BeforeEach
    void busyboxIsThere() {
        client.pullImage("busybox", "latest", p -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
    }

    @AfterEach
    void removeContainers() {
        client.listContainers(true).forEach(c -> client.removeContainer(c.id(), true));
    }

    @Test
    void a_pull_reports_each_layer_with_its_progress_and_lists_the_image() {
        client.removeImage("busybox:latest", false);
        List<ProgressMessage> progress = new ArrayList<>();

        client.pullImage("busybox", "latest", progress::add);

        assertThat(progress).anySatisfy(p -> {
            assertThat(p.id()).isNotBlank();
            assertThat(p.status()).isEqualTo("Downloading");
            assertThat(p.progressDetail().total()).isPositive();
        });
        assertThat(progress).extracting(ProgressMessage::status).contains("Pull complete");
        assertThat(client.listImages()).anySatisfy(i -> assertThat(i.repoTags()).contains("busybox:latest"));
        assertThat(client.inspectImage("busybox:latest").rootFs().layers()).hasSize(1);
    }

    @Test
    void a_pull_of_an_unknown_image_fails_with_the_engines_reason() {
        assertThatThrownBy(() -> client.pullImage("no-such-image", "latest", p -> { }))
                .isInstanceOf(EngineCallException.class).hasMessageContaining("no-such-image");
    }

    @Test
    void runs_a_container_reads_and_follows_its_log_and_removes_it() throws Exception {
        String id = client.createContainer("talker", busybox("sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 300")).id();
        client.startContainer(id);
        BlockingQueue<LogLine> followed = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        awaitLog(id, 2);
        List<LogLine> lines = client.logs(id, -1);
        assertThat(lines).extracting(LogLine::text).containsExactly("one", "two");
        assertThat(lines).extracting(LogLine::stderr).containsExactly(false, true);
        assertThat(lines.get(0).time()).isAfter(java.time.Instant.now().minusSeconds(60));
        assertThat(client.logs(id, 1)).extracting(LogLine::text).containsExactly("two");
        try (EngineClient.EventSubscription follow = client.followLogs(id, 1, followed::add, ended::countDown)) {
            assertThat(followed.poll(10, TimeUnit.SECONDS).text()).isEqualTo("two");
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("closing ends the reader").isTrue();

        ContainerInspect running = client.inspectContainer("talker");
        assertThat(running.state().running()).isTrue();
        assertThat(client.listContainers(false)).extracting(c -> c.names().get(0)).containsExactly("/talker");
        client.stopContainer(id, 1);
        assertThat(client.inspectContainer(id).state().status()).isEqualTo("exited");
        assertThat(client.listContainers(false)).isEmpty();
        client.removeContainer(id, false);
        assertThat(client.listContainers(true)).isEmpty();
    }

    @Test
    void a_followed_log_ends_when_the_container_exits() throws Exception {
        String id = client.createContainer(null, busybox("sh", "-c", "sleep 1; echo late")).id();
        client.startContainer(id);
        BlockingQueue<LogLine> followed = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        try (EngineClient.EventSubscription follow = client.followLogs(id, -1, followed::add, ended::countDown)) {
            assertThat(followed.poll(20, TimeUnit.SECONDS)).extracting(LogLine::text).isEqualTo("late");
            assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void an_image_in_use_is_refused_with_the_engines_reason_and_a_second_tag_can_go() {
        client.createContainer("user", busybox("true"));

        assertThatThrownBy(() -> client.removeImage("busybox:latest", false)).isInstanceOfSatisfying(
                EngineCallException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("a container is using its referenced image");
        client.tagImage("busybox:latest", "mine/busybox", "v1");
        assertThat(client.removeImage("mine/busybox:v1", false)).extracting(i -> i.untagged())
                .containsExactly("mine/busybox:v1");
    }

    @Test
    void lifecycle_errors_carry_the_engines_message() {
        assertThatThrownBy(() -> client.inspectContainer("nothing-here")).isInstanceOfSatisfying(
                EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue())
                .hasMessageContaining("nothing-here");
        client.createContainer("x", busybox("true"));
        assertThatThrownBy(() -> client.createContainer("x", busybox("true")))
                .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    static ContainerCreateRequest busybox(String... command) {
        return EngineClientFixtures.busybox(command);
    }

    private void awaitLog(String id, int lines) throws InterruptedException {
        for (int i = 0; i < 200 && client.logs(id, -1).size() < lines; i++) {
            Thread.sleep(50);
        }
    }
}
