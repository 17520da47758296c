package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.network.NetworkConfig;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.DockerDaemon;
import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker run --link} through Gantry's engine against the same commands on a real dockerd (on its own bridge),
 * in the same test: a target whose image exposes 3306/tcp and which exposes 3307/tcp and 53/udp itself; the
 * consumer's link variables and {@code /etc/hosts} must be the same, addresses and container IDs masked. On a
 * user-defined network a link only adds a name, as in Docker.
 */
@Privileged
class LinksDockerParityTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @RegisterExtension
    static final DockerDaemon DOCKERD = DockerDaemon.withBridge();

    @TempDir
    static Path shared;

    static EngineChild gantry;

    /** What the consumer prints: its environment, a separator, its hosts file (and the report adds its inspect). */
    private static final String REPORT = "env; echo ---; cat /etc/hosts";

    @BeforeAll
    static void images() throws Exception {
        CliEngine.pushBusybox(REGISTRY, shared);
        gantry = EngineChild.start(REGISTRY, NetworkConfig.PortDriver.NFTABLES);
        gantry.docker(0, "pull", "-q", "busybox");
        Path rootfs = shared.resolve("busybox.tar.gz");
        Files.write(rootfs, TestImages.busyboxLayer());
        DOCKERD.cli().run(0, "import", rootfs.toString(), "busybox:latest");
    }

    @AfterAll
    static void stopGantry() throws Exception {
        if (gantry != null) {
            gantry.close();
        }
    }

    @Test
    void link_variables_and_hosts_entries_are_dockers_for_a_target_exposing_3306() throws Exception {
        String fromGantry = linkReport(gantry::docker);
        String fromDocker = linkReport((exit, args) -> DOCKERD.cli().run(exit, withPullNever(args)));

        assertThat(linkVariables(fromGantry)).contains("DB_1_PORT=udp://<ip>:53", "DB_1_PORT_3306_TCP_ADDR=<ip>",
                "DB_1_PORT_3307_TCP=tcp://<ip>:3307", "DB_1_NAME=/wordpress/db_1", "DB_1_ENV_MYSQL_DATABASE=wp");
        assertThat(linkVariables(fromGantry)).isEqualTo(linkVariables(fromDocker));
        assertThat(hosts(fromGantry)).contains("<ip>\tdb_1 <id> mariadb");
        assertThat(hosts(fromGantry)).isEqualTo(hosts(fromDocker));
        assertThat(inspected(fromGantry)).isEqualTo("[\"/mariadb:/wordpress/db_1\"]").isEqualTo(inspected(fromDocker));
    }

    @Test
    void a_link_is_refused_as_by_docker_for_a_missing_target_at_create_and_a_stopped_one_at_start() throws Exception {
        List<String> fromGantry = refusals(gantry::docker);
        List<String> fromDocker = refusals((exit, args) -> DOCKERD.cli().run(exit, withPullNever(args)));
        assertThat(fromGantry).containsExactly(
                "Error response from daemon: could not get container for nosuch: No such container: nosuch",
                "Error response from daemon: Cannot link to a non running container: /sleeper AS /consumer/db");
        assertThat(fromGantry).isEqualTo(fromDocker);
    }

    /** The daemon's message for a create linking to nothing, and for a start linking to a stopped container. */
    private static List<String> refusals(Docker docker) throws Exception {
        String missing = docker.run(DockerCli.ANY_EXIT, "create", "--link", "nosuch:db", "busybox", "true");
        docker.run(0, "create", "--name", "sleeper", "busybox", "sleep", "300");
        docker.run(0, "create", "--name", "consumer", "--link", "sleeper:db", "busybox", "true");
        String stopped = docker.run(DockerCli.ANY_EXIT, "start", "consumer");
        docker.run(0, "rm", "consumer", "sleeper");
        return List.of(daemonError(missing), daemonError(stopped));
    }

    @Test
    void on_a_user_defined_network_a_link_only_names_the_target() throws Exception {
        gantry.docker(0, "network", "create", "linknet");
        try {
            gantry.docker(0, "run", "-d", "--name", "api", "--network", "linknet", "--expose", "80", "busybox", "sh",
                    "-c", "mkdir /www; echo api-answer > /www/index.html; exec httpd -f -p 80 -h /www");
            String out = gantry.docker(0, "run", "--rm", "--network", "linknet", "--link", "api:backend", "busybox",
                    "sh", "-c", "env | grep -c BACKEND_; for i in $(seq 1 50); do wget -q -O - http://backend/ && break;"
                            + " sleep 0.1; done");
            assertThat(out).isEqualTo("0\napi-answer\n");
            gantry.docker(0, "rm", "-f", "api");
        } finally {
            gantry.docker(DockerCli.ANY_EXIT, "network", "rm", "linknet");
        }
    }

    private interface Docker {
        String run(int expectedExit, String... args) throws Exception;
    }

    /** The same commands on either engine: an image exposing 3306, a target, a consumer reporting what it sees. */
    private static String linkReport(Docker docker) throws Exception {
        docker.run(0, "run", "--name", "base", "busybox", "true");
        docker.run(0, "commit", "--change", "EXPOSE 3306/tcp", "--change", "ENV MYSQL_DATABASE=wp", "base", "dbimage");
        docker.run(0, "run", "-d", "--name", "mariadb", "--expose", "3307", "--expose", "53/udp",
                "-e", "MYSQL_ROOT_PASSWORD=secret", "dbimage", "sleep", "300");
        try {
            String report = docker.run(0, "run", "--name", "wordpress", "--link", "mariadb:db_1", "busybox", "sh", "-c",
                    REPORT);
            return report + "---\n" + docker.run(0, "inspect", "-f", "{{json .HostConfig.Links}}", "wordpress");
        } finally {
            docker.run(0, "rm", "-f", "wordpress", "mariadb", "base");
            docker.run(0, "rmi", "dbimage");
        }
    }

    private static String daemonError(String output) {
        return output.lines().filter(l -> l.startsWith("Error response from daemon: ")).findFirst().orElse(output)
                .strip();
    }

    private static String[] withPullNever(String[] args) {
        if (!args[0].equals("run")) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "run";
        out[1] = "--pull=never";
        System.arraycopy(args, 1, out, 2, args.length - 1);
        return out;
    }

    /**
     * The consumer's link variables, sorted (busybox's shell passes its environment on in the order of its own hash
     * table, not the engine's), with addresses masked.
     */
    private static List<String> linkVariables(String report) {
        return report.substring(0, report.indexOf("---\n")).lines().filter(l -> l.startsWith("DB_1_"))
                .map(LinksDockerParityTest::mask).sorted().toList();
    }

    /** The consumer's hosts file with addresses and container IDs masked. */
    private static List<String> hosts(String report) {
        String[] parts = report.split("---\n");
        return parts[1].lines().map(LinksDockerParityTest::mask).toList();
    }

    /** The consumer's {@code HostConfig.Links} as inspect shows them. */
    private static String inspected(String report) {
        return report.split("---\n")[2].strip();
    }

    private static String mask(String line) {
        return line.replaceAll("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b", "<ip>")
                .replaceAll("\\b[0-9a-f]{12}\\b", "<id>");
    }
}
