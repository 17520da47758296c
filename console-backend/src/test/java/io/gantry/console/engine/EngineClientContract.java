package io.gantry.console.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.EventMessage;
import io.gantry.core.api.types.NetworkResource;
import io.gantry.core.api.types.ProgressMessage;
import io.gantry.core.api.types.StatsResponse;
import io.gantry.core.api.types.VolumeResource;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the console may rely on from any engine: every call of {@link EngineClient}, run against Gantry's engine
 * ({@link GantryEngineClientContractTest}) and against Debian's dockerd 20.10 ({@link DockerdEngineClientContractTest}),
 * which speaks API 1.41, the oldest the console accepts. Images come from a loopback registry only.
 */
@Privileged
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineClientContract {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private ApiEngine engine;
    EngineClient client;

    /** Starts the engine under test with busybox:latest pulled from {@code registry}. */
    abstract ApiEngine start(LocalRegistry registry) throws Exception;

    /** The API version the client must settle on with this engine. */
    abstract String expectedApiVersion();

    @BeforeAll
    void startEngine() throws Exception {
        ApiEngine.pushBusybox(REGISTRY);
        engine = start(REGISTRY);
    }

    @AfterAll
    void stopEngine() throws Exception {
        engine.close();
    }

    ApiEngine engine() {
        return engine;
    }

    LocalRegistry registry() {
        return REGISTRY;
    }

    @BeforeEach
    void connect() {
        client = new UnixSocketEngineClient(new EngineEndpoint(engine().socket(), false),
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @AfterEach
    void clear() throws Exception {
        engine().clear();
    }

    @Test
    void negotiates_its_api_version_and_reads_version_and_info() {
        assertThat(client.apiVersion()).isEqualTo(expectedApiVersion());
        assertThat(client.version().apiVersion()).isEqualTo(expectedApiVersion());
        assertThat(client.info().ncpu()).isPositive();
        assertThat(client.info().memTotal()).isPositive();
    }

    @Test
    void a_pull_reports_each_layer_with_its_progress_and_lists_the_image() {
        String repository = registry().host() + "/" + ApiEngine.NOTE_REPOSITORY;
        List<ProgressMessage> progress = new ArrayList<>();

        client.pullImage(repository, "latest", progress::add);

        try {
            assertThat(progress).as("bytes of a layer (Docker shows no download bar for a tiny one, only extraction)")
                    .anySatisfy(p -> {
                        assertThat(p.id()).isNotBlank();
                        assertThat(p.status()).isIn("Downloading", "Extracting");
                        assertThat(p.progressDetail().total()).isPositive();
                    });
            assertThat(progress).extracting(ProgressMessage::status).contains("Pull complete");
            assertThat(client.listImages()).anySatisfy(i -> assertThat(i.repoTags()).contains(repository + ":latest"));
            assertThat(client.inspectImage(repository + ":latest").rootFs().layers()).hasSize(1);
        } finally {
            client.removeImage(repository + ":latest", false);
        }
    }

    @Test
    void a_pull_of_an_unknown_image_fails_with_the_engines_reason() {
        assertThatThrownBy(() -> client.pullImage(registry().host() + "/no-such-image", "latest", p -> { }))
                .isInstanceOf(EngineCallException.class).hasMessageContaining("no-such-image");
    }

    @Test
    void a_container_goes_through_its_lifecycle() {
        String id = client.createContainer("life", busybox("sleep", "300")).id();
        assertThat(client.inspectContainer("life").state().status()).isEqualTo("created");
        assertThat(client.listContainers(false)).isEmpty();

        client.startContainer(id);
        client.startContainer(id);
        String firstStart = client.inspectContainer(id).state().startedAt();
        assertThat(client.listContainers(false)).extracting(c -> c.names().get(0)).containsExactly("/life");

        client.restartContainer(id);
        ContainerInspect restarted = client.inspectContainer(id);
        assertThat(restarted.state().running()).isTrue();
        assertThat(restarted.state().startedAt()).isNotEqualTo(firstStart);

        client.killContainer(id, "SIGKILL");
        assertThat(client.inspectContainer(id).state().exitCode()).isEqualTo(137);
        client.startContainer(id);
        client.stopContainer(id, 1);
        assertThat(client.inspectContainer(id).state().status()).isEqualTo("exited");
        client.removeContainer(id, false);
        assertThat(client.listContainers(true)).isEmpty();
    }

    @Test
    void runs_a_container_reads_and_follows_its_log_and_removes_it() throws Exception {
        String id = client.createContainer("talker", busybox("sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 300")).id();
        client.startContainer(id);
        BlockingQueue<LogLine> followed = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        awaitLog(id, 2);
        List<LogLine> lines = client.logs(id, -1);
        assertThat(lines).extracting(LogLine::text).containsExactly("one", "two");
        assertThat(lines).extracting(LogLine::stderr).containsExactly(false, true);
        assertThat(lines.get(0).time()).isAfter(Instant.now().minusSeconds(60));
        assertThat(client.logs(id, 1)).extracting(LogLine::text).containsExactly("two");
        try (EngineClient.EventSubscription follow = client.followLogs(id, 1, followed::add, ended::countDown)) {
            assertThat(followed.poll(10, TimeUnit.SECONDS).text()).isEqualTo("two");
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("closing ends the reader").isTrue();

        client.removeContainer(id, true);
        assertThat(client.listContainers(true)).isEmpty();
    }

    @Test
    void a_followed_log_ends_when_the_container_exits() throws Exception {
        String id = client.createContainer(null, busybox("sh", "-c", "sleep 1; echo late")).id();
        client.startContainer(id);
        BlockingQueue<LogLine> followed = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        try (EngineClient.EventSubscription follow = client.followLogs(id, -1, followed::add, ended::countDown)) {
            assertThat(followed.poll(20, TimeUnit.SECONDS)).extracting(LogLine::text).isEqualTo("late");
            assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void events_follow_a_container_from_create_to_its_exit_code() throws Exception {
        BlockingQueue<EventMessage> received = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);

        try (EngineClient.EventSubscription subscription = client.events(received::add, ended::countDown)) {
            awaitSubscribed(received);
            String id = client.createContainer("watched", busybox("sh", "-c", "exit 3")).id();
            client.startContainer(id);

            List<EventMessage> seen = new ArrayList<>();
            for (EventMessage e = received.poll(20, TimeUnit.SECONDS); e != null; e = received.poll(20, TimeUnit.SECONDS)) {
                if (e.actor().id().equals(id)) {
                    seen.add(e);
                    if (e.action().equals("die")) {
                        break;
                    }
                }
            }
            assertThat(seen).extracting(EventMessage::action).containsSubsequence("create", "start", "die");
            assertThat(seen).allSatisfy(e -> assertThat(e.actor().attributes()).containsEntry("name", "watched"));
            assertThat(seen.get(seen.size() - 1).actor().attributes()).containsEntry("exitCode", "3");
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the reader ends when closed").isTrue();
    }

    @Test
    void stats_show_a_busy_container_using_cpu_memory_and_its_network() throws Exception {
        String id = client.createContainer("busy", busybox("sh", "-c", "while :; do :; done")).id();
        client.startContainer(id);

        StatsResponse reading = client.stats(id);

        assertThat(reading.cpuPercent()).isPositive();
        assertThat(reading.memoryUsed()).isPositive();
        assertThat(reading.memoryStats().limit()).isPositive();
        assertThat(reading.pidsStats().current()).isPositive();
        assertThat(reading.networks()).containsKey("eth0");
        BlockingQueue<StatsResponse> followed = new LinkedBlockingQueue<>();
        try (EngineClient.EventSubscription follow = client.followStats(id, followed::add, () -> { })) {
            assertThat(followed.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(followed.poll(10, TimeUnit.SECONDS).cpuPercent()).isPositive();
        }
    }

    @Test
    void exec_returns_the_commands_output_and_exit_code() {
        String id = client.createContainer("host", busybox("sleep", "300")).id();
        client.startContainer(id);

        ExecCalls.ExecResult result = client.exec(id, List.of("sh", "-c", "echo out; echo err >&2; exit 7"));

        assertThat(result).isEqualTo(new ExecCalls.ExecResult(7, "out\n", "err\n"));
        client.stopContainer(id, 1);
        assertThatThrownBy(() -> client.exec(id, List.of("true"))).isInstanceOfSatisfying(EngineCallException.class,
                e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void an_image_in_use_is_refused_with_the_engines_reason_and_a_second_tag_can_go() {
        client.createContainer("user", busybox("true"));

        assertThatThrownBy(() -> client.removeImage("busybox:latest", false)).isInstanceOfSatisfying(
                EngineCallException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("must force");
        client.tagImage("busybox:latest", "mine/busybox", "v1");
        assertThat(client.inspectImage("mine/busybox:v1").id()).isEqualTo(client.inspectImage("busybox:latest").id());
        assertThat(client.removeImage("mine/busybox:v1", false)).extracting(i -> i.untagged())
                .containsExactly("mine/busybox:v1");
    }

    @Test
    void a_saved_image_loads_back_with_its_tag_and_history_and_an_imported_root_filesystem_is_pruned() {
        client.tagImage("busybox:latest", "contract/archive", "v1");
        java.io.ByteArrayOutputStream archive = new java.io.ByteArrayOutputStream();
        client.saveImage("contract/archive:v1", archive);
        client.removeImage("contract/archive:v1", false);
        byte[] saved = archive.toByteArray();
        byte[] rootfs = new io.gantry.core.archive.TarBuilder().file("hello", "from a tarball\n").tar();
        try {
            assertThat(client.loadImages(new java.io.ByteArrayInputStream(saved), saved.length))
                    .containsExactly("Loaded image: contract/archive:v1");
            assertThat(client.inspectImage("contract/archive:v1").id()).isEqualTo(client.inspectImage("busybox:latest").id());
            assertThat(client.imageHistory("contract/archive:v1")).isNotEmpty()
                    .isEqualTo(client.imageHistory("busybox:latest"));

            String imported = client.importRootfs(new java.io.ByteArrayInputStream(rootfs), rootfs.length, null);
            assertThat(imported).startsWith("sha256:");
            PrunedImages pruned = client.pruneImages();
            assertThat(pruned.deleted()).contains(imported);
            assertThat(pruned.spaceReclaimed()).isPositive();
            assertThatThrownBy(() -> client.inspectImage(imported)).isInstanceOf(EngineCallException.class);
            byte[] notTar = "not a tarball at all\n".repeat(64).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThatThrownBy(() -> client.loadImages(new java.io.ByteArrayInputStream(notTar), notTar.length))
                    .isInstanceOf(EngineCallException.class);
        } finally {
            if (client.listImages().stream().anyMatch(i -> i.repoTags() != null
                    && i.repoTags().contains("contract/archive:v1"))) {
                client.removeImage("contract/archive:v1", false);
            }
        }
    }

    @Test
    void lifecycle_errors_carry_the_engines_message() {
        assertThatThrownBy(() -> client.inspectContainer("nothing-here")).isInstanceOfSatisfying(
                EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue())
                .hasMessageContaining("nothing-here");
        client.createContainer("dup", busybox("true"));
        assertThatThrownBy(() -> client.createContainer("dup", busybox("true")))
                .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void a_created_network_is_listed_inspected_by_name_refused_twice_and_removed() {
        String id = client.createNetwork("calls_default");

        assertThat(client.listNetworks()).extracting(NetworkResource::name).contains("calls_default");
        assertThat(client.inspectNetwork("calls_default").id()).isEqualTo(id);
        assertThatThrownBy(() -> client.createNetwork("calls_default")).isInstanceOfSatisfying(
                EngineCallException.class, e -> assertThat(e.status()).isEqualTo(409));

        client.removeNetwork("calls_default");
        assertThatThrownBy(() -> client.inspectNetwork("calls_default"))
                .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void a_container_connected_with_aliases_is_attached_until_disconnected() {
        client.createNetwork("calls_net");
        String container = client.createContainer("calls-c", busybox("sleep", "300")).id();
        client.startContainer(container);

        client.connectNetwork("calls_net", container, List.of("db", "mysql"));

        ContainerCreateRequest.EndpointSettings endpoint = client.inspectContainer(container).networkSettings()
                .networks().get("calls_net");
        assertThat(endpoint.aliases()).contains("db", "mysql");
        assertThat(client.inspectNetwork("calls_net").containers()).containsKey(container);
        assertThatThrownBy(() -> client.removeNetwork("calls_net")).as("in use").isInstanceOf(EngineCallException.class);

        client.disconnectNetwork("calls_net", container, false);
        assertThat(client.inspectContainer(container).networkSettings().networks()).doesNotContainKey("calls_net");
    }

    @Test
    void containers_are_listed_by_label_key_and_value() {
        ContainerCreateRequest plain = busybox("true");
        ContainerCreateRequest labelled = new ContainerCreateRequest(new ContainerConfig(null, null, null, false,
                false, false, null, false, false, false, null, List.of("true"), "busybox:latest", null, null, null,
                Map.of("io.gantry.app", "7"), null, null), plain.hostConfig(), null);
        String mine = client.createContainer("calls-mine", labelled).id();
        client.createContainer("calls-other", plain);

        assertThat(client.listContainersLabelled("io.gantry.app=7")).extracting(c -> c.id()).containsExactly(mine);
        assertThat(client.listContainersLabelled("io.gantry.app")).extracting(c -> c.id()).containsExactly(mine);
        assertThat(client.listContainersLabelled("io.gantry.app=8")).isEmpty();
    }

    @Test
    void a_created_volume_is_listed_created_again_as_it_is_refused_while_used_and_removed() {
        VolumeResource created = client.createVolume("calls_data");

        assertThat(created.name()).isEqualTo("calls_data");
        assertThat(client.createVolume("calls_data").mountpoint()).isEqualTo(created.mountpoint());
        assertThat(client.listVolumes()).extracting(VolumeResource::name).containsExactly("calls_data");
        assertThat(client.inspectVolume("calls_data").mountpoint()).isEqualTo(created.mountpoint());
        String user = client.createContainer("calls-user", EngineClientFixtures.busyboxWithVolume("calls_data:/data",
                "true")).id();
        assertThatThrownBy(() -> client.removeVolume("calls_data", false)).isInstanceOfSatisfying(
                EngineCallException.class, e -> assertThat(e.status()).isEqualTo(409));
        client.removeContainer(user, false);

        client.removeVolume("calls_data", false);
        assertThat(client.listVolumes()).isEmpty();
        assertThatThrownBy(() -> client.inspectVolume("calls_data"))
                .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void a_terminal_exec_takes_its_size_answers_what_is_typed_and_ends_with_its_shell() throws Exception {
        String id = client.createContainer("calls-term", busybox("sleep", "300")).id();
        client.startContainer(id);
        String exec = client.createExec(id, List.of("sh"), List.of("GREETING=hi"), true);

        try (TerminalStream terminal = client.startExec(exec)) {
            client.resizeExec(exec, 30, 100);
            // The tty echoes the typed line too; only the shell's answer has the expansions in it.
            type(terminal, "echo \"$GREETING\"-$(stty size)\n");
            assertThat(readUntil(terminal.output(), "hi-30 100")).contains("hi-30 100");
            type(terminal, "exit 3\n");
            CompletableFuture.runAsync(() -> readToEnd(terminal.output())).get(30, TimeUnit.SECONDS);
        }
        ExecCalls.ExecStatus status = client.inspectExec(exec);
        for (int i = 0; i < 100 && status.running(); i++) {
            Thread.sleep(50);
            status = client.inspectExec(exec);
        }
        assertThat(status.exitCode()).isEqualTo(3);
    }

    @Test
    void a_commit_keeps_the_containers_file_changes_in_a_tagged_image() throws Exception {
        String id = client.createContainer("calls-maker", busybox("sh", "-c", "echo made > /made; sleep 300")).id();
        client.startContainer(id);
        for (int i = 0; i < 100 && !client.exec(id, List.of("cat", "/made")).stdout().equals("made\n"); i++) {
            Thread.sleep(50);
        }

        String image = client.commitContainer(id, "calls/made", "v1", "made by the contract", "Contract Test");
        try {
            assertThat(client.inspectImage("calls/made:v1").id()).isEqualTo(image);
            assertThat(client.inspectImage("calls/made:v1").comment()).isEqualTo("made by the contract");
            assertThat(client.inspectImage("calls/made:v1").author()).isEqualTo("Contract Test");
            assertThatThrownBy(() -> client.commitContainer("nothing-here", "calls/none", "v1", "", ""))
                    .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue());
        } finally {
            client.removeContainer(id, true);
            client.removeImage("calls/made:v1", false);
        }
    }

    @Test
    void prunes_remove_the_unused_volumes_and_networks_and_keep_those_in_use() {
        client.createVolume("calls_unused");
        client.createNetwork("calls_unused_net");
        client.createNetwork("calls_used_net");
        String user = client.createContainer("calls-user", EngineClientFixtures.busyboxWithVolume("calls_used:/data",
                "sleep", "300")).id();
        client.startContainer(user); // dockerd counts a network as used by running containers only
        client.connectNetwork("calls_used_net", user, List.of());

        assertThat(client.pruneVolumes()).contains("calls_unused").doesNotContain("calls_used");
        assertThat(client.pruneNetworks()).contains("calls_unused_net").doesNotContain("calls_used_net");
        assertThat(client.listVolumes()).extracting(VolumeResource::name).containsExactly("calls_used");
        assertThat(client.listNetworks()).extracting(NetworkResource::name).contains("calls_used_net")
                .doesNotContain("calls_unused_net");
    }

    private static void type(TerminalStream terminal, String text) throws IOException {
        terminal.input().write(text.getBytes(StandardCharsets.UTF_8));
        terminal.input().flush();
    }

    /** What the terminal printed up to and including {@code expected}; fails after 30 s without it. */
    private static String readUntil(InputStream output, String expected) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                for (int n; !seen.toString().contains(expected) && (n = output.read(buffer)) > 0; ) {
                    seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return seen.toString();
        }).get(30, TimeUnit.SECONDS);
    }

    private static void readToEnd(InputStream output) {
        try {
            output.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContainerCreateRequest busybox(String... command) {
        return EngineClientFixtures.busybox(command);
    }

    private void awaitLog(String id, int lines) throws InterruptedException {
        for (int i = 0; i < 200 && client.logs(id, -1).size() < lines; i++) {
            Thread.sleep(50);
        }
    }

    /** The subscription reaches the engine asynchronously: create marker containers until the first event arrives. */
    private void awaitSubscribed(BlockingQueue<EventMessage> received) throws Exception {
        for (int i = 0; i < 50; i++) {
            client.createContainer("marker-" + i, busybox("true"));
            if (received.poll(200, TimeUnit.MILLISECONDS) != null) {
                received.clear();
                return;
            }
        }
        throw new AssertionError("no event arrived");
    }
}
