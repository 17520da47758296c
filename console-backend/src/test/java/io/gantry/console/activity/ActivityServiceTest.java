package io.gantry.console.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MutableClock;
import io.gantry.console.events.EngineChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "gantry.activity.retention=7d")
class ActivityServiceTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @TestConfiguration
    static class Setup {
        @Bean
        @Primary
        MutableClock activityClock() {
            return CLOCK;
        }

        @Bean
        CurrentActor bob() {
            return () -> new Actor("bob", ActivitySource.UI);
        }
    }

    @Autowired
    ActivityService activity;
    @Autowired
    EngineEventRecorder events;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM activity");
    }

    @Test
    void an_action_is_recorded_for_the_current_user_done_or_failed_with_the_reason() {
        assertThat(activity.recordAction("volume.create", "data", "", () -> "made")).isEqualTo("made");
        assertThatThrownBy(() -> activity.recordAction("volume.remove", "data", "", () -> {
            throw new IllegalStateException("in use by web");
        })).hasMessage("in use by web");

        assertThat(activity.find(ActivityFilter.ALL, 0, 10)).extracting(e -> e.actor().name() + " " + e.action() + " "
                + e.target() + " " + (e.failed() ? "failed: " + e.detail() : "ok"))
                .containsExactlyInAnyOrder("bob volume.create data ok", "bob volume.remove data failed: in use by web");
    }

    @Test
    void entries_are_filtered_by_text_source_and_time_newest_first_page_by_page() {
        activity.record(new Actor("alice", ActivitySource.API), "image.pull", "busybox:latest", false, "");
        CLOCK.advance(Duration.ofMinutes(10));
        activity.record(Actor.ENGINE, "container.start", "web", false, "image=busybox");
        CLOCK.advance(Duration.ofMinutes(10));
        activity.record(new Actor("alice", ActivitySource.UI), "container.stop", "web_100%", false, "");

        assertThat(activity.count(ActivityFilter.ALL)).isEqualTo(3);
        assertThat(activity.find(ActivityFilter.ALL, 0, 2)).extracting(ActivityEntry::action)
                .containsExactly("container.stop", "container.start");
        assertThat(activity.find(ActivityFilter.ALL, 2, 2)).extracting(ActivityEntry::action).containsExactly("image.pull");
        assertThat(activity.find(new ActivityFilter("WEB", null, null), 0, 10)).hasSize(2);
        assertThat(activity.find(new ActivityFilter("_100%", null, null), 0, 10)).extracting(ActivityEntry::target)
                .as("LIKE wildcards are taken literally").containsExactly("web_100%");
        assertThat(activity.find(new ActivityFilter("", ActivitySource.API, null), 0, 10)).extracting(e -> e.actor().name())
                .containsExactly("alice");
        assertThat(activity.count(new ActivityFilter("", null, CLOCK.instant().minus(Duration.ofMinutes(15))))).isEqualTo(2);
    }

    @Test
    void entries_older_than_the_retention_period_are_purged() {
        activity.record(Actor.SYSTEM, "old", "x", false, "");
        CLOCK.advance(Duration.ofDays(8));
        activity.record(Actor.SYSTEM, "new", "x", false, "");

        assertThat(activity.purge()).isEqualTo(1);
        assertThat(activity.find(ActivityFilter.ALL, 0, 10)).extracting(ActivityEntry::action).containsExactly("new");
        assertThat(activity.retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void an_engine_event_is_recorded_as_the_engines_with_its_attributes() {
        events.record(new EngineChange("container", "die", "0123456789abcdef0123", Map.of("name", "web",
                "exitCode", "3", "image", "busybox", "io.gantry.app", "7")));

        ActivityEntry entry = activity.find(ActivityFilter.ALL, 0, 1).get(0);
        assertThat(entry.actor()).isEqualTo(Actor.ENGINE);
        assertThat(entry.action()).isEqualTo("container.die");
        assertThat(entry.target()).isEqualTo("web");
        assertThat(entry.failed()).as("a non-zero exit").isTrue();
        assertThat(entry.detail()).isEqualTo("exitCode=3, image=busybox");
    }
}
