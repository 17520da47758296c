package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rest of the scripted docker CLI session on the whole engine, each step checked by what the CLI prints:
 * {@code run -d} with a name, a published port, environment, a volume and a restart policy; {@code restart},
 * {@code kill} (and the policy starting it again), {@code logs -f} ending with the container, {@code top},
 * {@code stats --no-stream} of every running container, {@code tag}, {@code network connect}, {@code system df},
 * {@code events} of a real lifecycle, {@code ps} filters and sizes, and the four prunes.
 */
@Privileged
class DockerCliSessionTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static ApiEngine engine;

    @BeforeAll
    static void start() throws Exception {
        ApiEngine.pushBusybox(REGISTRY);
        engine = ApiEngine.gantry(REGISTRY);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
    }

    @AfterEach
    void clear() throws Exception {
        engine.clear();
    }

    @Test
    void run_detached_with_port_env_volume_and_restart_policy_then_restart_kill_and_top() throws Exception {
        docker(0, "run", "-d", "--name", "web", "-p", "127.0.0.1::80", "-e", "GREETING=hello", "-v", "site:/www",
                "--restart", "unless-stopped", "busybox", "sh", "-c",
                "echo $GREETING > /www/index.html; exec httpd -f -p 80 -h /www");

        assertThat(docker(0, "inspect", "--format",
                "{{.HostConfig.RestartPolicy.Name}} {{range .Mounts}}{{.Name}}:{{.Destination}}{{end}} {{.State.Running}}",
                "web").strip()).isEqualTo("unless-stopped site:/www true");
        assertThat(docker(0, "port", "web", "80").strip()).startsWith("127.0.0.1:");
        assertThat(docker(0, "exec", "web", "cat", "/www/index.html")).isEqualTo("hello\n");

        String top = docker(0, "top", "web");
        assertThat(top.lines().findFirst().orElseThrow().split("\\s+")).containsExactly("UID", "PID", "PPID", "C",
                "STIME", "TTY", "TIME", "CMD");
        assertThat(top).contains("httpd -f -p 80 -h /www");
        assertThat(docker(0, "top", "web", "-o", "pid,comm").lines().skip(1).toList())
                .anySatisfy(line -> assertThat(line).endsWith("httpd"));

        String pidBefore = docker(0, "inspect", "--format", "{{.State.Pid}}", "web").strip();
        docker(0, "restart", "-t", "1", "web");
        assertThat(docker(0, "inspect", "--format", "{{.State.Running}} {{.State.Pid}}", "web").strip())
                .startsWith("true ").isNotEqualTo("true " + pidBefore);

        docker(0, "kill", "web");
        awaitOutput(Duration.ofSeconds(20), "the policy starts it again after a kill", "true",
                "inspect", "--format", "{{.State.Running}}", "web");
        assertThat(docker(0, "inspect", "--format", "{{.RestartCount}}", "web").strip()).isEqualTo("1");
        docker(0, "stop", "-t", "1", "web");
        assertThat(docker(0, "inspect", "--format", "{{.State.Status}}", "web").strip()).isEqualTo("exited");
    }

    @Test
    void logs_follow_ends_when_the_container_ends_and_a_run_rm_passes_the_exit_code_on() throws Exception {
        docker(0, "run", "-d", "--name", "counter", "busybox", "sh", "-c",
                "for i in 1 2 3; do echo line $i; sleep 0.3; done; echo done >&2");

        assertThat(docker(0, "logs", "-f", "counter")).isEqualTo("line 1\nline 2\nline 3\ndone\n");
        assertThat(docker(0, "logs", "--tail", "1", "counter")).isEqualTo("done\n");
        assertThat(docker(42, "run", "--rm", "busybox", "sh", "-c", "echo bye; exit 42")).isEqualTo("bye\n");
        assertThat(docker(0, "ps", "-a", "--format", "{{.Names}}").strip()).isEqualTo("counter");
    }

    @Test
    void a_client_at_api_1_41_reads_framed_output_from_attach_logs_and_exec() throws Exception {
        DockerCli older = engine.cli().atApiVersion("1.41");

        assertThat(older.run(0, "version", "--format", "{{.Client.APIVersion}}").strip()).isEqualTo("1.41");
        String attached = older.run(0, "run", "--name", "old", "busybox", "sh", "-c", "echo out; echo err >&2");
        assertThat(attached.lines().sorted().toList()).containsExactly("err", "out");
        assertThat(older.run(0, "logs", "old").lines().sorted().toList()).containsExactly("err", "out");
        older.run(0, "run", "-d", "--name", "old-exec", "busybox", "sleep", "300");
        assertThat(older.run(5, "exec", "old-exec", "sh", "-c", "echo in; exit 5")).isEqualTo("in\n");
    }

    @Test
    void stats_without_a_name_lists_every_running_container_once() throws Exception {
        docker(0, "run", "-d", "--name", "one", "busybox", "sleep", "300");
        docker(0, "run", "-d", "--name", "two", "busybox", "sleep", "300");
        docker(0, "create", "--name", "idle", "busybox", "true");

        List<String> lines = docker(0, "stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}").lines().sorted().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("one [0-9.]+[KMG]i?B / [0-9.]+[KMG]i?B");
        assertThat(lines.get(1)).startsWith("two ");
    }

    @Test
    void tag_and_network_connect_show_up_in_images_and_inspect() throws Exception {
        docker(0, "tag", "busybox", "team/tool:v1");
        assertThat(docker(0, "images", "--format", "{{.Repository}}:{{.Tag}}").lines())
                .contains("busybox:latest", "team/tool:v1");
        docker(0, "network", "create", "backend");
        docker(0, "run", "-d", "--name", "svc", "busybox", "sleep", "300");

        docker(0, "network", "connect", "--alias", "api", "backend", "svc");

        assertThat(docker(0, "inspect", "--format", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}", "svc")
                .strip().split(" ")).containsExactlyInAnyOrder("bridge", "backend");
        assertThat(docker(0, "network", "inspect", "--format", "{{range .Containers}}{{.Name}}{{end}}", "backend").strip())
                .isEqualTo("svc");
        assertThat(docker(0, "exec", "svc", "ip", "-4", "-o", "addr")).contains("eth1");
        docker(0, "network", "disconnect", "backend", "svc");
        assertThat(docker(0, "network", "inspect", "--format", "{{len .Containers}}", "backend").strip()).isEqualTo("0");
        docker(0, "rmi", "team/tool:v1");
    }

    @Test
    void system_df_counts_images_containers_and_volumes_with_their_sizes() throws Exception {
        docker(0, "run", "--name", "writer", "-v", "data:/data", "busybox", "sh", "-c",
                "head -c 300000 /dev/zero > /data/blob; head -c 200000 /dev/zero > /scratch");
        docker(0, "run", "-d", "--name", "sleeper", "busybox", "sleep", "300");

        String summary = docker(0, "system", "df", "--format", "{{.Type}}|{{.TotalCount}}|{{.Active}}|{{.Size}}");
        assertThat(summary.lines()).contains("Containers|2|1|200kB").contains("Local Volumes|1|1|300kB")
                .contains("Build Cache|0|0|0B");
        assertThat(summary.lines().filter(l -> l.startsWith("Images|1|1|")).toList()).hasSize(1);
        String verbose = docker(0, "system", "df", "-v");
        assertThat(verbose).containsPattern("data\\s+1\\s+300kB").containsPattern("busybox\\s+\"sh -c 'head")
                .containsPattern("busybox\\s+latest\\s+[0-9a-f]{12}.*\\s+2\\n");
        assertThat(docker(0, "ps", "-a", "-s", "--filter", "name=writer", "--format", "{{.Size}}").strip())
                .startsWith("200kB (virtual ");
    }

    @Test
    void events_report_a_real_lifecycle_in_dockers_order() throws Exception {
        long since = System.currentTimeMillis() / 1000;
        docker(0, "run", "-d", "--name", "ev", "busybox", "sleep", "300");
        docker(0, "pause", "ev");
        docker(0, "unpause", "ev");
        docker(0, "stop", "-t", "1", "ev");
        docker(0, "start", "ev");
        docker(0, "kill", "ev");
        docker(0, "rm", "ev");
        docker(0, "run", "--name", "short", "busybox", "true");
        long until = System.currentTimeMillis() / 1000 + 1;

        String events = docker(0, "events", "--since", Long.toString(since), "--until", Long.toString(until),
                "--filter", "container=ev", "--filter", "container=short", "--format",
                "{{.Actor.Attributes.name}}:{{.Action}}");

        assertThat(events.lines().toList()).containsExactly("ev:create", "ev:start", "ev:pause", "ev:unpause", "ev:kill",
                "ev:die", "ev:stop", "ev:start", "ev:kill", "ev:die", "ev:destroy", "short:create", "short:start",
                "short:die");
        assertThat(docker(0, "events", "--since", Long.toString(since), "--until", Long.toString(until),
                "--filter", "container=short", "--filter", "event=die", "--format", "{{.Actor.Attributes.exitCode}}")
                .strip()).isEqualTo("0");
    }

    @Test
    void ps_filters_select_as_docker_does() throws Exception {
        docker(3, "run", "--name", "failed", "-l", "tier=batch", "busybox", "sh", "-c", "exit 3");
        docker(0, "run", "--name", "fine", "-l", "tier=batch", "busybox", "true");
        docker(0, "run", "-d", "--name", "daemon", "-p", "127.0.0.1::8080", "-v", "/cache", "busybox", "sleep", "300");

        assertThat(names("ps", "-a", "--filter", "exited=3")).containsExactly("failed");
        assertThat(names("ps", "--filter", "status=exited")).containsExactlyInAnyOrder("failed", "fine");
        assertThat(names("ps", "-a", "--filter", "name=^/f")).containsExactlyInAnyOrder("failed", "fine");
        assertThat(names("ps", "-a", "--filter", "label=tier=batch", "--filter", "exited=0")).containsExactly("fine");
        assertThat(names("ps", "-a", "--filter", "since=failed")).containsExactlyInAnyOrder("fine", "daemon");
        assertThat(names("ps", "-a", "--filter", "before=fine")).containsExactly("failed");
        assertThat(names("ps", "--filter", "publish=8080")).containsExactly("daemon");
        assertThat(names("ps", "-a", "--filter", "volume=/cache")).containsExactly("daemon");
        assertThat(names("ps", "-a", "--filter", "network=bridge")).containsExactlyInAnyOrder("failed", "fine", "daemon");
        assertThat(names("ps", "-n", "2")).containsExactly("daemon", "fine");
        assertThat(docker(1, "ps", "--filter", "status=sleepy")).contains("invalid filter 'status=sleepy'");
    }

    @Test
    void prunes_remove_only_what_is_unused_and_say_how_much_they_freed() throws Exception {
        docker(0, "run", "--name", "gone", "-l", "keep=no", "busybox", "sh", "-c", "head -c 100000 /dev/zero > /f");
        docker(0, "run", "--name", "kept", "-l", "keep=yes", "busybox", "true");
        docker(0, "run", "-d", "--name", "running", "-v", "/anon", "busybox", "sleep", "300");
        docker(0, "volume", "create", "named");
        docker(0, "volume", "create", "unused-anon-like");
        docker(0, "network", "create", "unused");

        assertThat(docker(0, "container", "prune", "-f", "--filter", "label!=keep=yes"))
                .contains("Deleted Containers:").contains("Total reclaimed space: 100kB");
        assertThat(names("ps", "-a")).containsExactlyInAnyOrder("kept", "running");
        assertThat(docker(0, "container", "prune", "-f", "--filter", "until=1h")).contains("Total reclaimed space: 0B");
        assertThat(names("ps", "-a")).as("created within the hour: kept").containsExactlyInAnyOrder("kept", "running");

        docker(0, "rm", "-f", "running");
        String volumes = docker(0, "volume", "prune", "-f");
        assertThat(volumes).contains("Deleted Volumes:").doesNotContain("named");
        assertThat(docker(0, "volume", "ls", "-q").lines()).containsExactlyInAnyOrder("named", "unused-anon-like");
        docker(0, "volume", "prune", "-af");
        assertThat(docker(0, "volume", "ls", "-q")).isBlank();

        assertThat(docker(0, "network", "prune", "-f")).contains("Deleted Networks:\nunused");
        assertThat(docker(0, "network", "ls", "--format", "{{.Name}}").lines()).containsExactly("bridge");

        docker(0, "tag", "busybox", "spare:1");
        assertThat(docker(0, "image", "prune", "-f")).as("tagged images are no dangling ones")
                .contains("Total reclaimed space: 0B");
        assertThat(docker(0, "image", "prune", "-af")).as("an image a stopped container uses stays")
                .contains("Total reclaimed space: 0B");
        docker(0, "rm", "kept");
        String images = docker(0, "image", "prune", "-af");
        assertThat(images).contains("untagged: spare:1").contains("untagged: busybox:latest").contains("deleted: sha256:");
        assertThat(docker(0, "images", "-q")).isBlank();
        engine.pullBusybox(REGISTRY);
    }

    private List<String> names(String... psArgs) throws IOException, InterruptedException {
        String[] args = java.util.Arrays.copyOf(psArgs, psArgs.length + 2);
        args[psArgs.length] = "--format";
        args[psArgs.length + 1] = "{{.Names}}";
        return docker(0, args).lines().toList();
    }

    private void awaitOutput(Duration timeout, String what, String expected, String... args) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = docker(DockerCli.ANY_EXIT, args).strip();
            if (out.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(out).as(what).isEqualTo(expected);
    }

    private static String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return engine.cli().run(expectedExit, args);
    }
}
