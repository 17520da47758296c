package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void parses_dockers_restart_values() {
        assertThat(RestartPolicy.parse("")).isEqualTo(RestartPolicy.no());
        assertThat(RestartPolicy.parse("on-failure:3")).isEqualTo(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 3));
        assertThat(RestartPolicy.parse("unless-stopped").mode()).isEqualTo(RestartPolicy.Mode.UNLESS_STOPPED);
        assertThat(RestartPolicy.parse("on-failure:3").toString()).isEqualTo("on-failure:3");
        assertThatThrownBy(() -> RestartPolicy.parse("always:2")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> RestartPolicy.parse("on-failure:-1")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> RestartPolicy.parse("sometimes")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void on_failure_restarts_only_failures_and_at_most_n_times() {
        RestartPolicy p = RestartPolicy.parse("on-failure:3");
        assertThat(p.restartsAfterExit(0, 0, false)).isFalse();
        assertThat(p.restartsAfterExit(1, 2, false)).isTrue();
        assertThat(p.restartsAfterExit(1, 3, false)).isFalse();
        assertThat(RestartPolicy.parse("on-failure").restartsAfterExit(1, 1000, false)).isTrue();
    }

    @Test
    void a_stop_by_the_user_wins_except_always_on_engine_start() {
        assertThat(RestartPolicy.parse("always").restartsAfterExit(0, 0, true)).isFalse();
        assertThat(RestartPolicy.parse("always").restartsOnEngineStart(0, 0, true)).isTrue();
        assertThat(RestartPolicy.parse("unless-stopped").restartsOnEngineStart(0, 0, true)).isFalse();
        assertThat(RestartPolicy.parse("unless-stopped").restartsOnEngineStart(0, 0, false)).isTrue();
        assertThat(RestartPolicy.no().restartsOnEngineStart(1, 0, false)).isFalse();
    }

    @Test
    void the_delay_doubles_up_to_a_minute() {
        assertThat(RestartPolicy.delay(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(RestartPolicy.delay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(RestartPolicy.delay(50)).isEqualTo(Duration.ofMinutes(1));
    }
}
