package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.TestEngine;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineClientFixtures;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.engine.UnixSocketEngineClient;
import io.gantry.console.image.ImageOperationsAccess;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A busy container's CPU and memory, followed from a real engine's stats stream. */
@Privileged
class ContainerUsageFollowTest {

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
        ImageOperationsAccess.of(client).pull("busybox", step -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
    }

    @Test
    void a_busy_service_shows_cpu_and_memory_in_use_until_the_stream_is_closed() throws Exception {
        String id = client.createContainer("busy", EngineClientFixtures.busybox("sh", "-c", "while :; do :; done")).id();
        client.startContainer(id);
        MetricsService metrics = new MetricsService(client, new EngineEndpoint(engine.socket(), true));
        BlockingQueue<ContainerUsage> readings = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        try (EngineClient.EventSubscription follow = metrics.followUsage(id, readings::add, ended::countDown)) {
            ContainerUsage busy = null;
            for (int i = 0; i < 10 && (busy == null || busy.cpuPercent() < 20); i++) {
                busy = readings.poll(10, TimeUnit.SECONDS);
            }
            assertThat(busy).isNotNull();
            assertThat(busy.cpuPercent()).as("a shell spinning on one CPU").isGreaterThan(20);
            assertThat(busy.memoryBytes()).isPositive();
            assertThat(busy.memoryLimit()).isPositive();
        } finally {
            client.removeContainer(id, true);
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("closing ends the stream").isTrue();
    }
}
