package io.gantry.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The console: Vaadin views and backend services in one Spring Boot application. */
@SpringBootApplication
public class GantryApplication {

    public static void main(String[] args) {
        SpringApplication.run(GantryApplication.class, args);
    }
}
