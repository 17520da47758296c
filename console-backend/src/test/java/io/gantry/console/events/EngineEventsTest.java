package io.gantry.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.TestEngine;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.engine.UnixSocketEngineClient;
import io.gantry.core.events.EventLog;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listeners of a real engine's events share one stream, opened for the first and closed after the last, and reopened
 * when the engine restarts, with the listeners told that they missed events.
 */
class EngineEventsTest {

    TestEngine engine;
    EngineEvents events;

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start();
        events = new EngineEvents(new UnixSocketEngineClient(new EngineEndpoint(engine.socket(), true),
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)));
    }

    @AfterEach
    void stop() throws Exception {
        events.stop();
        engine.close();
    }

    @Test
    void every_listener_gets_each_event_and_the_stream_closes_after_the_last_leaves() throws Exception {
        BlockingQueue<EngineChange> first = new LinkedBlockingQueue<>();
        BlockingQueue<EngineChange> second = new LinkedBlockingQueue<>();
        assertThat(events.isOpen()).isFalse();

        EngineEvents.Listening one = events.listen(first::add);
        EngineEvents.Listening two = events.listen(second::add);
        assertThat(events.isOpen()).isTrue();
        awaitMarker(engine.events(), first);
        assertThat(engine.events().subscribers()).as("one stream from the engine for both").isOne();
        engine.events().publish("container", "die", "abc", Map.of("name", "web", "exitCode", "3"));

        EngineChange died = next(first, "die");
        assertThat(died.attributes()).containsEntry("exitCode", "3");
        assertThat(died.isContainer()).isTrue();
        assertThat(died.name()).contains("web");
        assertThat(next(second, "die").actorId()).isEqualTo("abc");

        one.close();
        assertThat(events.isOpen()).as("one listener is left").isTrue();
        two.close();
        assertThat(events.isOpen()).isFalse();
    }

    @Test
    void after_the_engine_restarts_the_stream_is_reopened_and_the_listeners_that_missed_events_are_told()
            throws Exception {
        BlockingQueue<EngineChange> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        try (EngineEvents.Listening listening = events.listen(new EngineEvents.Listener() {
            @Override
            public void changed(EngineChange event) {
                received.add(event);
            }

            @Override
            public void reopened() {
                told.add("reopened");
            }
        })) {
            awaitMarker(engine.events(), received);
            assertThat(told).as("a listener that opened the stream missed nothing").isEmpty();

            engine.restart();

            assertThat(told.poll(30, TimeUnit.SECONDS)).as("told once the new engine's stream is open").isNotNull();
            assertThat(events.isOpen()).isTrue();
            BlockingQueue<EngineChange> late = new LinkedBlockingQueue<>();
            try (EngineEvents.Listening joined = events.listen(late::add)) {
                received.clear();
                awaitMarker(engine.events(), received);
                engine.events().publish("container", "start", "new", Map.of("name", "after"));
                assertThat(next(received, "start").name()).contains("after");
                assertThat(next(late, "start").actorId()).isEqualTo("new");
                assertThat(engine.events().subscribers()).as("one stream from the new engine").isOne();
            }
            assertThat(told).as("told once, not once per attempt").isEmpty();
        }
    }

    @Test
    void a_failing_listener_does_not_stop_the_others() throws Exception {
        BlockingQueue<EngineChange> received = new LinkedBlockingQueue<>();
        try (EngineEvents.Listening broken = events.listen(e -> { throw new IllegalStateException("listener bug"); });
             EngineEvents.Listening working = events.listen(received::add)) {
            awaitMarker(engine.events(), received);
            engine.events().publish("container", "start", "def", Map.of("name", "db"));
            assertThat(next(received, "start").actorId()).isEqualTo("def");
        }
    }

    /** The subscription reaches the engine asynchronously: publish markers until one arrives. */
    static void awaitMarker(EventLog log, BlockingQueue<EngineChange> received) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            log.publish("daemon", "marker", "m", Map.of());
            if (received.poll(100, TimeUnit.MILLISECONDS) != null) {
                return;
            }
        }
        throw new AssertionError("no event arrived");
    }

    static EngineChange next(BlockingQueue<EngineChange> received, String action) throws InterruptedException {
        for (EngineChange e = received.poll(10, TimeUnit.SECONDS); e != null; e = received.poll(10, TimeUnit.SECONDS)) {
            if (e.action().equals(action)) {
                return e;
            }
        }
        throw new AssertionError("no '" + action + "' event");
    }
}
