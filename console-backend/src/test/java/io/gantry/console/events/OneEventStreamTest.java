package io.gantry.console.events;

import static io.gantry.console.events.EngineEventsTest.awaitMarker;
import static io.gantry.console.events.EngineEventsTest.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.TestEngine;
import io.gantry.console.activity.ActivityEntry;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole console on a real engine holds one {@code /events} stream: the application watcher, the activity log and
 * any page that follows the engine all listen through {@link EngineEvents}.
 */
@SpringBootTest
class OneEventStreamTest {

    @Autowired
    TestEngine engine;
    @Autowired
    EngineEvents events;
    @Autowired
    ActivityService activity;

    @Test
    void the_watcher_the_activity_log_and_a_page_share_one_stream_from_the_engine() throws Exception {
        BlockingQueue<EngineChange> page = new LinkedBlockingQueue<>();
        try (EngineEvents.Listening listening = events.listen(page::add)) {
            awaitMarker(engine.events(), page);
            engine.events().publish("container", "die", "c0ffee", Map.of("name", "one-stream", "exitCode", "0"));

            assertThat(next(page, "die").name()).contains("one-stream");
            awaitActivity("one-stream");
            assertThat(engine.events().subscribers()).as("one /events connection for the whole console").isOne();
        }
        assertThat(events.isOpen()).as("the watcher and the activity log still listen").isTrue();
        assertThat(engine.events().subscribers()).isOne();
    }

    private void awaitActivity(String target) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (activity.find(ActivityFilter.ALL, 0, 50).stream().map(ActivityEntry::target).anyMatch(target::equals)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the activity log never recorded the engine's event about " + target);
    }
}
