package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.cgroup.CgroupStats;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.container.ProcessTable;
import io.gantry.core.network.InterfaceCounters;
import io.gantry.core.runtime.ContainerStats;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs in a container: {@code GET /containers/{id}/top} (Docker's ps table) and {@code GET /containers/{id}/stats}: Docker's stats JSON from the container's cgroup. Every item carries the previous
 * reading as {@code precpu_stats}, so a client computes CPU use from one item; {@code stream=false} waits for a second
 * reading first (as Docker does) unless {@code one-shot} is asked.
 */
final class StatsHandler {

    private static final long INTERVAL_MS = 1000;

    private final ContainerService containers;
    private final ObjectMapper json;

    StatsHandler(ContainerService containers, ObjectMapper json) {
        this.containers = containers;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/containers/{id}/stats", (rq, rs, p) -> stats(rq, rs, p.get("id")))
                .add("GET", "/containers/{id}/top", (rq, rs, p) -> {
                    ProcessTable top = containers.top(p.get("id"), rq.query("ps_args").orElse(""));
                    rs.json(200, Map.of("Titles", top.titles(), "Processes", top.processes()));
                });
    }

    private void stats(HttpRequest request, HttpResponse response, String reference) throws IOException {
        ContainerView view = containers.inspect(reference);
        boolean stream = request.flag("stream", true);
        boolean oneShot = request.flag("one-shot", false);
        ContainerStats previous = containers.stats(view.id());
        if (!stream) {
            if (!oneShot) {
                pause(INTERVAL_MS / 2);
            }
            ContainerStats now = oneShot ? previous : containers.stats(view.id());
            response.json(200, item(view, now, oneShot ? null : previous));
            return;
        }
        OutputStream out = response.stream(200, "application/json");
        try {
            while (true) {
                pause(INTERVAL_MS);
                ContainerStats now = containers.stats(view.id());
                out.write(json.writeValueAsBytes(item(view, now, previous)));
                out.write('\n');
                previous = now;
            }
        } catch (IOException clientLeft) {
            response.closeAfterwards();
        } catch (RuntimeException containerGone) {
            out.close();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> item(ContainerView view, ContainerStats now, ContainerStats previous) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "/" + view.name());
        item.put("id", view.id());
        item.put("read", now.read().toString());
        item.put("preread", previous == null ? "0001-01-01T00:00:00Z" : previous.read().toString());
        long pidsLimit = now.cgroup().pids().limit();
        // Docker leaves out a limit that is not set, and the figures this engine does not collect are empty.
        item.put("pids_stats", pidsLimit > 0 ? Map.of("current", now.cgroup().pids().current(), "limit", pidsLimit)
                : Map.of("current", now.cgroup().pids().current()));
        item.put("num_procs", 0);
        item.put("storage_stats", Map.of());
        item.put("cpu_stats", cpu(now));
        item.put("precpu_stats", previous == null ? Map.of("cpu_usage", Map.of("total_usage", 0), "throttling_data",
                Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0)) : cpu(previous));
        CgroupStats.Memory memory = now.cgroup().memory();
        Map<String, Object> memoryStats = new LinkedHashMap<>();
        memoryStats.put("usage", memory.usageBytes());
        memoryStats.put("max_usage", memory.maxUsageBytes());
        memoryStats.put("limit", memory.limitBytes());
        Map<String, Long> stat = new LinkedHashMap<>(memory.stat());
        // The CLI subtracts inactive_file (v2) or total_inactive_file (v1) from usage: give it both names.
        stat.putIfAbsent("inactive_file", memory.inactiveFileBytes());
        stat.putIfAbsent("total_inactive_file", memory.inactiveFileBytes());
        memoryStats.put("stats", stat);
        item.put("memory_stats", memoryStats);
        List<Map<String, Object>> io = now.cgroup().blkio().stream().map(b -> Map.<String, Object>of("major", b.major(),
                "minor", b.minor(), "op", b.op(), "value", b.value())).toList();
        Map<String, Object> blkio = new LinkedHashMap<>();
        blkio.put("io_service_bytes_recursive", io);
        for (String empty : new String[] {"io_serviced_recursive", "io_queue_recursive", "io_service_time_recursive",
                "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive", "sectors_recursive"}) {
            blkio.put(empty, null);
        }
        item.put("blkio_stats", blkio);
        Map<String, Map<String, Long>> networks = networks(view.runtime().initPid());
        if (!networks.isEmpty()) {
            item.put("networks", networks);
        }
        return item;
    }

    /** The container's interfaces but loopback, with Docker's counters; empty when it does not run. */
    private static Map<String, Map<String, Long>> networks(long initPid) {
        Map<String, Map<String, Long>> networks = new LinkedHashMap<>();
        InterfaceCounters.of(initPid).forEach((name, c) -> {
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("rx_bytes", c.rxBytes());
            counters.put("rx_packets", c.rxPackets());
            counters.put("rx_errors", c.rxErrors());
            counters.put("rx_dropped", c.rxDropped());
            counters.put("tx_bytes", c.txBytes());
            counters.put("tx_packets", c.txPackets());
            counters.put("tx_errors", c.txErrors());
            counters.put("tx_dropped", c.txDropped());
            networks.put(name, counters);
        });
        return networks;
    }

    private static Map<String, Object> cpu(ContainerStats s) {
        CgroupStats.Cpu cpu = s.cgroup().cpu();
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("total_usage", cpu.totalNanos());
        usage.put("percpu_usage", cpu.perCpuNanos());
        usage.put("usage_in_kernelmode", cpu.kernelNanos());
        usage.put("usage_in_usermode", cpu.userNanos());
        return Map.of("cpu_usage", usage, "system_cpu_usage", s.systemCpuNanos(), "online_cpus", s.onlineCpus(),
                "throttling_data", Map.of("periods", cpu.periods(), "throttled_periods", cpu.throttledPeriods(),
                        "throttled_time", cpu.throttledNanos()));
    }
}
