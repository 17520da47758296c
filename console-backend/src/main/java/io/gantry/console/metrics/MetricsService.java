package io.gantry.console.metrics;

import io.gantry.console.config.GantryProperties;
import org.springframework.stereotype.Service;

/** Figures for the dashboard. */
@Service
public class MetricsService {

    private final GantryProperties properties;
    private final HostFactsReader reader = HostFactsReader.ofThisHost();

    MetricsService(GantryProperties properties) {
        this.properties = properties;
    }

    /** Facts of the host the console runs on, read fresh on every call. */
    public HostFacts hostFacts() {
        return reader.read(properties.data());
    }
}
