package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineClientFixtures;
import io.gantry.console.image.ImageOperations;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A busy container's CPU and memory, followed from a real engine's stats stream as the application page does. */
class ContainerUsageFollowTest extends MirroredEngineTest {

    @Autowired
    MetricsService metrics;
    @Autowired
    EngineClient client;
    @Autowired
    ImageOperations images;

    @Test
    void a_busy_service_shows_cpu_and_memory_in_use_until_the_stream_is_closed() throws Exception {
        images.pull("busybox", step -> { });
        String id = client.createContainer("busy", EngineClientFixtures.busybox("sh", "-c", "while :; do :; done")).id();
        client.startContainer(id);
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
            client.removeImage("busybox:latest", true);
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("closing ends the stream").isTrue();
    }
}
