package io.gantry.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.activity.ActivityEntry;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import io.gantry.console.activity.ActivitySource;
import io.gantry.console.activity.Actor;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineClientFixtures;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Terminals into containers of a real engine: a shell that answers and ends with its terminal; an attach. */
class TerminalServiceTest extends MirroredEngineTest {


    static final Actor CAROL = new Actor("carol", ActivitySource.UI);

    @Autowired
    TerminalService terminals;
    @Autowired
    EngineClient engine;
    @Autowired
    ActivityService activity;

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final CountDownLatch ended = new CountDownLatch(1);

    @AfterEach
    void removeContainers() {
        engine.listContainers(true).forEach(c -> engine.removeContainer(c.id(), true));
    }

    @Test
    void a_shell_answers_what_is_typed_at_the_terminals_size_and_ends_when_the_terminal_closes() throws Exception {
        String id = run("box", false, "sleep", "300");

        TerminalSession shell = terminals.open(CAROL, id, "box", TerminalKind.SHELL, 30, 100, this::received, ended::countDown);
        shell.type("stty size; echo sum=$((2 + 3))\n".getBytes(StandardCharsets.UTF_8));
        await(() -> text().contains("sum=5"));
        assertThat(text()).contains("30 100");
        shell.resize(20, 60);
        shell.type("stty size\n".getBytes(StandardCharsets.UTF_8));
        await(() -> text().contains("20 60"));
        assertThat(engine.inspectExec(shell.execId()).running()).isTrue();

        shell.type("sleep 1031\n".getBytes(StandardCharsets.UTF_8));
        await(() -> hostRuns("sleep", "1031"));
        shell.close();

        assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
        await(() -> !engine.inspectExec(shell.execId()).running());
        assertThat(hostRuns("sleep", "1031")).as("the foreground program was interrupted").isFalse();
        List<ActivityEntry> entries = activity.find(new ActivityFilter("container.terminal", ActivitySource.UI, null), 0, 10);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(CAROL);
            assertThat(e.target()).isEqualTo("box");
            assertThat(e.detail()).isEqualTo("shell");
        });
    }

    @Test
    void attaching_reaches_the_main_process_of_a_container_made_with_a_terminal_and_detaching_leaves_it_running()
            throws Exception {
        String id = run("tty", true, "sh");

        TerminalSession attached = terminals.open(CAROL, id, "tty", TerminalKind.ATTACH, 24, 80, this::received,
                ended::countDown);
        attached.type("echo attached-$((6 * 7))\n".getBytes(StandardCharsets.UTF_8));
        await(() -> text().contains("attached-42"));
        attached.close();

        assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.inspectContainer(id).state().running()).as("detached, not stopped").isTrue();
    }

    @Test
    void a_terminal_into_a_stopped_container_is_refused_and_recorded_as_failed() {
        pullOnce();
        String id = engine.createContainer("idle", EngineClientFixtures.busybox("true")).id();

        assertThatThrownBy(() -> terminals.open(CAROL, id, "idle", TerminalKind.SHELL, 24, 80, this::received,
                ended::countDown)).isInstanceOf(EngineCallException.class);
        assertThat(activity.find(new ActivityFilter("idle", null, null), 0, 10))
                .anySatisfy(e -> assertThat(e.failed()).isTrue());
    }

    private String run(String name, boolean tty, String... command) {
        pullOnce();
        ContainerConfig config = new ContainerConfig(null, null, null, tty, true, true, null, tty, tty, false, null,
                List.of(command), "busybox:latest", null, null, null, null, null, null);
        String id = engine.createContainer(name, new ContainerCreateRequest(config, null, null)).id();
        engine.startContainer(id);
        return id;
    }

    private void pullOnce() {
        if (engine.listImages().stream().noneMatch(i -> i.repoTags() != null && i.repoTags().contains("busybox:latest"))) {
            engine.pullImage("busybox", "latest", p -> { });
        }
    }

    /** Whether a process with exactly this command line runs on the host (the container's processes are the host's). */
    private static boolean hostRuns(String... argv) {
        String wanted = String.join("\0", argv) + "\0";
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).anyMatch(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).equals(wanted);
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void received(byte[] bytes) {
        output.writeBytes(bytes);
    }

    private synchronized String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
