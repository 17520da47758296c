package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateImage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** CPU and memory of an application's services from the engine's stats, and the host's, on a real engine. */
class ApplicationMetricsTest extends MirroredEngineTest {

    @Autowired
    MetricsService metrics;
    @Autowired
    ApplicationService applications;
    @Autowired
    EngineClient engine;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeEverything() {
        engine.listContainers(true).forEach(c -> engine.removeContainer(c.id(), true));
        applications.list().forEach(a -> applications.remove(a.id(), true));
        jdbc.update("DELETE FROM applications");
    }

    @Test
    void a_busy_service_shows_cpu_use_and_memory_an_idle_one_little_and_a_stopped_one_none() {
        Application app = applications.create("Load", Template.of("Load", List.of(
                TemplateImage.builder("busy", "busybox:latest")
                        .command(List.of("sh", "-c", "while :; do :; done")).build(),
                TemplateImage.builder("idle", "busybox:latest")
                        .command(List.of("sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait")).build(),
                TemplateImage.builder("done", "busybox:latest").command(List.of("true")).build())), null,
                "unix:///run/gantry/test.sock");
        applications.deploy(app.id(), step -> { });

        // One reading is one interval of a loaded host: read again (bounded) until the spinning shell got its CPU.
        ApplicationMetrics figures = metrics.application(app.id());
        for (long deadline = System.nanoTime() + 30_000_000_000L;
             figures.services().get(0).cpuPercent() <= 20 && System.nanoTime() < deadline; ) {
            figures = metrics.application(app.id());
        }

        ServiceMetrics busy = figures.services().get(0);
        ServiceMetrics idle = figures.services().get(1);
        ServiceMetrics done = figures.services().get(2);
        assertThat(busy.service()).isEqualTo("busy");
        assertThat(busy.running()).isTrue();
        assertThat(busy.cpuPercent()).as("a shell spinning in a loop").isGreaterThan(20);
        assertThat(busy.memoryBytes()).isPositive();
        assertThat(busy.memoryLimitBytes()).isGreaterThanOrEqualTo(busy.memoryBytes());
        assertThat(idle.cpuPercent()).isLessThan(busy.cpuPercent() / 4);
        assertThat(idle.memoryBytes()).isPositive();
        assertThat(done.running()).isFalse();
        assertThat(done.cpuPercent()).isZero();
        assertThat(figures.cpuPercent()).isEqualTo(busy.cpuPercent() + idle.cpuPercent());
        assertThat(figures.memoryBytes()).isEqualTo(busy.memoryBytes() + idle.memoryBytes());

        HostMetrics host = metrics.host();
        assertThat(host.cpus()).isPositive();
        assertThat(host.cpuPercent()).as("the busy service alone keeps one CPU busy").isGreaterThan(100.0 / host.cpus() / 4);
        assertThat(host.memoryUsedBytes()).isPositive().isLessThan(host.memoryTotalBytes());
    }
}
