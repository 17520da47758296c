package io.gantry.console.api;

import io.gantry.console.metrics.HostFacts;
import io.gantry.console.metrics.HostMetrics;
import io.gantry.console.metrics.MetricsService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/host}: the engine the console drives and the host's current use. */
@RestController
@RequestMapping(path = "/api/host", produces = MediaType.APPLICATION_JSON_VALUE)
class HostApi {

    private final MetricsService metrics;

    HostApi(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** The engine's facts (address, version, kernel, CPUs, memory, storage, mirrors). */
    @GetMapping
    HostFacts facts() {
        return metrics.hostFacts();
    }

    /** CPU (100 = every CPU busy) and memory in use on the host, all processes together. */
    @GetMapping("/metrics")
    HostMetrics usage() {
        return metrics.host();
    }
}
