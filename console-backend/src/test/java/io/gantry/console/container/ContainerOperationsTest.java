package io.gantry.console.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.activity.ActivityEntry;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import io.gantry.console.activity.ActivitySource;
import io.gantry.console.activity.Actor;
import io.gantry.console.activity.CurrentActor;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.ContainerSettings;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineClientFixtures;
import io.gantry.console.engine.LogLine;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The containers page's service against a real engine; the image is pulled from a loopback registry on first use. */
class ContainerOperationsTest extends MirroredEngineTest {

    @TestConfiguration
    static class SignedIn {
        @Bean
        CurrentActor alice() {
            return () -> new Actor("alice", ActivitySource.UI);
        }
    }

    @Autowired
    EngineClient client;
    @Autowired
    ContainerOperations containers;
    @Autowired
    ActivityService activity;
    @Autowired
    ApplicationService applications;

    @AfterEach
    void removeContainers() {
        client.listContainers(true).forEach(c -> client.removeContainer(c.id(), true));
    }

    @Test
    void run_pulls_a_missing_image_creates_and_starts_the_container_with_its_settings() throws Exception {
        String id = containers.run(new NewContainer("busybox:latest", "web", "sh -c 'echo hi; sleep 300'",
                List.of("GREETING=hello", "DB_PASSWORD=s3cret"), "unless-stopped", 64, 0.5));

        ContainerDetails details = containers.details(id);
        assertThat(details.name()).isEqualTo("web");
        assertThat(details.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(details.command()).isEqualTo("sh -c 'echo hi; sleep 300'");
        assertThat(details.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(details.memoryLimit()).isEqualTo(64L << 20);
        assertThat(details.cpus()).isEqualTo(0.5);
        assertThat(details.exitCode()).as("never exited").isNull();
        assertThat(details.environment()).contains(new EnvironmentVariable("GREETING", "hello", false),
                new EnvironmentVariable("DB_PASSWORD", "s3cret", true));
        assertThat(details.environment()).filteredOn(EnvironmentVariable::secret).extracting(EnvironmentVariable::shown)
                .containsOnly(EnvironmentVariable.MASK);
        awaitLog(id, "hi");
        assertThat(containers.logs(id, 10)).extracting(LogLine::text).containsExactly("hi");
        assertThat(containers.logText(id, true)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z hi\\n");
    }

    @Test
    void the_list_groups_every_container_as_standalone_and_filters_by_name_image_or_state() {
        containers.run(new NewContainer("busybox", "alpha", "sleep 300", List.of(), "no", 0, 0));
        String beta = client.createContainer("beta", EngineClientFixtures.busybox("true")).id();

        List<ContainerGroup> groups = containers.list("");
        assertThat(groups).extracting(ContainerGroup::name).containsExactly(ContainerOperations.STANDALONE);
        assertThat(groups.get(0).containers()).extracting(ContainerRow::name).containsExactlyInAnyOrder("alpha", "beta");
        assertThat(containers.list("ALP").get(0).containers()).extracting(ContainerRow::name).containsExactly("alpha");
        assertThat(containers.list("created").get(0).containers()).extracting(ContainerRow::id).containsExactly(beta);
        assertThat(containers.list("nothing matches")).isEmpty();
    }

    @Test
    void ports_volumes_and_a_terminal_from_the_form_reach_the_container_and_a_commit_makes_an_image() throws Exception {
        String id = containers.run(new NewContainer("busybox", "shop", "sh -c 'echo saved > /data/f; sleep 300'",
                List.of(), List.of(RunSyntax.port("127.0.0.1::80")), List.of(RunSyntax.volume("shopdata:/data")), "no",
                0, 0, true));

        ContainerDetails details = containers.details(id);
        assertThat(details.ports()).singleElement().satisfies(p -> {
            assertThat(p.hostIp()).isEqualTo("127.0.0.1");
            assertThat(p.hostPort()).isPositive();
            assertThat(p.containerPort()).isEqualTo("80/tcp");
            assertThat(p.onEveryAddress()).isFalse();
        });
        assertThat(details.mounts()).containsExactly(new ContainerDetails.ContainerMount("volume", "shopdata", "/data", false));
        assertThat(details.networks()).containsExactly("bridge");
        assertThat(details.attachable()).as("made with a terminal and an open stdin").isTrue();

        String image = containers.commit(id, "shop", "shop-snapshot:v2", "with data");
        assertThat(client.inspectImage("shop-snapshot:v2").id()).isEqualTo(image);
        client.removeImage("shop-snapshot:v2", true);
        client.removeContainer(id, true);
        client.removeVolume("shopdata", true);

        assertThat(activity.find(new ActivityFilter("shop", null, null), 0, 20)).filteredOn(e -> e.actor().name().equals("alice"))
                .extracting(ActivityEntry::action).contains("container.create", "container.commit");
    }

    @Test
    void containers_of_an_application_are_grouped_under_its_name_before_the_standalone_ones() {
        Application app = applications.createFromImage("busybox:latest", "unix:///test");
        try {
            containers.run(new NewContainer("busybox", "loner", "sleep 300", List.of(), "no", 0, 0));
            var labelled = EngineClientFixtures.busybox("sleep", "300");
            var config = labelled.config();
            client.createContainer("member", new io.gantry.core.api.types.ContainerCreateRequest(
                    new io.gantry.core.api.types.ContainerConfig(null, null, null, false, true, true, null, false, false,
                            false, null, config.cmd(), config.image(), null, null, null,
                            java.util.Map.of(ContainerSettings.APP_LABEL, Long.toString(app.id())), null, null),
                    labelled.hostConfig(), null));

            assertThat(containers.list("")).extracting(g -> g.name() + " " + g.containers().stream().map(ContainerRow::name).toList())
                    .containsExactly(app.name() + " [member]", ContainerOperations.STANDALONE + " [loner]");
        } finally {
            applications.removeRecord(app.id());
        }
    }

    @Test
    void a_bulk_action_does_what_it_can_and_reports_the_engines_reason_for_the_rest() {
        containers.run(new NewContainer("busybox", "one", "sleep 300", List.of(), "no", 0, 0));
        containers.run(new NewContainer("busybox", "two", "sleep 300", List.of(), "no", 0, 0));
        List<ContainerRow> rows = containers.list("").get(0).containers();

        BulkResult stopped = containers.apply(BulkAction.STOP, rows);
        assertThat(stopped.done()).containsExactlyInAnyOrder("one", "two");
        assertThat(containers.list("").get(0).containers()).extracting(ContainerRow::state)
                .containsOnly(ContainerState.EXITED);
        assertThat(containers.details(rows.get(0).id()).exitCode()).isNotNull();

        client.removeContainer("one", true);
        BulkResult removed = containers.apply(BulkAction.REMOVE, rows);
        assertThat(removed.done()).containsExactly("two");
        assertThat(removed.failed()).containsOnlyKeys("one");
        assertThat(removed.summary()).startsWith("1 container removed; one: ");
        assertThat(containers.list("")).isEmpty();
        assertThat(activity.find(new ActivityFilter("", ActivitySource.UI, null), 0, 10))
                .extracting(e -> e.actor().name() + " " + e.action() + " " + e.target() + (e.failed() ? " failed" : ""))
                .contains("alice container.stop one", "alice container.stop two", "alice container.remove two",
                        "alice container.remove one failed");
    }

    @Test
    void a_followed_log_delivers_new_lines_until_closed() throws Exception {
        String id = containers.run(new NewContainer("busybox", "ticker", "sh -c 'echo first; sleep 1; echo second; sleep 300'",
                List.of(), "no", 0, 0));
        BlockingQueue<LogLine> lines = new LinkedBlockingQueue<>();

        try (LogFollow follow = containers.follow(id, 100, lines::add, () -> { })) {
            assertThat(lines.poll(20, TimeUnit.SECONDS).text()).isEqualTo("first");
            assertThat(lines.poll(20, TimeUnit.SECONDS).text()).isEqualTo("second");
        }
    }

    @Test
    void a_malformed_form_is_refused_before_the_engine_is_asked() {
        assertThatThrownBy(() -> new NewContainer("busybox", null, "", List.of("NOVALUE"), "no", 0, 0))
                .isInstanceOf(InvalidContainerException.class).hasMessageContaining("NAME=value");
        assertThatThrownBy(() -> new NewContainer(" ", null, "", List.of(), "no", 0, 0))
                .hasMessageContaining("image is required");
        assertThatThrownBy(() -> containers.run(new NewContainer("busybox", null, "sh -c 'oops", List.of(), "no", 0, 0)))
                .hasMessageContaining("never closed");
    }

    private void awaitLog(String id, String text) throws InterruptedException {
        for (int i = 0; i < 200 && containers.logs(id, -1).stream().noneMatch(l -> l.text().equals(text)); i++) {
            Thread.sleep(50);
        }
    }
}
