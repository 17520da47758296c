package io.gantry.console.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.TestEngine;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.engine.UnixSocketEngineClient;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.SearchIndexDouble;
import io.gantry.core.testing.Privileged;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registry images in one search: Docker Hub's search through a real engine configured with a declared index double,
 * tags from the engine's loopback mirror, and the catalogs of configured registries, one of them unreachable and one
 * that never answers: each of those costs only its own error line.
 */
@Privileged
class RegistrySearchTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static SearchIndexDouble index;
    static TestEngine engine;
    static EngineClient client;

    @BeforeAll
    static void start() throws Exception {
        TestEngine.pushBusybox(REGISTRY.host());
        index = SearchIndexDouble.start(List.of(
                new SearchIndexDouble.Repository("busybox", "Busybox base image.", 3400, true),
                new SearchIndexDouble.Repository("someone/busy-tool", "A tool built on busybox.", 12, false)));
        engine = TestEngine.startWithMirror(REGISTRY.host(), index.url());
        client = new UnixSocketEngineClient(new EngineEndpoint(engine.socket(), true),
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        index.close();
    }

    @Test
    void docker_hub_hits_come_from_the_engines_index_with_tags_from_its_mirror() {
        SearchService search = service(List.of());

        SearchResults found = search.search("busy");

        assertThat(found.failures()).isEmpty();
        assertThat(found.registryImages()).filteredOn(h -> h.source().equals(DockerHubSearch.NAME))
                .extracting(SearchHit.ImageHit::repository, SearchHit.ImageHit::official, SearchHit.ImageHit::stars)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("busybox", true, 3400),
                        org.assertj.core.groups.Tuple.tuple("someone/busy-tool", false, 12));
        SearchHit.ImageHit busybox = found.registryImages().get(0);
        assertThat(busybox.tags()).as("loaded on demand").isEmpty();
        assertThat(search.tags(busybox)).containsExactly("latest");
        assertThat(index.requests()).anyMatch(q -> q.contains("q=busy"));
    }

    @Test
    void a_configured_registrys_catalog_is_searched_and_unreachable_or_silent_ones_are_reported_alone()
            throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int closed = closedPort();
            RegistryTags tags = RegistryTags.withDefaults();
            SearchService search = service(List.of(
                    new RegistryCatalogSource("Team registry", REGISTRY.host(), () -> null, tags),
                    new RegistryCatalogSource("Old registry", "127.0.0.1:" + closed, () -> null, tags),
                    new RegistryCatalogSource("Stuck registry", "127.0.0.1:" + silent.getLocalPort(), () -> null, tags)));

            long started = System.nanoTime();
            SearchResults found = search.search("busybox");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(found.registryImages()).filteredOn(h -> h.source().equals("Team registry"))
                    .extracting(SearchHit.ImageHit::repository).containsExactly(REGISTRY.host() + "/library/busybox");
            assertThat(found.registryImages()).anyMatch(h -> h.source().equals(DockerHubSearch.NAME));
            assertThat(found.failures()).extracting(SourceFailure::source)
                    .containsExactlyInAnyOrder("Old registry", "Stuck registry");
            assertThat(found.failures()).filteredOn(f -> f.source().equals("Stuck registry")).singleElement()
                    .extracting(SourceFailure::message).asString().contains("did not answer within 2 s");
            assertThat(found.failures()).filteredOn(f -> f.source().equals("Old registry")).singleElement()
                    .extracting(SourceFailure::message).asString().contains("127.0.0.1:" + closed);
            assertThat(took).as("one deadline for all sources").isLessThan(Duration.ofSeconds(10));

            SearchHit.ImageHit team = found.registryImages().stream().filter(h -> h.source().equals("Team registry"))
                    .findFirst().orElseThrow();
            assertThat(search.tags(team)).containsExactly("latest");
            assertThat(team.reference("latest")).isEqualTo(REGISTRY.host() + "/library/busybox:latest");
            SearchHit.ImageHit gone = new SearchHit.ImageHit("Old registry", "127.0.0.1:" + closed + "/library/busybox",
                    null, false, 0, List.of(), false);
            assertThatThrownBy(() -> search.tags(gone)).isInstanceOf(SearchFailedException.class)
                    .hasMessageStartingWith("Tags of 127.0.0.1:" + closed + "/library/busybox: ");
        }
    }

    private static SearchService service(List<SearchSource> registries) {
        return new SearchService(List.of(new LocalImageSearch(client), new DockerHubSearch(client, RegistryTags.withDefaults())),
                List.of(() -> registries), Duration.ofSeconds(2));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
