package io.gantry.console.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.engine.UnixSocketEngineClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link EngineClient}, pointed at whatever {@link EngineEndpoint} the application provides. */
@Configuration(proxyBeanMethods = false)
class EngineClientConfiguration {

    @Bean
    EngineClient engineClient(EngineEndpoint endpoint, ObjectMapper json) {
        return new UnixSocketEngineClient(endpoint, json);
    }
}
