package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.TemplateRejectedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A blog: db (exposes 3306, a named volume), web (links db as mysql, publishes 8080:80), worker (links db as
 * database, shares the uploads volume), proxy (links web as site). Each test edits one field of one service.
 */
class EditPlanTest {

    static final Application APP = new Application(3, "Blog", "blog", null, "unix:///e.sock", Instant.EPOCH);

    static final List<AppService> BLOG = List.of(
            AppService.builder("db", "mariadb:11").expose(List.of(3306)).env("MYSQL_DATABASE", "wp")
                    .volume("dbdata", "/var/lib/mysql").containerId("c-db").build(),
            AppService.builder("web", "wordpress:6").link("db", "mysql").port(ServicePort.of(8080, 80))
                    .volume("uploads", "/var/www/html/wp-content").containerId("c-web").build(),
            AppService.builder("worker", "busybox:1").link("db", "database").command(List.of("sleep", "1d"))
                    .volume("uploads", "/uploads").volume("scratch", "/scratch").containerId("c-worker").build(),
            AppService.builder("proxy", "nginx:1").link("web", "site").port(ServicePort.of(80, 80))
                    .containerId("c-proxy").build());

    static AppService service(String name) {
        return BLOG.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static EditPlan change(String name, UnaryOperator<AppService.Builder> edit) {
        return EditPlan.of(APP, BLOG, new Edit.Change(name, edit.apply(service(name).toBuilder()).build()));
    }

    @Test
    void a_new_image_tag_recreates_only_that_service() {
        EditPlan plan = change("db", b -> b.image("mariadb:11.4"));

        assertThat(plan.recreate()).containsExactly("db");
        assertThat(plan.untouched()).containsExactly("web", "worker", "proxy");
        assertThat(plan.services()).filteredOn(s -> s.name().equals("db")).extracting(AppService::containerId)
                .as("the old container id stays until the wiring records the new one").containsExactly("c-db");
    }

    @Test
    void a_new_image_that_exposes_other_ports_also_recreates_the_services_linking_to_it() {
        ImageDefaults postgres = new ImageDefaults(List.of("5432/tcp"), List.of(), List.of());
        EditPlan plan = EditPlan.of(APP, BLOG, new Edit.Change("db", service("db").toBuilder()
                .image("postgres:16").build()), ImageDefaults.of(Map.of("postgres:16", postgres)));

        assertThat(plan.recreate()).containsExactly("db", "web", "worker");
    }

    @Test
    void a_new_command_recreates_only_that_service() {
        assertThat(change("worker", b -> b.command(List.of("sleep", "2d"))).recreate()).containsExactly("worker");
    }

    @Test
    void a_new_host_port_recreates_only_that_service_as_linked_services_use_container_ports() {
        EditPlan plan = change("web", b -> b.ports(List.of(ServicePort.of(9090, 80))));

        assertThat(plan.recreate()).containsExactly("web");
    }

    @Test
    void a_new_container_port_also_recreates_the_services_linking_to_it() {
        EditPlan plan = change("web", b -> b.ports(List.of(ServicePort.of(8080, 8000))));

        assertThat(plan.recreate()).containsExactly("web", "proxy");
    }

    @Test
    void a_new_variable_recreates_only_that_service_and_marks_the_copies_of_linked_services_out_of_date() {
        EditPlan plan = change("db", b -> b.env("MYSQL_USER", "wp"));

        assertThat(plan.recreate()).containsExactly("db");
        assertThat(plan.refreshable()).containsExactly("web", "worker");
    }

    @Test
    void a_new_volume_recreates_only_that_service_creates_the_volume_and_keeps_the_old_one() {
        EditPlan plan = change("db", b -> b.volumes(List.of()).volume("dbdata2", "/var/lib/mysql"));

        assertThat(plan.recreate()).containsExactly("db");
        assertThat(plan.newVolumes()).containsExactly("blog_dbdata2");
        assertThat(plan.deleteVolumes()).isEmpty();
    }

    @Test
    void a_new_link_alias_recreates_the_linking_service_and_reconnects_the_target_under_its_new_alias() {
        EditPlan plan = change("worker", b -> b.links(List.of(ServiceLink.of("db", "sql"))));

        assertThat(plan.recreate()).containsExactly("worker");
        assertThat(plan.realias()).containsExactly("db");
        assertThat(plan.after().container("db").orElseThrow().networkAliases()).containsExactly("db", "mysql", "sql");
    }

    @Test
    void a_new_restart_policy_recreates_only_that_service() {
        assertThat(change("web", b -> b.restart(RestartPolicy.parse("always"))).recreate()).containsExactly("web");
    }

    @Test
    void new_limits_recreate_only_that_service() {
        assertThat(change("db", b -> b.limits(new Limits("1g", "2"))).recreate()).containsExactly("db");
    }

    @Test
    void a_new_category_or_start_order_touches_no_container() {
        assertThat(change("web", b -> b.category("Front end")).leavesContainersAlone()).isTrue();
        assertThat(change("proxy", b -> b.dependsOn(List.of("worker"))).leavesContainersAlone()).isTrue();
    }

    @Test
    void an_unchanged_service_touches_nothing() {
        assertThat(change("web", b -> b).leavesContainersAlone()).isTrue();
    }

    @Test
    void renaming_a_service_recreates_it_and_repoints_the_links_without_recreating_the_linking_services() {
        EditPlan plan = change("db", b -> b.name("database-server"));

        assertThat(plan.recreate()).containsExactly("database-server");
        assertThat(plan.services()).filteredOn(s -> s.name().equals("web")).flatExtracting(AppService::links)
                .containsExactly(ServiceLink.of("database-server", "mysql"));
        assertThat(plan.after().container("database-server").orElseThrow().name()).isEqualTo("blog-database-server");
    }

    @Test
    void adding_a_service_creates_it_alone_and_gives_its_link_target_the_new_alias() {
        AppService backup = AppService.builder("backup", "busybox:1").link("db", "backup-db").containerId("x").build();

        EditPlan plan = EditPlan.of(APP, BLOG, new Edit.Add(backup));

        assertThat(plan.create()).containsExactly("backup");
        assertThat(plan.recreate()).isEmpty();
        assertThat(plan.realias()).containsExactly("db");
        assertThat(plan.services()).last().extracting(AppService::containerId).isNull();
    }

    @Test
    void removing_a_service_keeps_its_volumes_unless_asked_and_then_only_those_no_one_else_mounts() {
        EditPlan keep = EditPlan.of(APP, BLOG, new Edit.Remove("worker", false));
        EditPlan delete = EditPlan.of(APP, BLOG, new Edit.Remove("worker", true));

        assertThat(keep.remove()).containsExactly("worker");
        assertThat(keep.recreate()).isEmpty();
        assertThat(keep.realias()).containsExactly("db");
        assertThat(keep.deleteVolumes()).isEmpty();
        assertThat(delete.deleteVolumes()).containsExactly("blog_scratch");
        assertThat(delete.services()).extracting(AppService::name).containsExactly("db", "web", "proxy");
    }

    @Test
    void a_service_others_link_to_cannot_be_removed() {
        assertThatThrownBy(() -> EditPlan.of(APP, BLOG, new Edit.Remove("db", true)))
                .isInstanceOf(ApplicationRejectedException.class)
                .hasMessageContaining("'web', 'worker' still need it");
    }

    @Test
    void an_edit_that_makes_a_cycle_or_breaks_a_rule_is_rejected() {
        assertThatThrownBy(() -> change("db", b -> b.dependsOn(List.of("proxy"))))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> change("web", b -> b.ports(List.of(ServicePort.of(80, 80)))))
                .isInstanceOf(TemplateRejectedException.class).hasMessageContaining("host port 80/TCP");
        assertThatThrownBy(() -> change("web", b -> b.name("db")))
                .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("already has a service");
        assertThatThrownBy(() -> EditPlan.of(APP, BLOG, new Edit.Remove("nope", false)))
                .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("no service 'nope'");
    }
}
