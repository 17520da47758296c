package io.gantry.console.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.DeployFailedException;
import io.gantry.console.app.DeployProgress;
import io.gantry.console.app.PublishedPort;
import io.gantry.console.app.ServiceState;
import io.gantry.console.app.ServiceStates;
import io.gantry.console.app.ServiceStatus;
import io.gantry.console.MirroredEngineTest;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.MissingParameterException;
import io.gantry.console.template.Parameter;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.ValidationReport;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.NetworkResource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run form of templates and images, and runs on a real engine that pulls busybox from a loopback registry. */
class RunServiceTest extends MirroredEngineTest {

    @Autowired
    RunService run;
    @Autowired
    ApplicationService applications;
    @Autowired
    ServiceStates states;
    @Autowired
    EngineClient engine;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeEverything() {
        engine.listContainers(true).forEach(c -> engine.removeContainer(c.id(), true));
        engine.listNetworks().stream().map(NetworkResource::name).filter(n -> n.endsWith("_default"))
                .forEach(engine::removeNetwork);
        engine.listVolumes().forEach(v -> engine.removeVolume(v.name(), true));
        engine.listImages().forEach(i -> engine.removeImage(i.id(), true));
        jdbc.update("DELETE FROM applications");
    }

    @Test
    void the_wordpress_form_asks_for_its_passwords_and_offers_its_port_and_volumes() {
        RunForm form = run.forTemplate("bundled:wordpress");

        assertThat(form.name()).isEqualTo("WordPress with MariaDB");
        assertThat(form.isImageRun()).isFalse();
        assertThat(form.parameters()).filteredOn(Parameter::required).extracting(Parameter::key, Parameter::secret)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("DB_PASSWORD", true),
                        org.assertj.core.groups.Tuple.tuple("DB_ROOT_PASSWORD", true));
        assertThat(form.ports()).containsExactly(new PortChoice("wordpress", "80", Protocol.TCP, "8080"));
        assertThat(form.volumes()).extracting(VolumeChoice::key, VolumeChoice::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wordpress:/var/www/html", "wordpress-html"),
                org.assertj.core.groups.Tuple.tuple("db:/var/lib/mysql", "wordpress-db"));
        assertThatThrownBy(() -> run.prepare(form, RunRequest.of("blog", Map.of("DB_PASSWORD", "x"))))
                .isInstanceOf(MissingParameterException.class).hasMessageContaining("Database root password");
    }

    @Test
    void host_ports_and_volumes_chosen_in_the_form_replace_the_templates() {
        RunForm form = run.forTemplate("bundled:wordpress");
        RunRequest request = new RunRequest("blog", Map.of("DB_PASSWORD", "a", "DB_ROOT_PASSWORD", "b"),
                Map.of("wordpress 80/tcp", "18080"), Map.of("db:/var/lib/mysql", "blog-data"), List.of(), List.of(),
                "", false);

        Template prepared = run.prepare(form, request);

        assertThat(prepared.image("wordpress").orElseThrow().ports()).extracting(PortMapping::hostPort)
                .containsExactly("18080");
        assertThat(prepared.image("db").orElseThrow().volumes().get(0).source()).isEqualTo("blog-data");
        assertThat(prepared.image("db").orElseThrow().environment()).extracting(EnvVar::name, EnvVar::value)
                .contains(org.assertj.core.groups.Tuple.tuple("MARIADB_ROOT_PASSWORD", "b"));
        assertThat(run.check(form, request).isValid()).isTrue();
        assertThat(run.check(form, request).dangers()).isEmpty();
    }

    @Test
    void a_host_directory_chosen_for_a_volume_must_be_confirmed_before_the_application_exists() {
        RunForm form = run.forTemplate("bundled:wordpress");
        RunRequest request = new RunRequest("blog", Map.of("DB_PASSWORD", "a", "DB_ROOT_PASSWORD", "b"), Map.of(),
                Map.of("db:/var/lib/mysql", "/srv/blog-db"), List.of(), List.of(), "", false);

        assertThat(run.check(form, request).dangers()).extracting(ValidationReport.Danger::kind)
                .containsExactly(ValidationReport.DangerKind.HOST_PATH);
        assertThatThrownBy(() -> run.create(form, request)).isInstanceOf(DangersNotConfirmedException.class)
                .hasMessageContaining("/srv/blog-db");
        assertThat(applications.list()).isEmpty();

        Application created = run.create(form, request.confirmed());
        assertThat(created.templateId()).isEqualTo("bundled:wordpress");
        assertThat(applications.services(created.id())).hasSize(2);
    }

    @Test
    void an_image_runs_with_an_added_port_variable_and_command() throws Exception {
        int hostPort = freePort();
        RunForm form = run.forImage("busybox:latest");
        assertThat(form.name()).isEqualTo("busybox");
        assertThat(form.isImageRun()).isTrue();
        RunRequest request = new RunRequest("hello", Map.of(), Map.of(),
                Map.of(), List.of(PortMapping.of(hostPort, 8000, Protocol.TCP)), List.of(EnvVar.of("GREETING", "hi")),
                "sh -c 'mkdir -p /www && echo \"$GREETING\" > /www/index.html && exec httpd -f -p 8000 -h /www'", false);
        List<DeployProgress> steps = new CopyOnWriteArrayList<>();

        Application app = run.create(form, request);
        run.deploy(app.id(), steps::add);

        assertThat(steps).anyMatch(s -> s instanceof DeployProgress.Pulling p && p.step().isLayer());
        assertThat(applications.status(app.id())).containsEntry("busybox", ServiceStatus.RUNNING);
        ContainerInspect container = engine.inspectContainer(applications.services(app.id()).get(0).containerId());
        assertThat(container.config().env()).contains("GREETING=hi");
        assertThat(container.hostConfig().portBindings()).containsKey("8000/tcp");
        assertThat(run.forImage("busybox:latest").volumes()).as("busybox declares no volumes").isEmpty();
        assertThat(states.of(app.id())).singleElement().satisfies(state -> {
            assertThat(state.status()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(state.published()).extracting(PublishedPort::containerPort, PublishedPort::hostPort)
                    .contains(org.assertj.core.groups.Tuple.tuple(8000, hostPort));
        });
    }

    @Test
    void a_port_left_automatic_is_published_where_the_engine_chose_and_a_removed_container_reads_missing() {
        RunForm form = run.forImage("busybox:latest");
        RunRequest request = new RunRequest("auto", Map.of(), Map.of(), Map.of(),
                List.of(new PortMapping(null, null, "8000", Protocol.TCP, io.gantry.console.template.Origin.none())),
                List.of(), "sleep 300", false);
        Application app = run.create(form, request);
        run.deploy(app.id(), step -> { });

        ServiceState state = states.of(app.id()).get(0);
        assertThat(state.published()).singleElement().satisfies(p -> {
            assertThat(p.containerPort()).isEqualTo(8000);
            assertThat(p.hostPort()).isPositive();
        });
        engine.removeContainer(state.containerId(), true);
        assertThat(states.of(app.id())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(ServiceStatus.MISSING);
            assertThat(s.published()).isEmpty();
        });
    }

    @Test
    void a_run_that_fails_on_the_engine_leaves_no_application() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            RunForm form = run.forImage("busybox:latest");
            RunRequest request = new RunRequest("clash", Map.of(), Map.of(), Map.of(),
                    List.of(PortMapping.of(taken.getLocalPort(), 80, Protocol.TCP)), List.of(), "sleep 30", false);
            Application app = run.create(form, request);

            assertThatThrownBy(() -> run.deploy(app.id(), step -> { })).isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("busybox");
            assertThat(applications.find(app.id())).isEmpty();
            assertThat(engine.listContainers(true)).isEmpty();
        }
    }

    @Test
    void a_host_port_that_is_not_a_number_is_a_problem_of_that_services_ports() {
        RunForm form = run.forTemplate("bundled:wordpress");
        RunRequest request = new RunRequest("blog", Map.of("DB_PASSWORD", "a", "DB_ROOT_PASSWORD", "b"),
                Map.of("wordpress 80/tcp", "eighty"), Map.of(), List.of(), List.of(), "", false);

        assertThat(run.check(form, request).problems()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("wordpress");
            assertThat(p.field()).isEqualTo("ports");
            assertThat(p.message()).contains("eighty");
        });
        assertThatThrownBy(() -> run.create(form, request))
                .isInstanceOf(io.gantry.console.template.TemplateRejectedException.class);
        assertThat(applications.list()).isEmpty();
    }

    @Test
    void a_host_port_written_as_a_parameter_is_asked_for_as_that_parameter_only() {
        Template template = Template.of("param", List.of(TemplateImage.builder("web", "busybox:latest")
                .port(new PortMapping(null, "${WEB_PORT:-8080}", "80", Protocol.TCP, io.gantry.console.template.Origin.none()))
                .port(PortMapping.of(9090, 90, Protocol.TCP)).volume("${DATA_DIR:-web-data}", "/data").build()));
        RunForm form = RunService.form("param", null, template, null);

        assertThat(form.ports()).extracting(PortChoice::key).containsExactly("web 90/tcp");
        assertThat(form.volumes()).isEmpty();
        assertThat(form.parameters()).extracting(Parameter::key).containsExactly("WEB_PORT", "DATA_DIR");
    }

    @Test
    void a_template_that_runs_privileged_is_refused_until_confirmed() {
        Template privileged = Template.of("root", List.of(TemplateImage.builder("tool", "busybox:latest")
                .privileged(true).build()));
        RunForm form = new RunForm("root", null, privileged, List.of(), List.of(), List.of(), null);

        assertThatThrownBy(() -> run.create(form, RunRequest.of("root", Map.of())))
                .isInstanceOf(DangersNotConfirmedException.class)
                .satisfies(e -> assertThat(((DangersNotConfirmedException) e).dangers())
                        .extracting(ValidationReport.Danger::kind).containsExactly(ValidationReport.DangerKind.PRIVILEGED));
        assertThat(run.create(form, RunRequest.of("root", Map.of()).confirmed()).name()).isEqualTo("root");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
