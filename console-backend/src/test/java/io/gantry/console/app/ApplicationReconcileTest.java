package io.gantry.console.app;

import static io.gantry.console.app.AppTestSupport.awaitLog;
import static io.gantry.console.app.AppTestSupport.awaitPage;
import static io.gantry.console.app.AppTestSupport.containers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.MirroredEngineTest;
import io.gantry.console.TestEngine;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.engine.UnixSocketEngineClient;
import io.gantry.console.events.EngineEvents;
import io.gantry.core.testing.DockerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console and the docker CLI on one engine: what the CLI removes or replaces behind the console's back shows as
 * missing or changed (found through the engine's events, or at start), and recreating the service puts it right. An
 * engine that restarts (its events break off and come back) makes the console reconcile everything again.
 */
class ApplicationReconcileTest extends MirroredEngineTest {

    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationWatcher watcher;
    @Autowired
    EngineClient engine;
    @Autowired
    EngineEndpoint endpoint;
    @Autowired
    TestEngine testEngine;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path cliConfig;

    DockerCli docker;
    Application app;
    int webPort;
    Map<String, String> before;

    @BeforeEach
    void deployShop() {
        docker = new DockerCli(testEngine.socket(), cliConfig);
        webPort = AppTestSupport.freePort();
        app = applications.create("Shop", ApplicationEditTest.shop(webPort), null, endpoint.url());
        applications.deploy(app.id(), step -> { });
        before = containers(applications, app.id());
        awaitPage(webPort, "hello from web");
    }

    @AfterEach
    void removeEverything() {
        watcher.start(); // a test may have stopped it
        AppTestSupport.removeEverything(engine, jdbc);
    }

    @Test
    void a_freshly_deployed_application_is_in_sync() {
        assertThat(applications.lastReconciliation(app.id())).hasValueSatisfying(r -> {
            assertThat(r.needsAttention()).isFalse();
            assertThat(r.services()).containsOnlyKeys("client", "web", "store");
        });
    }

    @Test
    void a_container_removed_with_the_docker_cli_shows_missing_and_recreating_it_keeps_its_data() throws Exception {
        awaitLog(engine, before.get("store"), "1");

        docker.run(0, "rm", "-f", "shop-store");

        awaitDrift("store", ServiceDrift.Missing.class::isInstance);
        assertThat(applications.status(app.id())).containsEntry("store", ServiceStatus.MISSING);
        applications.recreate(app.id(), "store");

        Map<String, String> after = containers(applications, app.id());
        assertThat(after.get("store")).isNotEqualTo(before.get("store"));
        assertThat(after).containsEntry("web", before.get("web")).containsEntry("client", before.get("client"));
        awaitLog(engine, after.get("store"), "2");
        assertThat(applications.status(app.id())).containsEntry("store", ServiceStatus.RUNNING);
        assertThat(applications.lastReconciliation(app.id())).hasValueSatisfying(r ->
                assertThat(r.needsAttention()).isFalse());
    }

    @Test
    void a_container_replaced_with_the_docker_cli_shows_changed_and_recreating_it_restores_the_service()
            throws Exception {
        docker.run(0, "rm", "-f", "shop-web");
        awaitDrift("web", ServiceDrift.Missing.class::isInstance); // seen gone before another container takes its name
        docker.run(0, "run", "-d", "--name", "shop-web", "busybox:latest", "sleep", "300");

        ServiceDrift drift = awaitDrift("web", ServiceDrift.Changed.class::isInstance);
        assertThat(((ServiceDrift.Changed) drift).differences()).singleElement().asString()
                .contains("not the one the console created");
        applications.recreate(app.id(), "web");

        awaitPage(webPort, "hello from web");
        assertThat(engine.inspectContainer("shop-web").id()).isEqualTo(containers(applications, app.id()).get("web"));
        assertThat(applications.reconcile(app.id()).needsAttention()).isFalse();
    }

    @Test
    void a_container_renamed_with_the_docker_cli_shows_changed_with_its_new_name() throws Exception {
        docker.run(0, "rename", "shop-client", "someone-elses");

        ServiceDrift drift = awaitDrift("client", ServiceDrift.Changed.class::isInstance);
        assertThat(((ServiceDrift.Changed) drift).differences()).singleElement().asString()
                .contains("renamed to someone-elses");
    }

    @Test
    void a_container_removed_while_nobody_watched_is_found_missing_when_the_console_starts() throws Exception {
        watcher.stop();
        docker.run(0, "rm", "-f", "shop-client");
        assertThat(applications.lastReconciliation(app.id()).orElseThrow().services().get("client"))
                .isEqualTo(ServiceDrift.IN_SYNC);

        watcher.start();

        awaitDrift("client", ServiceDrift.Missing.class::isInstance);
    }

    @Test
    void an_unreachable_engine_stops_nothing_and_is_tried_again() throws Exception {
        Path nowhere = Files.createTempDirectory("gantry-no-engine").resolve("engine.sock");
        EngineEndpoint absent = new EngineEndpoint(nowhere, false);
        EngineEvents absentEvents = new EngineEvents(new UnixSocketEngineClient(absent, new ObjectMapper()));
        ApplicationWatcher lonely = new ApplicationWatcher(applications, absentEvents, absent);
        try {
            assertThatCode(lonely::start).doesNotThrowAnyException();
            Thread.sleep(1500); // a few attempts
            assertThat(lonely.isRunning()).isTrue();
            assertThat(lonely.isConnected()).isFalse();
        } finally {
            lonely.stop();
            absentEvents.stop();
            Files.delete(nowhere.getParent());
        }
        assertThat(watcher.isConnected()).as("the console's own watcher follows the real engine").isTrue();
    }

    @Test
    void after_the_engine_restarts_every_application_is_reconciled_again_and_its_events_are_followed_again()
            throws Exception {
        testEngine.restart(); // the containers keep running: no event about them, only the stream's return
        Instant restarted = Instant.now();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!applications.lastReconciliation(app.id()).orElseThrow().checkedAt().isAfter(restarted)) {
            assertThat(System.nanoTime()).as("reconciled after the engine came back").isLessThan(deadline);
            AppTestSupport.pause();
        }
        assertThat(applications.lastReconciliation(app.id()).orElseThrow().needsAttention()).isFalse();
        assertThat(containers(applications, app.id())).isEqualTo(before);
        assertThat(testEngine.events().subscribers()).as("the console's one stream, from the new engine").isOne();

        docker.run(0, "rm", "-f", "shop-client");
        awaitDrift("client", ServiceDrift.Missing.class::isInstance);
    }

    private ServiceDrift awaitDrift(String service, Predicate<ServiceDrift> expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceDrift drift = applications.lastReconciliation(app.id()).map(r -> r.services().get(service))
                    .orElse(null);
            if (drift != null && expected.test(drift)) {
                return drift;
            }
            AppTestSupport.pause();
        }
        throw new AssertionError("service " + service + " never reached the expected drift; last: "
                + applications.lastReconciliation(app.id()));
    }
}
