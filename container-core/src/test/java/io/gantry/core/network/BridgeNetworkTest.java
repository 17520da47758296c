package io.gantry.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bridge networks, per-container namespaces, names on user-defined networks, isolation, modes none and host. */
@Privileged
class BridgeNetworkTest {

    @Test
    void networks_are_created_listed_inspected_and_removed_with_their_bridge() throws Exception {
        try (NetFixture f = new NetFixture()) {
            Network def = f.service.inspect(Network.DEFAULT_NAME).orElseThrow();
            assertThat(def.bridge()).isEqualTo(f.instance.bridgeName(0));
            assertThat(Path.of("/sys/class/net", def.bridge())).exists();
            Network app = f.service.create("app", Optional.empty());
            assertThat(app.bridge()).isEqualTo(f.instance.bridgeName(1));
            assertThat(app.ipv4Subnet().overlaps(def.ipv4Subnet())).isFalse();
            assertThat(f.service.list()).extracting(Network::name).containsExactly("bridge", "app");
            assertThat(f.service.inspect(app.id().substring(0, 12))).contains(app);
            assertThatThrownBy(() -> f.service.create("app", Optional.empty())).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> f.service.remove("bridge")).isInstanceOf(ConflictException.class);

            String id = NetFixture.newId();
            f.service.attach(AttachRequest.bridge(id, "web").onNetwork("app"));
            assertThatThrownBy(() -> f.service.remove("app")).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("in use");
            f.service.detach(id);
            f.service.remove("app");
            assertThat(Path.of("/sys/class/net", app.bridge())).doesNotExist();
            assertThat(f.service.list()).extracting(Network::name).containsExactly("bridge");
        }
    }

    @Test
    void containers_on_one_network_reach_each_other_by_name_and_alias_but_not_from_another_network() throws Exception {
        try (NetFixture f = new NetFixture()) {
            f.service.create("app", Optional.empty());
            f.service.create("other", Optional.empty());
            NetworkAttachment a = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "alpha").onNetwork("app", "db"));
            NetworkAttachment b = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "beta").onNetwork("app"));
            NetworkAttachment c = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "gamma").onNetwork("other"));
            f.httpd(a, 80, "from alpha");
            f.httpd(b, 80, "from beta");

            assertThat(f.fetch(b, "http://alpha/")).isEqualTo("from alpha");
            assertThat(f.fetch(b, "http://db/")).isEqualTo("from alpha");
            assertThat(f.fetch(a, "http://beta/")).isEqualTo("from beta");
            assertThat(f.unreachable(c, "http://" + a.ip() + "/")).isTrue();
            assertThat(Files.readString(Path.of(c.hostsFile()))).doesNotContain("alpha");

            f.service.detach(b.containerId());
            assertThat(Files.readString(Path.of(a.hostsFile()))).doesNotContain("beta");
            assertThat(Files.readString(Path.of(a.resolvConf()))).contains("nameserver 127.0.0.1");
        }
    }

    @Test
    void a_legacy_link_on_the_default_bridge_gives_the_hosts_entry_and_dockers_variables() throws Exception {
        try (NetFixture f = new NetFixture()) {
            NetworkAttachment db = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "mariadb"));
            f.httpd(db, 3306, "db");
            LinkRequest link = new LinkRequest("mariadb", "db_1", List.of(ExposedPort.parse("3306/tcp")),
                    List.of("MYSQL_DATABASE=wp"));
            NetworkAttachment wp = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "wordpress")
                    .withLinks(link));
            assertThat(wp.linkEnv()).contains("DB_1_PORT_3306_TCP_ADDR=" + db.ip(), "DB_1_NAME=/wordpress/db_1",
                    "DB_1_ENV_MYSQL_DATABASE=wp");
            assertThat(Files.readString(Path.of(wp.hostsFile())))
                    .contains(db.ip() + "\tdb_1 " + db.containerId().substring(0, 12) + " mariadb\n");
            assertThat(f.fetch(wp, "http://db_1:3306/")).isEqualTo("db");
        }
    }

    @Test
    void addresses_stay_allocated_across_an_engine_restart() throws Exception {
        try (NetFixture f = new NetFixture()) {
            NetworkAttachment first = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "one"));
            NetworkService restarted = f.restartEngine();
            restarted.start();
            NetworkAttachment second = restarted.attach(AttachRequest.bridge(NetFixture.newId(), "two"));
            assertThat(second.ip()).isNotEqualTo(first.ip());
            assertThat(restarted.attachment(first.containerId())).map(NetworkAttachment::ip).contains(first.ip());
        }
    }

    @Test
    void connect_and_disconnect_add_and_remove_an_interface() throws Exception {
        try (NetFixture f = new NetFixture()) {
            f.service.create("app", Optional.empty());
            NetworkAttachment a = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "alpha"));
            NetworkAttachment peer = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "peer").onNetwork("app"));
            f.httpd(peer, 80, "peer");
            assertThat(f.unreachable(a, "http://" + peer.ip() + "/")).isTrue();

            Endpoint e = f.service.connect(a.containerId(), "app", List.of("al"));
            assertThat(e.ifname()).isEqualTo("eth1");
            assertThat(f.fetch(a, "http://peer/")).isEqualTo("peer");
            assertThat(Files.readString(Path.of(peer.hostsFile()))).contains(e.ip() + "\talpha al");

            f.service.disconnect(a.containerId(), "app");
            assertThat(f.unreachable(a, "http://" + peer.ip() + "/")).isTrue();
            assertThat(Path.of("/sys/class/net", e.hostVeth())).doesNotExist();
        }
    }

    @Test
    void mode_none_has_only_loopback_and_mode_host_shares_the_engine_namespace() throws Exception {
        try (NetFixture f = new NetFixture()) {
            NetworkAttachment none = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "n")
                    .withMode(NetworkMode.NONE));
            String links = HostCommand.run("nsenter", "--net=" + none.netnsPath(), "ip", "-o", "link");
            assertThat(links.lines()).hasSize(1).first().asString().contains("lo:").contains("UP");

            NetworkAttachment host = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "h")
                    .withMode(NetworkMode.HOST));
            assertThat(Files.readAttributes(Path.of(host.netnsPath()), "unix:ino"))
                    .isEqualTo(Files.readAttributes(Path.of("/proc/self/ns/net"), "unix:ino"));
            assertThat(host.endpoints()).isEmpty();
        }
    }

    @Test
    void removing_everything_leaves_no_link_table_handle_mount_or_rule() throws Exception {
        NetFixture f = new NetFixture();
        try (f) {
            f.service.create("app", Optional.empty());
            NetworkAttachment a = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "a").onNetwork("app")
                    .withPorts(PortBinding.parse("127.0.0.1::80")));
            f.service.publish(a.containerId());
            f.httpd(a, 80, "x");
            f.service.attach(AttachRequest.bridge(NetFixture.newId(), "b").withMode(NetworkMode.HOST));
        }
        assertThat(f.leftovers()).isEmpty();
        assertThat(f.root).doesNotExist();
    }
}
