package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.instance.EngineInstance;
import io.gantry.core.network.NetworkConfig;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.NetworkLeftovers;
import io.gantry.core.testing.OutsideNamespace;
import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks and volumes of a real engine process through the docker CLI: names both ways on a user-defined network and
 * isolation from another; outbound NAT to an upstream namespace, which sees the host's address; volumes that outlive
 * their container, an anonymous volume seeded from the image, a read-only bind, volumes-from; and, once everything is
 * removed, nothing of it left on the host: no veth, netns handle, published port, bridge of a removed network or
 * mount; after the engine's own clean-up not even its table and default bridge.
 */
@Privileged
class NetworkAndVolumesEngineTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    @BeforeAll
    static void pushBusybox() throws Exception {
        CliEngine.pushBusybox(REGISTRY, shared);
    }

    private static final String HTTPD = "mkdir -p /www; echo from-$HOSTNAME > /www/index.html; exec httpd -f -p 80 -h /www";
    /** wget retried for up to 5 s, while the server comes up. */
    private static final String FETCH = "for i in $(seq 1 50); do wget -q -O - \"$0\" && exit 0; sleep 0.1; done; exit 1";

    @Test
    void names_resolve_both_ways_networks_are_isolated_and_outbound_traffic_carries_the_hosts_address() throws Exception {
        try (EngineChild engine = EngineChild.start(REGISTRY, NetworkConfig.PortDriver.NFTABLES);
             OutsideNamespace upstream = OutsideNamespace.create(shared, "gtnv")) {
            engine.docker(0, "pull", "-q", "busybox");
            engine.docker(0, "network", "create", "app");
            engine.docker(0, "network", "create", "other");
            engine.docker(0, "run", "-d", "--name", "alpha", "--hostname", "alpha", "--network", "app", "busybox",
                    "sh", "-c", HTTPD);
            engine.docker(0, "run", "-d", "--name", "beta", "--hostname", "beta", "--network", "app",
                    "--network-alias", "db", "busybox", "sh", "-c", HTTPD);
            assertThat(engine.docker(0, "exec", "beta", "sh", "-c", FETCH, "http://alpha/")).isEqualTo("from-alpha\n");
            assertThat(engine.docker(0, "exec", "alpha", "sh", "-c", FETCH, "http://beta/")).isEqualTo("from-beta\n");
            assertThat(engine.docker(0, "exec", "alpha", "sh", "-c", FETCH, "http://db/")).isEqualTo("from-beta\n");

            String alphaIp = engine.docker(0, "inspect", "-f", "{{.NetworkSettings.Networks.app.IPAddress}}", "alpha").strip();
            assertThat(alphaIp).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            assertThat(engine.docker(0, "run", "--rm", "--network", "other", "busybox", "sh", "-c",
                    "wget -q -O - http://" + alphaIp + "/ & sleep 2; kill $! 2>/dev/null && echo blocked")).isEqualTo("blocked\n");

            // The upstream answers with the address it saw (busybox httpd's CGI gives REMOTE_ADDR).
            Path www = Files.createDirectories(shared.resolve("upstream/cgi-bin"));
            Files.writeString(www.resolve("who"), "#!/bin/sh\necho Content-Type: text/plain\necho\necho $REMOTE_ADDR\n");
            www.resolve("who").toFile().setExecutable(true);
            upstream.run("busybox", "httpd", "-f", "-p", "8081", "-h", www.getParent().toString());
            String seen = engine.docker(0, "run", "--rm", "busybox", "sh", "-c", FETCH,
                    "http://" + upstream.ip() + ":8081/cgi-bin/who");
            assertThat(seen.strip()).isEqualTo("[::ffff:" + upstream.hostIp() + "]"); // busybox prints it IPv4-mapped
        }
    }

    @Test
    void volumes_keep_data_seed_from_the_image_bind_read_only_and_share_and_nothing_is_left_once_removed()
            throws Exception {
        EngineInstance instance;
        try (EngineChild engine = EngineChild.start(REGISTRY, NetworkConfig.PortDriver.NFTABLES)) {
            instance = engine.instance();
            engine.docker(0, "pull", "-q", "busybox");
            engine.docker(0, "run", "--name", "writer", "-v", "keep:/data", "busybox", "sh", "-c", "echo kept > /data/f");
            engine.docker(0, "rm", "writer");
            assertThat(engine.docker(0, "run", "--rm", "-v", "keep:/data", "busybox", "cat", "/data/f")).isEqualTo("kept\n");

            engine.docker(0, "run", "--name", "seed", "busybox", "sh", "-c", "mkdir /seeded; echo from-image > /seeded/f");
            engine.docker(0, "commit", "--change", "VOLUME /seeded", "seed", "seeded");
            engine.docker(0, "rm", "seed");
            engine.docker(0, "run", "-d", "--name", "owner", "seeded", "sleep", "300");
            assertThat(engine.docker(0, "exec", "owner", "cat", "/seeded/f")).isEqualTo("from-image\n");
            assertThat(engine.docker(0, "inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}", "owner")
                    .strip()).isEqualTo("volume /seeded");
            engine.docker(0, "exec", "owner", "sh", "-c", "echo shared > /seeded/g");
            assertThat(engine.docker(0, "run", "--rm", "--volumes-from", "owner:ro", "busybox", "sh", "-c",
                    "cat /seeded/g; touch /seeded/h 2>/dev/null || echo refused")).isEqualTo("shared\nrefused\n");

            Path bound = Files.createDirectories(shared.resolve("bound"));
            assertThat(engine.docker(0, "run", "--rm", "-v", bound + ":/data:ro", "busybox", "sh", "-c",
                    "touch /data/x 2>/dev/null || echo refused")).isEqualTo("refused\n");
            assertThat(bound.resolve("x")).doesNotExist();

            engine.docker(0, "network", "create", "app");
            String appBridge = engine.docker(0, "network", "inspect", "-f", "{{.Id}}", "app").strip();
            assertThat(appBridge).isNotEmpty();
            engine.docker(0, "run", "-d", "--name", "web", "--network", "app", "-p", "127.0.0.1::80", "busybox",
                    "sh", "-c", HTTPD);
            engine.docker(0, "run", "-d", "--name", "linked", "--link", "owner:db", "busybox", "sleep", "300");
            assertThat(NetworkLeftovers.interfaces(instance)).hasSizeGreaterThanOrEqualTo(2 + 3); // 2 bridges, 3 veths
            assertThat(NetworkLeftovers.natElements(instance)).hasSize(1);

            engine.docker(0, "rm", "-f", "-v", "web", "linked", "owner");
            engine.docker(0, "network", "rm", "app");
            engine.docker(0, "volume", "rm", "keep");
            assertThat(engine.docker(0, "volume", "ls", "-q").strip()).isEmpty();
            assertThat(NetworkLeftovers.interfaces(instance)).containsExactly(instance.bridgeName(0));
            assertThat(NetworkLeftovers.netnsHandles(instance)).isEmpty();
            assertThat(NetworkLeftovers.natElements(instance)).isEmpty();
            assertThat(NetworkLeftovers.mounts(instance)).isEmpty();
            assertThat(NetworkLeftovers.tableExists(instance)).isTrue(); // the engine's own, while it runs
        }
        assertThat(NetworkLeftovers.of(instance)).isEmpty();
    }
}
