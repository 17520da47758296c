package io.gantry.console.app;

import static io.gantry.console.app.AppTestSupport.ENGINE;
import static io.gantry.console.app.AppTestSupport.IDLE;
import static io.gantry.console.app.AppTestSupport.SHELL;
import static io.gantry.console.app.AppTestSupport.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.template.Origin;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateImage;
import io.gantry.core.api.types.NetworkResource;
import io.gantry.core.api.types.VolumeResource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applications deployed to, run on and removed from a real engine that pulls busybox from a loopback registry. */
class ApplicationDeployTest extends MirroredEngineTest {

    @Autowired
    ApplicationService applications;
    @Autowired
    EngineClient engine;
    @Autowired
    JdbcTemplate jdbc;

    final List<DeployProgress> progress = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeEverything() {
        AppTestSupport.removeEverything(engine, jdbc);
    }

    /** web serves a page, client fetches it by the link alias and prints it, store keeps a file in a named volume. */
    static Template threeServices() {
        return Template.of("Shop", List.of(
                TemplateImage.builder("client", "busybox:latest").link("web", "site").dependsOn(List.of("store"))
                        .command(List.of(SHELL, "-c", "until wget -q -O - http://site/; do sleep 0.2; done; " + IDLE)).build(),
                TemplateImage.builder("web", "busybox:latest").expose(List.of("80")).env("PAGE", "hello from web")
                        .command(List.of(SHELL, "-c", "mkdir -p /www && echo \"$PAGE\" > /www/index.html && "
                                + "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait")).build(),
                TemplateImage.builder("store", "busybox:latest").volume("data", "/data")
                        .command(List.of(SHELL, "-c", "echo kept > /data/file && " + IDLE)).build()));
    }

    /**
     * Whether the engine pulls from the test's loopback registry; one that may only use the images it was loaded with
     * (dockerd, which would pull from Docker Hub) says no, and its tests neither pull nor remove images.
     */
    boolean pullsFromTheTestRegistry() {
        return true;
    }

    @Test
    void a_deployed_application_runs_every_service_in_order_and_the_client_reaches_web_by_its_link_alias() {
        if (pullsFromTheTestRegistry()) {
            engine.listImages().forEach(i -> engine.removeImage(i.id(), true));
        }
        Application app = applications.create("Shop", threeServices(), null, ENGINE);

        applications.deploy(app.id(), progress::add);

        if (pullsFromTheTestRegistry()) {
            assertThat(progress).filteredOn(DeployProgress.Pulling.class::isInstance)
                    .extracting(p -> ((DeployProgress.Pulling) p).step()).anyMatch(step -> step.isLayer());
        }
        assertThat(progress).filteredOn(DeployProgress.ServiceStarted.class::isInstance)
                .extracting(p -> ((DeployProgress.ServiceStarted) p).service()).containsExactly("web", "store", "client");
        assertThat(applications.status(app.id())).containsOnlyKeys("client", "web", "store")
                .allSatisfy((service, status) -> assertThat(status).isEqualTo(ServiceStatus.RUNNING));
        String client = applications.services(app.id()).get(0).containerId();
        awaitLog(engine, client, "hello from web");
        assertThat(engine.inspectContainer(client).config().env()).contains("SITE_PORT=tcp://site:80",
                "SITE_PORT_80_TCP_ADDR=site", "SITE_PORT_80_TCP_PORT=80", "SITE_NAME=/shop-client/site",
                "SITE_ENV_PAGE=hello from web");
        assertThat(engine.inspectNetwork("shop_default").name()).isEqualTo("shop_default");
        assertThat(engine.inspectVolume("shop_data").name()).isEqualTo("shop_data");
    }

