package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployPlanTest {

    static final Application APP = new Application(7, "My Blog", "my-blog", null, "unix:///run/e.sock",
            Instant.EPOCH);

    static AppService db() {
        return AppService.builder("db", "mariadb:11").expose(List.of(3306)).env("MYSQL_DATABASE", "wp")
                .volume(null, "/var/lib/mysql").build();
    }

    static AppService web() {
        return AppService.builder("web", "wordpress:6").link("db", "mysql").port(ServicePort.of(8080, 80))
                .env("WORDPRESS_DB_HOST", "mysql").volume("uploads", "/var/www/html").build();
    }

    @Test
    void a_target_exposing_3306_tcp_gives_the_linking_service_dockers_link_variables_with_the_alias_as_address() {
        ContainerSettings web = DeployPlan.of(APP, List.of(web(), db())).container("web").orElseThrow();

        assertThat(web.linkEnvironment()).containsExactly(
                "MYSQL_PORT=tcp://mysql:3306",
                "MYSQL_PORT_3306_TCP=tcp://mysql:3306",
                "MYSQL_PORT_3306_TCP_ADDR=mysql",
                "MYSQL_PORT_3306_TCP_PORT=3306",
                "MYSQL_PORT_3306_TCP_PROTO=tcp",
                "MYSQL_NAME=/my-blog-web/mysql");
        assertThat(web.linkedEnvironment()).containsExactly("MYSQL_ENV_MYSQL_DATABASE=wp");
        assertThat(web.env()).contains("WORDPRESS_DB_HOST=mysql", "MYSQL_PORT_3306_TCP_ADDR=mysql");
    }

    @Test
    void link_variables_cover_the_image_ports_and_env_the_lowest_port_first_and_tcp_before_udp() {
        AppService dns = AppService.builder("dns", "coredns:1").port(ServicePort.of(null, 53)).build();
        AppService client = AppService.builder("client", "busybox").link("dns", "name-server").build();
        ImageDefaults coredns = new ImageDefaults(List.of("53/udp", "9153/tcp"),
                List.of("PATH=/usr/bin", "HOME=/root", "ZONE=lan"), List.of());

        ContainerSettings c = DeployPlan.of(APP, List.of(dns, client), ImageDefaults.of(Map.of("coredns:1", coredns)))
                .container("client").orElseThrow();

        assertThat(c.linkEnvironment()).startsWith("NAME_SERVER_PORT=tcp://name-server:53",
                "NAME_SERVER_PORT_53_TCP=tcp://name-server:53").contains(
                "NAME_SERVER_PORT_53_UDP=udp://name-server:53", "NAME_SERVER_PORT_53_UDP_PROTO=udp",
                "NAME_SERVER_PORT_9153_TCP_PORT=9153");
        assertThat(c.linkedEnvironment()).containsExactly("NAME_SERVER_ENV_ZONE=lan");
    }

    @Test
    void a_target_that_exposes_nothing_gives_only_the_name_variable() {
        AppService cache = AppService.builder("cache", "redis:7").build();
        AppService app = AppService.builder("app", "busybox").link("cache", "redis").build();

        assertThat(DeployPlan.of(APP, List.of(cache, app)).container("app").orElseThrow().linkEnvironment())
                .containsExactly("REDIS_NAME=/my-blog-app/redis");
    }

    @Test
    void the_service_own_variable_wins_over_a_link_variable_of_the_same_name() {
        AppService web = web().toBuilder().env("MYSQL_PORT_3306_TCP_ADDR", "db.example.com").build();

        assertThat(DeployPlan.of(APP, List.of(db(), web)).container("web").orElseThrow().env())
                .contains("MYSQL_PORT_3306_TCP_ADDR=db.example.com")
                .doesNotContain("MYSQL_PORT_3306_TCP_ADDR=mysql");
    }

    @Test
    void services_are_created_after_what_they_link_to_depend_on_or_take_volumes_from() {
        AppService proxy = AppService.builder("proxy", "nginx").dependsOn(List.of("web")).build();
        AppService backup = AppService.builder("backup", "busybox").volumesFrom(List.of("db")).build();

        DeployPlan plan = DeployPlan.of(APP, List.of(proxy, backup, web(), db()));

        assertThat(plan.containers()).extracting(ContainerSettings::service)
                .containsExactly("db", "backup", "web", "proxy");
        assertThat(plan.container("backup").orElseThrow().volumesFrom()).containsExactly("my-blog-db");
    }

    @Test
    void a_cycle_is_rejected_naming_the_services_in_it() {
        AppService a = AppService.builder("a", "busybox").link("b", "b").build();
        AppService b = AppService.builder("b", "busybox").dependsOn(List.of("c")).build();
        AppService c = AppService.builder("c", "busybox").volumesFrom(List.of("a")).build();
        AppService d = AppService.builder("d", "busybox").build();

        assertThatThrownBy(() -> DeployPlan.of(APP, List.of(d, a, b, c)))
                .isInstanceOf(ApplicationRejectedException.class)
                .hasMessageContaining("a -> b -> c -> a");
    }

    @Test
    void each_service_answers_to_its_name_and_every_alias_it_is_linked_by_on_the_application_network() {
        AppService worker = AppService.builder("worker", "busybox").link("db", "database").build();

        DeployPlan plan = DeployPlan.of(APP, List.of(db(), web(), worker));

        assertThat(plan.network()).isEqualTo("my-blog_default");
        assertThat(plan.container("db").orElseThrow().networkAliases()).containsExactly("db", "mysql", "database");
        assertThat(plan.container("web").orElseThrow().network()).isEqualTo("my-blog_default");
    }

    @Test
    void an_alias_that_would_name_two_services_is_rejected() {
        AppService cache = AppService.builder("cache", "redis").build();
        AppService worker = AppService.builder("worker", "busybox").link("cache", "MySQL").build();

        assertThatThrownBy(() -> DeployPlan.of(APP, List.of(db(), web(), cache, worker)))
                .isInstanceOf(ApplicationRejectedException.class)
                .hasMessageContaining("'worker'").hasMessageContaining("'db'");
    }

    @Test
    void containers_are_named_after_the_slug_and_labelled_with_the_application() {
        ContainerSettings db = DeployPlan.of(APP, List.of(db())).container("db").orElseThrow();

        assertThat(db.name()).isEqualTo("my-blog-db");
        assertThat(db.labels()).containsEntry("io.gantry.app", "7").containsEntry("io.gantry.service", "db");
    }

    @Test
    void volumes_are_namespaced_and_anonymous_paths_get_a_name_so_recreating_keeps_the_data() {
        AppService web = web().toBuilder().volume("/srv/site", "/srv").build();
        ImageDefaults wordpress = new ImageDefaults(List.of("80/tcp"), List.of(), List.of("/var/www/html", "/tmp/x"));

        DeployPlan plan = DeployPlan.of(APP, List.of(db(), web), ImageDefaults.of(Map.of("wordpress:6", wordpress)));

        assertThat(plan.container("web").orElseThrow().volumes()).containsExactly(
                new VolumeBinding(VolumeBinding.Kind.VOLUME, "my-blog_web_tmp_x", "/tmp/x", false),
                new VolumeBinding(VolumeBinding.Kind.VOLUME, "my-blog_uploads", "/var/www/html", false),
                new VolumeBinding(VolumeBinding.Kind.BIND, "/srv/site", "/srv", false));
        assertThat(plan.volumes()).containsExactly("my-blog_db_var_lib_mysql", "my-blog_web_tmp_x", "my-blog_uploads");
    }

    @Test
    void ports_restart_policy_and_limits_reach_the_engine_settings() {
        AppService web = web().toBuilder().restart(RestartPolicy.parse("on-failure:3"))
                .limits(new Limits("512m", "0.5")).build();

        ContainerSettings c = DeployPlan.of(APP, List.of(db(), web)).container("web").orElseThrow();

        assertThat(c.ports()).containsExactly(ServicePort.of(8080, 80));
        assertThat(c.exposedPorts()).containsExactly("80/tcp");
        assertThat(c.restart()).isEqualTo(new RestartPolicy("on-failure", 3));
        assertThat(c.memoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(c.nanoCpus()).isEqualTo(500_000_000L);
    }

    @Test
    void a_service_on_the_host_network_gets_no_aliases() {
        AppService agent = AppService.builder("agent", "busybox").networkMode("host").build();

        ContainerSettings c = DeployPlan.of(APP, List.of(agent)).container("agent").orElseThrow();

        assertThat(c.network()).isEqualTo("host");
        assertThat(c.networkAliases()).isEmpty();
    }
}
