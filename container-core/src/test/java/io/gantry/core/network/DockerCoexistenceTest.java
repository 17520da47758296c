package io.gantry.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.OutsideNamespace;
import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With br_netfilter loaded and the iptables FORWARD policy at DROP, as dockerd leaves a host, bridged, hairpin and
 * published traffic still flows through Gantry's narrow accepts, which leave with the networks. The policy is
 * restored to what the test found.
 */
@Privileged
class DockerCoexistenceTest {

    @Test
    void traffic_flows_next_to_a_forward_policy_of_drop_and_the_accepts_leave_with_the_networks() throws Exception {
        if (!Files.exists(Path.of("/proc/sys/net/bridge")) && HostCommand.available("modprobe")) {
            HostCommand.run("modprobe", "br_netfilter");
        }
        assertThat(Path.of("/proc/sys/net/bridge")).as("br_netfilter loaded").exists();
        String policy = ForwardAccepts.forwardDrops() ? "DROP" : "ACCEPT";
        boolean filterTableExisted = tableExists();
        HostCommand.run("iptables", "-w", "-P", "FORWARD", "DROP");
        NetFixture f = null;
        try {
            f = new NetFixture();
            f.service.create("app", Optional.empty());
            NetworkAttachment a = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "a").onNetwork("app")
                    .withPorts(PortBinding.parse("80")));
            NetworkAttachment b = f.service.attach(AttachRequest.bridge(NetFixture.newId(), "b").onNetwork("app"));
            OutsideNamespace client = f.outside();
            f.httpd(a, 80, "through");
            int port = f.service.publish(a.containerId()).get(0).hostPort();
            assertThat(f.service.forwardAccepts()).contains(f.service.inspect("app").orElseThrow().bridge());

            assertThat(f.fetch(b, "http://a/")).isEqualTo("through");
            assertThat(f.fetch(b, "http://" + a.endpoints().get(0).gateway() + ":" + port + "/")).isEqualTo("through");
            assertThat(f.fetchOutside(client, "http://" + client.hostIp() + ":" + port + "/")).isEqualTo("through");
            assertThat(f.fetchFromHost("http://127.0.0.1:" + port + "/")).isEqualTo("through");
            f.close();
            assertThat(f.leftovers()).isEmpty();
            f = null;
        } finally {
            if (f != null) {
                f.close();
            }
            HostCommand.run("iptables", "-w", "-P", "FORWARD", policy);
            // iptables-nft creates "table ip filter" for -P; leave the host as found when nothing else uses it.
            if (!filterTableExisted && HostCommand.run("iptables", "-w", "-S").lines().allMatch(l -> l.startsWith("-P"))) {
                HostCommand.run("nft", "delete", "table", "ip", "filter");
            }
        }
    }

    private static boolean tableExists() {
        try {
            HostCommand.run("nft", "list", "table", "ip", "filter");
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