    @Test
    void stop_start_and_restart_act_on_every_service_and_a_container_removed_behind_the_console_shows_missing() {
        Application app = applications.create("Shop", threeServices(), null, ENGINE);
        applications.deploy(app.id(), progress::add);

        applications.stop(app.id());
        assertThat(applications.status(app.id()).values()).allMatch(s -> s instanceof ServiceStatus.Exited);
        applications.start(app.id());
        applications.restart(app.id());
        assertThat(applications.status(app.id()).values()).containsOnly(ServiceStatus.RUNNING);

        engine.removeContainer(applications.services(app.id()).get(2).containerId(), true);
        assertThat(applications.status(app.id())).containsEntry("store", ServiceStatus.MISSING)
                .containsEntry("web", ServiceStatus.RUNNING);
    }

    @Test
    void remove_leaves_nothing_of_the_application_but_its_volumes_when_they_are_kept() {
        Application app = applications.create("Shop", threeServices(), null, ENGINE);
        applications.deploy(app.id(), progress::add);

        applications.remove(app.id(), false);

        assertThat(engine.listContainers(true)).isEmpty();
        assertThat(engine.listNetworks()).extracting(NetworkResource::name).doesNotContain("shop_default");
        assertThat(engine.listVolumes()).extracting(VolumeResource::name).contains("shop_data");
        assertThat(applications.find(app.id())).isEmpty();
    }

    @Test
    void remove_with_volumes_leaves_nothing_at_all() {
        Application app = applications.create("Shop", threeServices(), null, ENGINE);
        applications.deploy(app.id(), progress::add);

        applications.remove(app.id(), true);

        assertThat(engine.listContainers(true)).isEmpty();
        assertThat(engine.listNetworks()).extracting(NetworkResource::name).doesNotContain("shop_default");
        assertThat(engine.listVolumes()).extracting(VolumeResource::name).noneMatch(v -> v.startsWith("shop_"));
    }

    @Test
    void a_deployment_failing_on_a_taken_host_port_names_the_service_and_leaves_nothing_behind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Template template = Template.of("Shop", List.of(threeServices().images().get(1),
                    threeServices().images().get(2),
                    TemplateImage.builder("api", "busybox:latest").dependsOn(List.of("web", "store"))
                            .port(new PortMapping("127.0.0.1", Integer.toString(taken.getLocalPort()), "80",
                                    Protocol.TCP, Origin.none()))
                            .command(List.of(SHELL, "-c", IDLE)).build()));
            Application app = applications.create("Shop", template, null, ENGINE);

            assertThatThrownBy(() -> applications.deploy(app.id(), progress::add))
                    .isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("service 'api'")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()))
                    .hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((DeployFailedException) e).service()).contains("api"));

            assertThat(progress).filteredOn(DeployProgress.ServiceStarted.class::isInstance).hasSize(2);
            assertNothingOfTheShopRemains();
            assertThat(applications.status(app.id()).values()).containsOnly(ServiceStatus.MISSING);
        }
    }

    @Test
    void a_deployment_of_an_image_the_registry_lacks_names_the_service_and_creates_nothing() {
        Application app = applications.create("Shop", Template.of("Shop", List.of(threeServices().images().get(1),
                TemplateImage.builder("db", "nosuchimage:1").build())), null, ENGINE);

        assertThatThrownBy(() -> applications.deploy(app.id(), progress::add))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("service 'db'").hasMessageContaining("nosuchimage:1");

        assertNothingOfTheShopRemains();
    }

    @Test
    void a_service_with_volumes_from_is_refused_before_anything_is_created() {
        Application app = applications.create("Shop", Template.of("Shop", List.of(threeServices().images().get(2),
                TemplateImage.builder("backup", "busybox:latest").volumesFrom(List.of("store")).build())), null,
                ENGINE);

        assertThatThrownBy(() -> applications.deploy(app.id(), progress::add))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("service 'backup'").hasMessageContaining("volumes_from, which is not supported yet");

        assertNothingOfTheShopRemains();
    }

    private void assertNothingOfTheShopRemains() {
        assertThat(engine.listContainers(true)).isEmpty();
        assertThat(engine.listNetworks()).extracting(NetworkResource::name).doesNotContain("shop_default");
        assertThat(engine.listVolumes()).extracting(VolumeResource::name).noneMatch(v -> v.startsWith("shop_"));
    }
}
