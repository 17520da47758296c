package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.template.MissingParameterException;
import io.gantry.console.template.PmxReader;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.TemplateRejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ApplicationServiceTest {

    static final String ENGINE = "unix:///run/gantry/test.sock";

    @Autowired
    ApplicationService applications;
    @Autowired
    TemplateLibrary library;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM applications");
        jdbc.update("DELETE FROM templates");
    }

    static Template blog() {
        return Template.of("Blog", List.of(
                TemplateImage.builder("db", "mariadb:11").expose(List.of("3306"))
                        .env("MYSQL_PASSWORD", "s3cret").env("MYSQL_DATABASE", "wp")
                        .volume("dbdata", "/var/lib/mysql").restart("always").memoryLimit("512m").build(),
                TemplateImage.builder("web", "wordpress:6").link("db", "mysql")
                        .port(io.gantry.console.template.PortMapping.of(8080, 80,
                                io.gantry.console.template.Protocol.TCP))
                        .env("WORDPRESS_DB_HOST", "mysql").category("Front end").cpus("0.5").build()));
    }

    @Test
    void a_created_application_is_stored_with_its_services_in_order() {
        Application app = applications.create("My Blog", blog(), null, ENGINE);

        assertThat(app.slug()).isEqualTo("my-blog");
        assertThat(applications.get(app.id())).isEqualTo(app);
        List<AppService> services = applications.services(app.id());
        assertThat(services).extracting(AppService::name).containsExactly("db", "web");
        assertThat(services.get(0).restart()).isEqualTo(RestartPolicy.parse("always"));
        assertThat(services.get(0).limits()).isEqualTo(new Limits("512m", null));
        assertThat(services.get(1).ports()).containsExactly(ServicePort.of(8080, 80));
        assertThat(services).allSatisfy(s -> assertThat(s.containerId()).isNull());
        assertThat(services).isEqualTo(AppServices.fromTemplate(blog()));
    }

    @Test
    void a_second_application_of_the_same_name_gets_its_own_slug_and_a_rename_keeps_it() {
        Application first = applications.create("Blog", blog(), null, ENGINE);
        Application second = applications.create("blog!", blog(), null, ENGINE);

        Application renamed = applications.rename(second.id(), "Team blog");

        assertThat(first.slug()).isEqualTo("blog");
        assertThat(second.slug()).isEqualTo("blog-2");
        assertThat(renamed.slug()).isEqualTo("blog-2");
        assertThat(applications.get(second.id()).name()).isEqualTo("Team blog");
    }

    @Test
    void applications_are_listed_per_engine() {
        Application here = applications.create("Blog", blog(), null, ENGINE);
        applications.create("Other", blog(), null, "unix:///elsewhere.sock");

        assertThat(applications.list()).hasSize(2);
        assertThat(applications.listOn(ENGINE)).containsExactly(here);
    }

    @Test
    void a_library_template_is_created_with_its_parameters_and_a_missing_one_is_named() {
        Application app = applications.createFromTemplate("WordPress", "bundled:wordpress",
                Map.of("wordpress.WORDPRESS_DB_PASSWORD", "pw", "db.MYSQL_ROOT_PASSWORD", "pw",
                        "db.MYSQL_PASSWORD", "pw", "DB_PASSWORD", "pw", "DB_ROOT_PASSWORD", "pw"), ENGINE);

        assertThat(app.templateId()).isEqualTo("bundled:wordpress");
        assertThat(applications.services(app.id())).extracting(AppService::image)
                .containsExactly("wordpress:6-apache", "mariadb:11");
        assertThatThrownBy(() -> applications.createFromTemplate("x", "bundled:wordpress", Map.of(), ENGINE))
                .isInstanceOf(MissingParameterException.class);
    }

    @Test
    void an_image_becomes_a_one_service_application_named_after_its_repository() {
        Application app = applications.createFromImage("registry.example.com:5000/team/nginx:1.25", ENGINE);

        assertThat(app.name()).isEqualTo("nginx");
        assertThat(applications.services(app.id())).singleElement()
                .satisfies(s -> assertThat(s.image()).isEqualTo("registry.example.com:5000/team/nginx:1.25"));
    }

    @Test
    void an_invalid_template_or_a_blank_name_is_rejected_and_nothing_is_stored() {
        Template selfLink = Template.of("x", List.of(TemplateImage.builder("a", "busybox").link("a", "a").build()));

        assertThatThrownBy(() -> applications.create("x", selfLink, null, ENGINE))
                .isInstanceOf(TemplateRejectedException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> applications.create("  ", blog(), null, ENGINE))
                .isInstanceOf(ApplicationRejectedException.class);
        assertThat(applications.list()).isEmpty();
    }

    @Test
    void container_ids_and_edits_are_recorded() {
        Application app = applications.create("Blog", blog(), null, ENGINE);
        applications.recordContainer(app.id(), "db", "c-db");
        AppService web = applications.services(app.id()).get(1);

        EditPlan plan = applications.planEdit(app.id(), new Edit.Change("web",
                web.toBuilder().image("wordpress:6.5").build()), ImageDefaults.none());
        applications.recordEdit(app.id(), plan);

        assertThat(plan.recreate()).containsExactly("web");
        assertThat(applications.services(app.id())).extracting(AppService::image, AppService::containerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mariadb:11", "c-db"),
                        org.assertj.core.groups.Tuple.tuple("wordpress:6.5", null));
        assertThatThrownBy(() -> applications.recordContainer(app.id(), "nope", "x"))
                .isInstanceOf(ApplicationRejectedException.class);
    }

    @Test
    void the_deploy_plan_of_a_stored_application_uses_its_slug_and_id() {
        Application app = applications.create("Blog", blog(), null, ENGINE);

        DeployPlan plan = applications.planDeploy(app.id(), ImageDefaults.none());

        assertThat(plan.containers()).extracting(ContainerSettings::name).containsExactly("blog-db", "blog-web");
        assertThat(plan.containers().get(1).labels()).containsEntry("io.gantry.app", Long.toString(app.id()));
        assertThat(plan.volumes()).containsExactly("blog_dbdata");
    }

    @Test
    void saved_as_a_template_an_application_deploys_again_to_an_equal_one() {
        Application app = applications.create("Blog", blog(), null, ENGINE);
        TemplateDetails details = new TemplateDetails("My blog", "A blog", List.of("blog", "php"), "wordpress",
                "Open port 8080 after the start, and log in.");

        TemplateEntry saved = applications.saveAsTemplate(app.id(), details, true);
        Application again = applications.createFromTemplate("Again", saved.id(), Map.of(), ENGINE);

        assertThat(saved.template().keywords()).containsExactly("blog", "php");
        assertThat(applications.services(again.id())).isEqualTo(applications.services(app.id()));
        Template preview = PmxReader.read(applications.previewTemplate(app.id(), details, true), "preview");
        assertThat(AppServices.fromTemplate(preview)).isEqualTo(applications.services(app.id()));
    }

    @Test
    void secrets_are_left_out_of_a_saved_template_unless_asked_for() {
        Application app = applications.create("Blog", blog(), null, ENGINE);

        String without = applications.previewTemplate(app.id(), TemplateDetails.named("T"), false);
        String with = applications.previewTemplate(app.id(), TemplateDetails.named("T"), true);

        assertThat(without).doesNotContain("s3cret").contains("MYSQL_DATABASE");
        assertThat(with).contains("s3cret");
        TemplateEntry saved = applications.saveAsTemplate(app.id(), TemplateDetails.named("T"), false);
        assertThat(library.downloadPmx(saved.id(), true)).doesNotContain("s3cret");
    }

    @Test
    void a_removed_record_is_gone_with_its_services() {
        Application app = applications.create("Blog", blog(), null, ENGINE);

        applications.removeRecord(app.id());

        assertThat(applications.find(app.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_services", Integer.class)).isZero();
        assertThatThrownBy(() -> applications.get(app.id())).isInstanceOf(ApplicationNotFoundException.class);
    }
}
