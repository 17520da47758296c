package io.gantry.console.app;

import static io.gantry.console.app.AppTestSupport.ENGINE;
import static io.gantry.console.app.AppTestSupport.IDLE;
import static io.gantry.console.app.AppTestSupport.SHELL;
import static io.gantry.console.app.AppTestSupport.awaitLog;
import static io.gantry.console.app.AppTestSupport.awaitPage;
import static io.gantry.console.app.AppTestSupport.containers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.TestEngine;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.template.Origin;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateImage;
import io.gantry.core.api.types.HostConfig;
import io.gantry.core.api.types.VolumeResource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Edits of a running application on a real engine: web serves a page on a host port, client fetches it by the link
 * alias {@code site}, store counts its starts in a named volume. Each test changes one kind of field and checks that
 * only the intended containers were replaced, that data survived and that the change took effect.
 */
class ApplicationEditTest extends MirroredEngineTest {

    @Autowired
    ApplicationService applications;
    @Autowired
    EngineClient engine;
    @Autowired
    JdbcTemplate jdbc;

    final List<DeployProgress> progress = new CopyOnWriteArrayList<>();
    Application app;
    int webPort;
    Map<String, String> before;

    @BeforeAll
    static void pushEditedBusybox() throws Exception {
        TestEngine.pushBusybox(REGISTRY.host(), "edited", List.of("8080/tcp"));
    }

    @BeforeEach
    void deployShop() {
        webPort = AppTestSupport.freePort();
        app = applications.create("Shop", shop(webPort), null, ENGINE);
        applications.deploy(app.id(), progress::add);
        before = containers(applications, app.id());
        awaitPage(webPort, "hello from web");
        awaitLog(engine, before.get("store"), "1");
        progress.clear();
    }

    /** As {@link ApplicationDeployTest#pullsFromTheTestRegistry()}. */
    boolean pullsFromTheTestRegistry() {
        return true;
    }

    @AfterEach
    void removeEverything() {
        AppTestSupport.removeEverything(engine, jdbc);
    }

    static Template shop(int webPort) {
        return Template.of("Shop", List.of(
                TemplateImage.builder("client", "busybox:latest").link("web", "site").dependsOn(List.of("store"))
                        .command(List.of(SHELL, "-c", "until wget -q -O - http://site/; do sleep 0.2; done; " + IDLE))
                        .build(),
                TemplateImage.builder("web", "busybox:latest").env("PAGE", "hello from web")
                        .port(new PortMapping("127.0.0.1", Integer.toString(webPort), "80", Protocol.TCP,
                                Origin.none()))
                        .command(List.of(SHELL, "-c", "mkdir -p /www && echo \"$PAGE\" > /www/index.html && "
                                + "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait")).build(),
                TemplateImage.builder("store", "busybox:latest").volume("data", "/data")
                        .command(List.of(SHELL, "-c", "echo start >> /data/log && wc -l < /data/log && " + IDLE))
                        .build()));
    }

    @Test
    void a_new_image_tag_is_pulled_and_recreates_the_service_and_those_linking_to_it_as_it_exposes_other_ports() {
        EditPlan plan = applications.applyEdit(app.id(), change("web", b -> b.image("busybox:edited")),
                progress::add);

        assertThat(plan.recreate()).containsExactly("web", "client");
        if (pullsFromTheTestRegistry()) {
            assertThat(progress).filteredOn(DeployProgress.Pulling.class::isInstance)
                    .extracting(p -> ((DeployProgress.Pulling) p).image()).contains("busybox:edited");
        }
        Map<String, String> after = onlyReplaced("web", "client");
        assertThat(engine.inspectContainer(after.get("web")).config().image()).isEqualTo("busybox:edited");
        assertThat(engine.inspectContainer(after.get("client")).config().env())
                .contains("SITE_PORT_8080_TCP_ADDR=site", "SITE_PORT_80_TCP_ADDR=site");
        assertThat(service("web").image()).isEqualTo("busybox:edited");
        awaitPage(webPort, "hello from web");
    }

