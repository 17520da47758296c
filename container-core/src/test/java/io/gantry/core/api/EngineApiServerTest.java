package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.events.EventLog;
import io.gantry.core.registry.RegistrySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineApiServerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    Path socket;
    EngineApi api;

    @BeforeEach
    void serve() throws IOException {
        socket = Files.createTempDirectory("gapi").resolve("gantry.sock");
        api = EngineApi.serve(new EngineApi.Settings("test-engine", data, socket, List.of("http://127.0.0.1:5000"),
                RegistrySettings.onlyConfigured(java.util.Set.of("127.0.0.1:5000"))), new EngineApi.Services(new EventLog(Clock.systemUTC()), java.util.Optional.empty(), java.util.Optional.empty()));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        Files.deleteIfExists(socket.getParent());
    }

    @Test
    void the_socket_is_only_for_its_owner_and_group() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
    }

    @Test
    void head_ping_answers_with_the_headers_the_cli_reads() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            RawHttp.Response ping = http.request("HEAD", "/_ping");

            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.headers()).containsEntry("Api-Version", "1.47").containsEntry("Ostype", "linux")
                    .containsEntry("Content-Length", "0").containsKey("Docker-Experimental");
        }
    }

    @Test
    void one_connection_carries_several_requests() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            assertThat(http.request("GET", "/_ping").body()).isEqualTo("OK");
            assertThat(http.request("GET", "/v1.47/version").status()).isEqualTo(200);
            assertThat(http.request("GET", "/v1.41/info").status()).isEqualTo(200);
        }
    }

    @Test
    void an_error_answered_before_the_body_arrives_reads_the_body_before_closing() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            http.send("POST /v1.47/nothing/here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n");
            assertThat(http.read(false).status()).isEqualTo(404);
            // Closed with the body unread, the connection would be reset and these writes fail with a broken pipe.
            for (int i = 0; i < 200; i++) {
                http.sendBytes(new byte[1000]);
            }
            assertThat(http.rawIn().read()).as("an orderly end after the answer").isEqualTo(-1);
        }
    }

    @Test
    void version_reports_the_api_range() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            JsonNode version = JSON.readTree(http.request("GET", "/v1.47/version").body());

            assertThat(version.get("ApiVersion").asText()).isEqualTo("1.47");
            assertThat(version.get("MinAPIVersion").asText()).isEqualTo("1.24");
            assertThat(version.get("Os").asText()).isEqualTo("linux");
            assertThat(version.get("KernelVersion").asText())
                    .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        }
    }

    @Test
    void info_reports_the_host_the_data_root_and_the_registry_settings() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            JsonNode info = JSON.readTree(http.request("GET", "/info").body());

            assertThat(info.get("NCPU").asInt()).isEqualTo(
                    (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count());
            assertThat(info.get("DockerRootDir").asText()).isEqualTo(data.toString());
            assertThat(info.get("ID").asText()).isEqualTo("test-engine");
            assertThat(info.get("CgroupVersion").asText()).isIn("1", "2");
            assertThat(info.at("/RegistryConfig/Mirrors/0").asText()).isEqualTo("http://127.0.0.1:5000");
            assertThat(info.at("/RegistryConfig/IndexConfigs/docker.io/Mirrors/0").asText()).isEqualTo("http://127.0.0.1:5000");
            assertThat(info.at("/RegistryConfig/InsecureRegistryCIDRs/0").asText()).isEqualTo("127.0.0.0/8");
        }
    }

    @Test
    void versions_outside_the_range_are_refused_with_dockers_messages() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            RawHttp.Response old = http.request("GET", "/v1.12/version");
            assertThat(old.status()).isEqualTo(400);
            assertThat(JSON.readTree(old.body()).get("message").asText())
                    .isEqualTo("client version 1.12 is too old. Minimum supported API version is 1.24, "
                            + "please upgrade your client to a newer version");

            RawHttp.Response tooNew = http.request("GET", "/v1.99/version");
            assertThat(JSON.readTree(tooNew.body()).get("message").asText())
                    .isEqualTo("client version 1.99 is too new. Maximum supported API version is 1.47");
        }
    }

    @Test
    void an_unknown_path_is_404_page_not_found() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            RawHttp.Response response = http.request("GET", "/v1.47/nothing/here");

            assertThat(response.status()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("page not found");
            assertThat(http.request("GET", "/_ping").status()).as("the connection survives").isEqualTo(200);
        }
    }

    @Test
    void malformed_requests_get_400_and_the_server_keeps_serving() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            http.send("GARBAGE\r\n\r\n");
            assertThat(http.read(false).status()).isEqualTo(400);
        }
        try (RawHttp http = new RawHttp(socket)) {
            http.send("GET /_ping HTTP/1.1\r\n" + "X: " + "a".repeat(20_000) + "\r\n\r\n");
            assertThat(http.read(false).status()).isEqualTo(431);
        }
        try (RawHttp http = new RawHttp(socket)) {
            assertThat(http.request("GET", "/_ping").status()).isEqualTo(200);
        }
    }

    @Test
    void a_chunked_body_nobody_reads_is_skipped_and_the_connection_kept() throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            http.send("POST /_ping HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            assertThat(http.read(false).status()).isEqualTo(404);
            assertThat(http.request("GET", "/_ping").body()).isEqualTo("OK");
        }
    }

    @Test
    void a_second_engine_cannot_take_over_a_served_socket() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineApi.serve(new EngineApi.Settings("other", data,
                        socket, List.of(), RegistrySettings.defaults()), new EngineApi.Services(new EventLog(Clock.systemUTC()), java.util.Optional.empty(), java.util.Optional.empty())))
                .isInstanceOf(IOException.class).hasMessageContaining("another engine already serves");
    }
}
