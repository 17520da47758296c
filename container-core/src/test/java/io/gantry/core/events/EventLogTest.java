package io.gantry.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void a_subscriber_gets_the_past_since_a_time_then_every_new_event_once() {
        EventLog log = new EventLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        log.publish("container", "create", "a", Map.of());
        List<EngineEvent> live = new ArrayList<>();
        assertThat(log.subscribers()).isZero();

        try (EventLog.Subscription subscription = log.subscribe(Instant.parse("2026-01-01T00:00:00Z"), live::add)) {
            log.publish("container", "start", "a", Map.of());
            assertThat(log.subscribers()).isOne();

            assertThat(subscription.past()).extracting(EngineEvent::action).containsExactly("create");
            assertThat(live).extracting(EngineEvent::action).containsExactly("start");
        }
        log.publish("container", "die", "a", Map.of());
        assertThat(live).as("nothing after the subscription ended").hasSize(1);
        assertThat(log.subscribers()).isZero();
    }

    @Test
    void only_the_most_recent_events_are_kept() {
        EventLog log = new EventLog(Clock.systemUTC());
        for (int i = 0; i < EventLog.KEPT + 10; i++) {
            log.publish("image", "tag", "i" + i, Map.of());
        }

        try (EventLog.Subscription subscription = log.subscribe(Instant.EPOCH, e -> { })) {
            assertThat(subscription.past()).hasSize(EventLog.KEPT);
            assertThat(subscription.past().get(0).actorId()).isEqualTo("i10");
        }
    }
}
