package io.gantry.console;

import io.gantry.console.config.GantryProperties;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.core.engine.Engine;
import io.gantry.core.engine.EngineConfig;
import io.gantry.core.snapshot.StorageDriver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which engine the console drives: by default its own, embedded and serving the Engine API on the data root's socket
 * (so the docker CLI works beside the console); with {@code gantry.engine=unix:///path} (from
 * {@code ./gantry up --engine}) another engine, Gantry's or Docker's. Either way the console talks to it only through
 * the socket.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    static final String EMBEDDED = "embedded";

    /** Stopping the console closes the engine's API; its containers keep running for the next start. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "gantry.engine", havingValue = EMBEDDED, matchIfMissing = true)
    Engine embeddedEngine(GantryProperties properties,
            @Value("${gantry.registry-mirrors:}") List<String> mirrors,
            @Value("${gantry.insecure-registries:}") List<String> insecure,
            @Value("${gantry.only-configured-registries:false}") boolean configuredOnly,
            @Value("${gantry.storage-driver:}") String storageDriver,
            @Value("${gantry.registry-certs:/etc/gantry/certs.d}") Path certs,
            @Value("${gantry.index-url:https://index.docker.io}") URI index) throws IOException {
        EngineConfig config = EngineConfig.forDataRoot(properties.data()).withRegistryCerts(certs).withIndex(index)
                .withRegistries(mirrors, insecure, configuredOnly);
        return Engine.start(storageDriver.isBlank() ? config : config.withStorageDriver(StorageDriver.parse(storageDriver)));
    }

    @Bean
    @ConditionalOnProperty(name = "gantry.engine", havingValue = EMBEDDED, matchIfMissing = true)
    EngineEndpoint embeddedEndpoint(Engine engine) {
        return new EngineEndpoint(engine.socket(), true);
    }

    @Bean
    @ConditionalOnExpression("'${gantry.engine:" + EMBEDDED + "}' != '" + EMBEDDED + "'")
    EngineEndpoint externalEndpoint(@Value("${gantry.engine}") String url) {
        return EngineEndpoint.parse(url);
    }
}
