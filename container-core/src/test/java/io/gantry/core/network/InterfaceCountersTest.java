package io.gantry.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterfaceCountersTest {

    @Test
    void reads_every_interface_but_loopback_from_net_dev() {
        List<String> netDev = List.of(
                "Inter-|   Receive                                                |  Transmit",
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
                "    lo:     120       2    0    0    0     0          0         0      120       2    0    0    0     0       0          0",
                "  eth0:    1296      16    1    2    0     0          0         0      656       8    3    4    0     0       0          0");

        Map<String, InterfaceCounters.Counters> counters = InterfaceCounters.parse(netDev);

        assertThat(counters).containsOnlyKeys("eth0");
        assertThat(counters.get("eth0")).isEqualTo(new InterfaceCounters.Counters(1296, 16, 1, 2, 656, 8, 3, 4));
    }

    @Test
    void a_process_that_is_gone_has_no_counters() {
        assertThat(InterfaceCounters.of(0)).isEmpty();
        assertThat(InterfaceCounters.of(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void this_process_sees_the_hosts_interfaces_without_loopback() {
        assertThat(InterfaceCounters.of(ProcessHandle.current().pid())).doesNotContainKey("lo");
    }
}
