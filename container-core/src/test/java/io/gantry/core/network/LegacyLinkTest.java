package io.gantry.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's legacy link variables and hosts line, as dockerd 20.10 produces them (see LinksDockerParityTest). */
class LegacyLinkTest {

    @Test
    void a_target_exposing_3306_gives_dockers_variables_in_dockers_order() {
        LegacyLink link = new LegacyLink("db_1", "mariadb", "4f1c2d3e4a5b", "10.222.0.2",
                List.of(ExposedPort.parse("3306/tcp")),
                List.of("MYSQL_ROOT_PASSWORD=secret", "PATH=/usr/bin", "HOME=/root", "GOSU_VERSION=1.17"));
        assertThat(link.env("wordpress")).containsExactly(
                "DB_1_PORT=tcp://10.222.0.2:3306",
                "DB_1_PORT_3306_TCP=tcp://10.222.0.2:3306",
                "DB_1_PORT_3306_TCP_ADDR=10.222.0.2",
                "DB_1_PORT_3306_TCP_PORT=3306",
                "DB_1_PORT_3306_TCP_PROTO=tcp",
                "DB_1_NAME=/wordpress/db_1",
                "DB_1_ENV_MYSQL_ROOT_PASSWORD=secret",
                "DB_1_ENV_GOSU_VERSION=1.17");
        assertThat(link.hostsLine()).isEqualTo("10.222.0.2\tdb_1 4f1c2d3e4a5b mariadb");
    }

    @Test
    void ports_go_by_number_tcp_first_and_consecutive_ones_form_no_range_as_dockerd_does() {
        LegacyLink link = new LegacyLink("web-app", "web", "abc", "10.0.0.5",
                List.of(ExposedPort.parse("81"), ExposedPort.parse("53/udp"), ExposedPort.parse("80/udp"),
                        ExposedPort.parse("80/tcp")), List.of());
        assertThat(link.env("c")).containsExactly(
                "WEB_APP_PORT=udp://10.0.0.5:53",
                "WEB_APP_PORT_53_UDP=udp://10.0.0.5:53",
                "WEB_APP_PORT_53_UDP_ADDR=10.0.0.5",
                "WEB_APP_PORT_53_UDP_PORT=53",
                "WEB_APP_PORT_53_UDP_PROTO=udp",
                "WEB_APP_PORT_80_TCP=tcp://10.0.0.5:80",
                "WEB_APP_PORT_80_TCP_ADDR=10.0.0.5",
                "WEB_APP_PORT_80_TCP_PORT=80",
                "WEB_APP_PORT_80_TCP_PROTO=tcp",
                "WEB_APP_PORT_80_UDP=udp://10.0.0.5:80",
                "WEB_APP_PORT_80_UDP_ADDR=10.0.0.5",
                "WEB_APP_PORT_80_UDP_PORT=80",
                "WEB_APP_PORT_80_UDP_PROTO=udp",
                "WEB_APP_PORT_81_TCP=tcp://10.0.0.5:81",
                "WEB_APP_PORT_81_TCP_ADDR=10.0.0.5",
                "WEB_APP_PORT_81_TCP_PORT=81",
                "WEB_APP_PORT_81_TCP_PROTO=tcp",
                "WEB_APP_NAME=/c/web-app");
    }

    @Test
    void a_target_without_ports_gives_only_its_name_and_env_and_an_alias_equal_to_the_name_is_not_repeated() {
        LegacyLink link = new LegacyLink("cache", "cache", "h", "10.0.0.9", List.of(), List.of("A=1"));
        assertThat(link.env("app")).containsExactly("CACHE_NAME=/app/cache", "CACHE_ENV_A=1");
        assertThat(link.hostsLine()).isEqualTo("10.0.0.9\tcache h");
    }
}