    @Test
    void a_new_command_recreates_only_that_service() {
        applications.applyEdit(app.id(), change("web", b -> b.command(List.of(SHELL, "-c",
                "mkdir -p /www && echo changed command > /www/index.html && trap 'exit 0' TERM; "
                        + "httpd -f -p 80 -h /www & wait"))), progress::add);

        onlyReplaced("web");
        awaitPage(webPort, "changed command");
        assertThat(progress).filteredOn(DeployProgress.ServiceRemoved.class::isInstance).hasSize(1);
    }

    @Test
    void a_new_host_port_moves_the_page_and_leaves_the_others_running() {
        int moved = AppTestSupport.freePort();

        applications.applyEdit(app.id(), change("web", b -> b.ports(List.of(
                new ServicePort("127.0.0.1", moved, 80, Protocol.TCP)))), progress::add);

        onlyReplaced("web");
        awaitPage(moved, "hello from web");
        assertThat(AppTestSupport.get(webPort)).as("nothing answers on the old port").isEmpty();
    }

    @Test
    void a_new_variable_recreates_only_that_service() {
        applications.applyEdit(app.id(), change("web", b -> b.environment(List.of())
                .env("PAGE", "hello again")), progress::add);

        Map<String, String> after = onlyReplaced("web");
        awaitPage(webPort, "hello again");
        assertThat(engine.inspectContainer(after.get("client")).config().env())
                .as("the client's copy of web's variables is Docker's: taken when it was made")
                .contains("SITE_ENV_PAGE=hello from web");
    }

    @Test
    void a_new_volume_recreates_only_that_service_and_the_data_of_the_old_one_survives() {
        applications.applyEdit(app.id(), change("store", b -> b.volume("more", "/more")), progress::add);

        Map<String, String> after = onlyReplaced("store");
        awaitLog(engine, after.get("store"), "2");
        assertThat(engine.listVolumes()).extracting(VolumeResource::name).contains("shop_data", "shop_more");
    }

    @Test
    void a_new_link_alias_recreates_the_linking_service_and_moves_the_alias_without_recreating_the_target() {
        applications.applyEdit(app.id(), change("client", b -> b.links(List.of(ServiceLink.of("web", "www")))
                .command(List.of(SHELL, "-c", "until wget -q -O - http://www/; do sleep 0.2; done; " + IDLE))),
                progress::add);

        Map<String, String> after = onlyReplaced("client");
        awaitLog(engine, after.get("client"), "hello from web");
        assertThat(progress).contains(new DeployProgress.ServiceRealiased("web", List.of("web", "www")));
        assertThat(engine.inspectContainer(after.get("client")).config().env()).contains("WWW_PORT=tcp://www:80");
        awaitPage(webPort, "hello from web");
    }

    @Test
    void a_new_restart_policy_recreates_only_that_service() {
        applications.applyEdit(app.id(), change("store", b -> b.restart(RestartPolicy.parse("on-failure:3"))),
                progress::add);

        HostConfig.RestartPolicy policy = engine.inspectContainer(onlyReplaced("store").get("store")).hostConfig()
                .restartPolicy();
        assertThat(policy.name()).isEqualTo("on-failure");
        assertThat(policy.maximumRetryCount()).isEqualTo(3);
    }

    @Test
    void new_memory_and_cpu_limits_recreate_only_that_service() {
        applications.applyEdit(app.id(), change("web", b -> b.limits(new Limits("64m", "0.5"))), progress::add);

        HostConfig host = engine.inspectContainer(onlyReplaced("web").get("web")).hostConfig();
        assertThat(host.memory()).isEqualTo(64L << 20);
        assertThat(host.nanoCpus()).isEqualTo(500_000_000L);
        awaitPage(webPort, "hello from web");
    }

    @Test
    void a_service_added_to_a_running_application_finds_its_new_alias_at_once_and_the_others_keep_running() {
        applications.applyEdit(app.id(), new Edit.Add(AppService.builder("extra", "busybox:latest")
                .link("web", "www").command(List.of(SHELL, "-c", "wget -q -O - http://www/; " + IDLE)).build()),
                progress::add);

        Map<String, String> after = containers(applications, app.id());
        assertThat(after).containsAllEntriesOf(before).containsKey("extra");
        awaitLog(engine, after.get("extra"), "hello from web");
        assertThat(applications.status(app.id())).containsEntry("extra", ServiceStatus.RUNNING);
    }

