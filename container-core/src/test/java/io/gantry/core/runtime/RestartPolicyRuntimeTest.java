package io.gantry.core.runtime;

import static io.gantry.core.runtime.EngineRestartTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restart policies as the engine enforces them, including across an engine restart on the same data root. */
@Privileged
class RestartPolicyRuntimeTest {

    @Test
    void on_failure_3_restarts_exactly_three_times_with_growing_delays() {
        try (TestEngine engine = TestEngine.start()) {
            ContainerRuntime rt = engine.runtime;
            String id = rt.create(engine.spec("sh", "-c", "echo run; exit 1")
                    .restartPolicy(RestartPolicy.parse("on-failure:3")).build());
            rt.start(id);
            awaitTrue(() -> starts(rt, id).size() == 4 && rt.inspect(id).state() == ContainerState.EXITED,
                    Duration.ofSeconds(15));
            ContainerLifecycleTest.sleepMs(1200); // a fourth restart would come after 800 ms
            assertThat(starts(rt, id)).hasSize(4);
            assertThat(rt.inspect(id).restartCount()).isEqualTo(3);
            assertThat(rt.inspect(id).exit().exitCode()).isEqualTo(1);
            List<Instant> t = starts(rt, id);
            long g1 = Duration.between(t.get(0), t.get(1)).toMillis();
            long g2 = Duration.between(t.get(1), t.get(2)).toMillis();
            long g3 = Duration.between(t.get(2), t.get(3)).toMillis();
            // each gap is the backoff (100, 200, 400 ms) plus a start, whose cost varies on a busy machine
            assertThat(g1).as("first gap").isGreaterThanOrEqualTo(100);
            assertThat(g2).as("second gap").isGreaterThanOrEqualTo(200);
            assertThat(g3).as("third gap, after %d and %d ms", g1, g2).isGreaterThanOrEqualTo(400).isGreaterThan(g1);
        }
    }

    @Test
    void a_successful_exit_is_not_restarted_by_on_failure() {
        try (TestEngine engine = TestEngine.start()) {
            String id = engine.runtime.create(engine.spec("true").restartPolicy(RestartPolicy.parse("on-failure")).build());
            engine.runtime.start(id);
            assertThat(engine.runtime.wait(id, Duration.ofSeconds(10))).get().extracting(ExitStatus::exitCode).isEqualTo(0);
            ContainerLifecycleTest.sleepMs(300);
            assertThat(engine.runtime.inspect(id).state()).isEqualTo(ContainerState.EXITED);
            assertThat(engine.runtime.inspect(id).restartCount()).isZero();
        }
    }

    @Test
    void always_restarts_after_exit_a_stop_ends_it_and_an_engine_restart_starts_it_but_not_unless_stopped() {
        TestEngine first = TestEngine.start();
        String always;
        String unlessStopped;
        int runs;
        try {
            ContainerRuntime rt = first.runtime;
            always = rt.create(first.spec("sh", "-c", "echo run; sleep 0.2").restartPolicy(RestartPolicy.parse("always")).build());
            unlessStopped = rt.create(first.spec("sleep", "60").restartPolicy(RestartPolicy.parse("unless-stopped")).build());
            rt.start(always);
            rt.start(unlessStopped);
            awaitTrue(() -> starts(rt, always).size() >= 3, Duration.ofSeconds(10));
            rt.stop(always, Duration.ofMillis(200));
            rt.stop(unlessStopped, Duration.ofMillis(200));
            runs = starts(rt, always).size();
            ContainerLifecycleTest.sleepMs(600);
            assertThat(starts(rt, always)).hasSize(runs);
            assertThat(rt.inspect(always).state()).isEqualTo(ContainerState.EXITED);
            assertThat(rt.inspect(unlessStopped).state()).isEqualTo(ContainerState.EXITED);
        } finally {
            first.detach();
        }
        try (TestEngine second = TestEngine.open(first.root)) {
            ContainerRuntime rt = second.runtime;
            awaitTrue(() -> starts(rt, always).size() > runs,
                    Duration.ofSeconds(10));
            assertThat(rt.inspect(always).manuallyStopped()).isFalse();
            ContainerLifecycleTest.sleepMs(300);
            assertThat(rt.inspect(unlessStopped).state()).isEqualTo(ContainerState.EXITED);
            assertThat(rt.inspect(unlessStopped).manuallyStopped()).isTrue();
        }
    }

    /** One log line per run: when each run printed it. */
    private static List<Instant> starts(ContainerRuntime rt, String id) {
        return rt.logs(id).stream().filter(e -> e.text().equals("run\n")).map(e -> Instant.parse(e.time())).toList();
    }
}
