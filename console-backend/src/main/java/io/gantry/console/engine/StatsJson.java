package io.gantry.console.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads Docker's stats JSON (cgroup v1 and v2 shapes alike) into a {@link StatsReading}. */
final class StatsJson {

    private StatsJson() {
    }

    static StatsReading reading(JsonNode item) {
        JsonNode cpu = item.path("cpu_stats");
        JsonNode precpu = item.path("precpu_stats");
        JsonNode memory = item.path("memory_stats");
        long rx = 0;
        long tx = 0;
        for (JsonNode network : item.path("networks")) {
            rx += network.path("rx_bytes").asLong();
            tx += network.path("tx_bytes").asLong();
        }
        long blockRead = 0;
        long blockWrite = 0;
        for (JsonNode entry : item.path("blkio_stats").path("io_service_bytes_recursive")) {
            switch (entry.path("op").asText().toLowerCase(Locale.ROOT)) {
                case "read" -> blockRead += entry.path("value").asLong();
                case "write" -> blockWrite += entry.path("value").asLong();
                default -> { }
            }
        }
        int onlineCpus = cpu.path("online_cpus").asInt(cpu.path("cpu_usage").path("percpu_usage").size());
        return new StatsReading(time(item.path("read").asText()), cpu.path("cpu_usage").path("total_usage").asLong(),
                precpu.path("cpu_usage").path("total_usage").asLong(), cpu.path("system_cpu_usage").asLong(),
                precpu.path("system_cpu_usage").asLong(), onlineCpus, memoryInUse(memory),
                memory.path("limit").asLong(), rx, tx, blockRead, blockWrite);
    }

    /** As the docker CLI shows it: usage less the inactive page cache (v1 {@code total_inactive_file}, v2 {@code inactive_file}). */
    private static long memoryInUse(JsonNode memory) {
        long usage = memory.path("usage").asLong();
        JsonNode stats = memory.path("stats");
        long inactive = stats.has("total_inactive_file") ? stats.path("total_inactive_file").asLong()
                : stats.path("inactive_file").asLong();
        return inactive > 0 && inactive < usage ? usage - inactive : usage;
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
