package io.gantry.console;

import io.gantry.console.engine.EngineEndpoint;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring context of the backend's own tests: every backend bean, no UI, in-memory H2, and a real Gantry engine
 * on a temporary data root (started as the console would embed it), reached through its unix socket.
 */
@SpringBootApplication
public class BackendTestApplication {

    /** With {@code gantry.test.registry-mirror} set (a LocalRegistry's host), the engine pulls from there. */
    @Bean(destroyMethod = "close")
    TestEngine testEngine(@Value("${gantry.test.registry-mirror:}") String mirror) throws IOException {
        return mirror.isEmpty() ? TestEngine.start() : TestEngine.startWithMirror(mirror);
    }

    @Bean
    EngineEndpoint engineEndpoint(TestEngine engine) {
        return new EngineEndpoint(engine.socket(), true);
    }
}
