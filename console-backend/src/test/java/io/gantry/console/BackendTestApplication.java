package io.gantry.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of the backend's own tests: every backend bean, no UI, in-memory H2. */
@SpringBootApplication
public class BackendTestApplication {
}
