package io.gantry.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port specs, subnets and the pool, resolv.conf derivation: the pure parts of networking. */
class NetworkValuesTest {

    @Test
    void port_specs_parse_as_docker_reads_them() {
        assertThat(PortBinding.parse("127.0.0.1:8080:80/udp"))
                .isEqualTo(new PortBinding("127.0.0.1", 8080, 80, Protocol.UDP));
        assertThat(PortBinding.parse("8080:80")).isEqualTo(new PortBinding("0.0.0.0", 8080, 80, Protocol.TCP));
        assertThat(PortBinding.parse("127.0.0.1::80").hostPort()).isZero();
        assertThat(PortBinding.parse("80").hostPort()).isZero();
        assertThatThrownBy(() -> PortBinding.parse("1:2:3:4")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PortBinding.parse("70000:80")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PortBinding.parse("80/sctp")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void bindings_clash_on_the_same_port_and_protocol_when_addresses_overlap() {
        PortBinding any = PortBinding.parse("8080:80");
        assertThat(any.clashesWith(PortBinding.parse("127.0.0.1:8080:81"))).isTrue();
        assertThat(PortBinding.parse("127.0.0.1:8080:80").clashesWith(PortBinding.parse("127.0.0.2:8080:80"))).isFalse();
        assertThat(any.clashesWith(PortBinding.parse("8080:80/udp"))).isFalse();
    }

    @Test
    void the_pool_skips_subnets_the_host_routes_and_those_in_use() {
        SubnetPool pool = new SubnetPool(Ipv4Subnet.parse("10.222.0.0/16"), 24);
        assertThat(pool.next(List.of())).hasToString("10.222.0.0/24");
        assertThat(pool.next(List.of(Ipv4Subnet.parse("10.222.0.0/23"), Ipv4Subnet.parse("10.222.2.0/24"))))
                .hasToString("10.222.3.0/24");
        SubnetPool dockers = new SubnetPool(Ipv4Subnet.parse("172.16.0.0/12"), 16);
        assertThat(dockers.next(List.of(Ipv4Subnet.parse("172.17.0.0/16"), Ipv4Subnet.parse("172.16.0.0/16"))))
                .hasToString("172.18.0.0/16");
        assertThatThrownBy(() -> Ipv4Subnet.parse("10.0.0.1/24")).hasMessageContaining("host bits");
    }

    @Test
    void host_routes_are_read_from_proc_net_route_without_the_default_route() {
        String proc = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
                + "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
                + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
                + "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n";
        assertThat(SubnetPool.parseProcRoute(proc)).extracting(Ipv4Subnet::toString)
                .containsExactly("192.0.2.0/24", "172.17.0.0/16");
    }

    @Test
    void resolv_conf_keeps_the_hosts_non_loopback_resolvers_and_warns_when_none_is_left() {
        ResolvConf.Result r = ResolvConf.derive("nameserver 127.0.0.53\nnameserver 10.1.1.1\nsearch corp\noptions ndots:2\n",
                List.of());
        assertThat(r.content()).contains("nameserver 10.1.1.1\n", "search corp\n", "options ndots:2\n")
                .doesNotContain("127.0.0.53");
        assertThat(r.warnings()).isEmpty();

        ResolvConf.Result loopbackOnly = ResolvConf.derive("nameserver 127.0.0.53\n", List.of());
        assertThat(loopbackOnly.content()).doesNotContain("nameserver");
        assertThat(loopbackOnly.warnings()).singleElement().asString().contains("only loopback").contains("127.0.0.53");

        assertThat(ResolvConf.derive("nameserver 10.1.1.1\n", List.of("192.0.2.53")).content())
                .contains("nameserver 192.0.2.53").doesNotContain("10.1.1.1");
    }
}
