package io.gantry.console;

import io.gantry.console.engine.EngineEndpoint;
import java.io.IOException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring context of the backend's own tests: every backend bean, no UI, in-memory H2, and a real Gantry engine
 * on a temporary data root (started as the console would embed it), reached through its unix socket.
 */
@SpringBootApplication
public class BackendTestApplication {

    @Bean(destroyMethod = "close")
    TestEngine testEngine() throws IOException {
        return TestEngine.start();
    }

    @Bean
    EngineEndpoint engineEndpoint(TestEngine engine) {
        return new EngineEndpoint(engine.socket(), true);
    }
}
