package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.app.ApplicationSummary.State;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceStatusTest {

    @Test
    void the_engine_states_map_to_the_closed_set_keeping_the_exit_code() {
        assertThat(ServiceStatus.fromEngine("running", 0)).isEqualTo(ServiceStatus.RUNNING);
        assertThat(ServiceStatus.fromEngine("restarting", 1)).isEqualTo(ServiceStatus.RESTARTING);
        assertThat(ServiceStatus.fromEngine("created", 0)).isEqualTo(ServiceStatus.CREATED);
        assertThat(ServiceStatus.fromEngine("exited", 137)).isEqualTo(new ServiceStatus.Exited(137));
        assertThat(ServiceStatus.fromEngine("dead", 1)).isEqualTo(new ServiceStatus.Exited(1));
        assertThat(ServiceStatus.fromEngine("removing", 0)).isEqualTo(ServiceStatus.MISSING);
        assertThatThrownBy(() -> ServiceStatus.fromEngine("sleepy", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void all_running_is_running_and_none_up_is_stopped() {
        assertThat(summary("a", ServiceStatus.RUNNING, "b", ServiceStatus.PAUSED).state()).isEqualTo(State.RUNNING);
        ApplicationSummary stopped = summary("a", new ServiceStatus.Exited(0), "b", ServiceStatus.CREATED);
        assertThat(stopped.state()).isEqualTo(State.STOPPED);
        assertThat(stopped.attention()).isEmpty();
    }

    @Test
    void a_mix_or_a_restarting_service_is_degraded_and_named() {
        ApplicationSummary mixed = summary("web", ServiceStatus.RUNNING, "db", new ServiceStatus.Exited(1));
        assertThat(mixed.state()).isEqualTo(State.DEGRADED);
        assertThat(mixed.up()).isEqualTo(1);
        assertThat(mixed.total()).isEqualTo(2);
        assertThat(mixed.attention()).containsExactly("Service 'db' exited with code 1.");

        assertThat(summary("web", ServiceStatus.RESTARTING, "db", ServiceStatus.RUNNING).state())
                .isEqualTo(State.DEGRADED);
    }

    @Test
    void a_missing_container_makes_the_application_incomplete() {
        ApplicationSummary s = summary("web", ServiceStatus.RUNNING, "db", ServiceStatus.MISSING);
        assertThat(s.state()).isEqualTo(State.INCOMPLETE);
        assertThat(s.attention()).containsExactly("Service 'db' has no container; it can be recreated.");
    }

    private static ApplicationSummary summary(String a, ServiceStatus sa, String b, ServiceStatus sb) {
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        statuses.put(a, sa);
        statuses.put(b, sb);
        return ApplicationSummary.of(statuses);
    }
}
