package io.gantry.console.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.TestEngine;
import io.gantry.core.api.types.EventMessage;
import io.gantry.core.api.types.SystemInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnixSocketEngineClientTest {

    TestEngine engine;
    EngineClient client;

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start();
        client = new UnixSocketEngineClient(new EngineEndpoint(engine.socket(), true), new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
    }

    @Test
    void negotiates_the_lower_of_both_api_versions() {
        assertThat(client.apiVersion()).isEqualTo("1.47");
    }

    @Test
    void reads_info_from_the_engine() throws Exception {
        SystemInfo info = client.info();

        assertThat(info.kernelVersion()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        assertThat(info.dockerRootDir()).isEqualTo(engine.dataRoot().toString());
        assertThat(info.ncpu()).isPositive();
        assertThat(client.version().apiVersion()).isEqualTo("1.47");
    }

    @Test
    void follows_the_engines_events_until_closed() throws Exception {
        BlockingQueue<EventMessage> received =
                new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        try (EngineClient.EventSubscription subscription = client.events(received::add, ended::countDown)) {
            awaitSubscribed(subscription, received);
            engine.events().publish("container", "start", "abc", Map.of("name", "web", "image", "busybox"));

            EventMessage event = received.poll(10, TimeUnit.SECONDS);
            while (event != null && event.action().equals("marker")) {
                event = received.poll(10, TimeUnit.SECONDS);
            }
            assertThat(event).isNotNull();
            assertThat(event.action()).isEqualTo("start");
            assertThat(event.actor().attributes()).containsEntry("name", "web");
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the reader ends when closed").isTrue();
    }

    /** The request reaches the engine asynchronously; publish markers until one arrives (later ones may follow). */
    private void awaitSubscribed(EngineClient.EventSubscription subscription,
            BlockingQueue<EventMessage> received) throws Exception {
        for (int i = 0; i < 100; i++) {
            engine.events().publish("daemon", "marker", "m", Map.of());
            if (received.poll(100, TimeUnit.MILLISECONDS) != null) {
                received.clear();
                return;
            }
        }
        throw new AssertionError("no event arrived through " + subscription);
    }

    @Test
    void an_engine_that_is_not_there_is_reported_as_unreachable() {
        EngineClient nowhere = new UnixSocketEngineClient(EngineEndpoint.parse("unix:///nonexistent/gantry.sock"),
                new ObjectMapper());

        assertThatThrownBy(nowhere::info).isInstanceOf(EngineUnreachableException.class)
                .hasMessageContaining("unix:///nonexistent/gantry.sock");
    }

    @Test
    void engine_addresses_must_be_unix_urls() {
        assertThat(EngineEndpoint.parse("unix:///run/docker.sock").socket()).isEqualTo(Path.of("/run/docker.sock"));
        assertThatThrownBy(() -> EngineEndpoint.parse("tcp://127.0.0.1:2375"))
                .hasMessageContaining("unix:///run/docker.sock");
    }

    @Test
    void versions_compare_numerically() {
        assertThat(UnixSocketEngineClient.compare("1.9", "1.10")).isNegative();
        assertThat(UnixSocketEngineClient.compare("1.47", "1.41")).isPositive();
    }
}
