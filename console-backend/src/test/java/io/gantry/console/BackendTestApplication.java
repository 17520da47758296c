package io.gantry.console;

import io.gantry.console.engine.EngineEndpoint;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring context of the backend's own tests: every backend bean, no UI, in-memory H2, and a real Gantry engine
 * on a temporary data root (started as the console would embed it), reached through its unix socket — or, for the
 * tests that compare, a real dockerd.
 */
@SpringBootApplication
public class BackendTestApplication {

    /**
     * With {@code gantry.test.registry-mirror} set (a LocalRegistry's host), the engine pulls from there; with
     * {@code gantry.test.registry-certs} (a secured LocalRegistry's certs.d), it trusts those registries.
     */
    @Bean(destroyMethod = "close")
    TestEngine testEngine(@Value("${gantry.test.registry-mirror:}") String mirror,
                          @Value("${gantry.test.registry-certs:}") String certs) throws IOException {
        if (!certs.isEmpty()) {
            return TestEngine.startTrusting(java.nio.file.Path.of(certs));
        }
        return mirror.isEmpty() ? TestEngine.start() : TestEngine.startWithMirror(mirror);
    }

    /** With {@code gantry.test.engine-socket} set (a {@code DockerDaemon}'s socket), the console drives that engine. */
    @Bean
    EngineEndpoint engineEndpoint(TestEngine engine, @Value("${gantry.test.engine-socket:}") String socket) {
        return socket.isEmpty() ? new EngineEndpoint(engine.socket(), true)
                : new EngineEndpoint(java.nio.file.Path.of(socket), false);
    }
}
