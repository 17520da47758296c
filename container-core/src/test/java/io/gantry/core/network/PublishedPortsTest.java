package io.gantry.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.testing.OutsideNamespace;
import io.gantry.core.testing.Privileged;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Published ports with both drivers, at the level of the network service (the engine-level twin, with a real engine
 * process killed, is {@code io.gantry.core.engine.PublishedPortsEngineTest}): from 127.0.0.1, from an outside
 * namespace through the host's address, from another container (hairpin); still answering while the engine is gone
 * and after it restarts; gone after unpublish (the container's stop); conflicts refused before anything is published.
 */
@Privileged
class PublishedPortsTest {

    @ParameterizedTest
    @EnumSource(NetworkConfig.PortDriver.class)
    void a_published_port_answers_from_loopback_outside_and_other_containers_and_outlives_the_engine(
            NetworkConfig.PortDriver driver) throws Exception {
        try (NetFixture f = new NetFixture(driver)) {
            OutsideNamespace client = f.outside();
            NetworkAttachment web = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "web")
                    .withPorts(PortBinding.parse("8080/tcp").withHostPort(0)));
            assertThat(web.ports()).as("nothing published before the start").isEmpty();
            int port = f.service.publish(web.containerId()).get(0).hostPort();
            assertThat(port).isPositive();
            f.httpd(web, 8080, "hello");
            NetworkAttachment other = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "other"));

            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("hello");
            assertThat(f.fetchOutside(client, "http://" + client.hostIp() + ":" + port + "/")).isEqualTo("hello");
            String gateway = web.endpoints().get(0).gateway();
            assertThat(f.fetch(other, "http://" + gateway + ":" + port + "/")).isEqualTo("hello");
            assertThat(f.fetch(web, "http://" + gateway + ":" + port + "/")).isEqualTo("hello"); // to itself
            boolean kernel = driver == NetworkConfig.PortDriver.NFTABLES;
            assertThat(f.natElements()).hasSize(kernel ? 1 : 0);
            assertThat(f.proxies()).hasSize(kernel ? 0 : 1);

            // The engine dies without a word: kernel rules (or the detached proxy) keep serving.
            NetworkService restarted = f.restartEngine();
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("hello");
            restarted.start();
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("hello");
            restarted.unpublish(web.containerId()); // the container stops
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEmpty();
            assertThat(f.natElements()).isEmpty();
            assertThat(f.proxies()).isEmpty();
            assertThat(restarted.publish(web.containerId())).as("the next start publishes again").hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkConfig.PortDriver.class)
    void a_port_held_by_a_host_process_or_another_container_is_refused_and_nothing_is_created(
            NetworkConfig.PortDriver driver) throws Exception {
        try (NetFixture f = new NetFixture(driver); ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            int busy = held.getLocalPort();
            NetworkAttachment web = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "web")
                    .withPorts(PortBinding.parse("127.0.0.1::81"), PortBinding.parse(busy + ":80")));
            assertThatThrownBy(() -> f.service.publish(web.containerId()))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(":" + busy).hasMessageContaining("in use by a process on the host");
            assertThat(f.service.attachment(web.containerId()).orElseThrow().ports()).isEmpty();
            assertThat(f.service.publishing()).isEmpty();
            assertThat(f.proxies()).isEmpty();
            assertThat(f.natElements()).isEmpty();

            NetworkAttachment first = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "first")
                    .withPorts(PortBinding.parse("127.0.0.1::80")));
            int taken = f.service.publish(first.containerId()).get(0).hostPort();
            NetworkAttachment second = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "second")
                    .withPorts(PortBinding.parse(taken + ":80")));
            assertThatThrownBy(() -> f.service.publish(second.containerId()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("already published by container first");
            assertThat(f.service.publishing()).containsExactly(first.containerId());
            f.service.unpublish(first.containerId());
            assertThat(f.service.publish(second.containerId())).extracting(PortBinding::hostPort).containsExactly(taken);
        }
    }

    @org.junit.jupiter.api.Test
    void containers_reach_an_upstream_server_through_outbound_nat_with_the_hosts_address() throws Exception {
        try (NetFixture f = new NetFixture()) {
            OutsideNamespace upstream = f.outside();
            // The upstream answers with the address it saw, via a CGI script.
            java.nio.file.Path www = java.nio.file.Files.createDirectories(f.root.resolve("up/cgi-bin"));
            java.nio.file.Path cgi = www.resolve("who");
            java.nio.file.Files.writeString(cgi, "#!/bin/sh\necho Content-Type: text/plain\necho\necho $REMOTE_ADDR\n");
            cgi.toFile().setExecutable(true);
            upstream.run("busybox", "httpd", "-f", "-p", "8081", "-h", www.getParent().toString());
            NetworkAttachment c = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "c"));
            String seen = "";
            for (int i = 0; i < 50 && seen.isEmpty(); i++) {
                seen = f.fetch(c, "http://" + upstream.ip() + ":8081/cgi-bin/who").strip();
            }
            assertThat(seen).contains(upstream.hostIp()); // busybox prints [::ffff:a.b.c.d]
        }
    }

    @org.junit.jupiter.api.Test
    void a_container_on_the_address_of_a_removed_one_answers_at_once_and_one_reconnected_keeps_its_published_port()
            throws Exception {
        try (NetFixture f = new NetFixture()) {
            f.service.create("shop", Optional.empty());
            NetworkAttachment first = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "first")
                    .onNetwork("shop", "web").withPorts(PortBinding.parse("127.0.0.1::80")));
            int port = f.service.publish(first.containerId()).get(0).hostPort();
            f.httpd(first, 80, "first");
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("first");
            f.service.detach(first.containerId());

            // The host's neighbour entry for the address still names the first container's interface.
            NetworkAttachment second = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "second")
                    .onNetwork("shop", "web").withPorts(PortBinding.parse("127.0.0.1:" + port + ":80")));
            assertThat(second.endpoints().get(0).ip()).isEqualTo(first.endpoints().get(0).ip());
            f.service.publish(second.containerId());
            f.httpd(second, 80, "second");
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("second");

            f.service.disconnect(second.containerId(), "shop");
            f.service.connect(second.containerId(), "shop", List.of("www"));
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("second");
        }
    }
}