    @Test
    void removed_services_stop_and_go_with_their_volumes_when_asked_and_the_others_keep_running() {
        applications.applyEdit(app.id(), new Edit.Remove("client", false), progress::add);
        applications.applyEdit(app.id(), new Edit.Remove("store", true), progress::add);

        assertThat(containers(applications, app.id())).containsExactly(Map.entry("web", before.get("web")));
        assertThat(engine.listContainers(true)).hasSize(1);
        assertThat(engine.listVolumes()).extracting(VolumeResource::name).doesNotContain("shop_data");
        awaitPage(webPort, "hello from web");
    }

    @Test
    void an_edit_of_what_only_the_console_keeps_recreates_nothing() {
        EditPlan plan = applications.applyEdit(app.id(), change("web", b -> b.category("Front end")), progress::add);

        assertThat(plan.leavesContainersAlone()).isTrue();
        assertThat(containers(applications, app.id())).isEqualTo(before);
        assertThat(service("web").category()).isEqualTo("Front end");
    }

    @Test
    void a_stopped_service_is_recreated_stopped() {
        applications.stop(app.id());

        applications.applyEdit(app.id(), change("store", b -> b.restart(RestartPolicy.parse("always"))),
                progress::add);

        assertThat(applications.status(app.id()).get("store")).isEqualTo(ServiceStatus.CREATED);
        assertThat(progress).hasAtLeastOneElementOfType(DeployProgress.ServiceCreated.class);
    }

    @Test
    void an_edit_failing_on_a_taken_host_port_puts_the_previous_service_back_and_records_nothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Edit edit = change("web", b -> b.ports(List.of(new ServicePort("127.0.0.1", taken.getLocalPort(), 80,
                    Protocol.TCP))));

            assertThatThrownBy(() -> applications.applyEdit(app.id(), edit, progress::add))
                    .isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("Editing Shop: service 'web' failed")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()))
                    .hasMessageContaining("the application runs as before")
                    .satisfies(e -> assertThat(((DeployFailedException) e).service()).contains("web"));
        }
        Map<String, String> after = containers(applications, app.id());
        assertThat(after).containsEntry("client", before.get("client")).containsEntry("store", before.get("store"));
        assertThat(engine.listContainers(true)).hasSize(3);
        assertThat(service("web").ports()).containsExactly(new ServicePort("127.0.0.1", webPort, 80, Protocol.TCP));
        assertThat(engine.inspectContainer(after.get("web")).state().running()).isTrue();
        awaitPage(webPort, "hello from web");
    }

    @Test
    void an_edit_to_an_image_the_registry_lacks_changes_nothing() {
        assertThatThrownBy(() -> applications.applyEdit(app.id(), change("web", b -> b.image("nosuchimage:1")),
                progress::add))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("service 'web'").hasMessageContaining("nosuchimage:1");

        assertThat(containers(applications, app.id())).isEqualTo(before);
        assertThat(service("web").image()).isEqualTo("busybox:latest");
    }

    private Edit change(String name, UnaryOperator<AppService.Builder> edit) {
        return new Edit.Change(name, edit.apply(service(name).toBuilder()).build());
    }

    private AppService service(String name) {
        return applications.services(app.id()).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Checks that exactly these services got new containers, the others kept theirs, and all of them run. */
    private Map<String, String> onlyReplaced(String... services) {
        Map<String, String> after = containers(applications, app.id());
        List<String> replaced = List.of(services);
        after.forEach((service, id) -> {
            if (replaced.contains(service)) {
                assertThat(id).as(service + " has a new container").isNotEqualTo(before.get(service));
            } else {
                assertThat(id).as(service + " keeps its container").isEqualTo(before.get(service));
            }
        });
        assertThat(applications.status(app.id())).containsOnlyKeys(before.keySet())
                .allSatisfy((service, status) -> assertThat(status).as(service).isEqualTo(ServiceStatus.RUNNING));
        assertThat(engine.listContainers(true)).as("the old containers are gone").hasSize(before.size());
        return after;
    }
}
