package io.gantry.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.EngineException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Docker Hub's search API, against the search index double on loopback standing in for index.docker.io. */
class IndexSearchTest {

    static final List<SearchIndexDouble.Repository> HUB = List.of(
            new SearchIndexDouble.Repository("busybox", "Busybox base image.", 3400, true),
            new SearchIndexDouble.Repository("someone/busybox-tools", "Extra tools on busybox", 12, false),
            new SearchIndexDouble.Repository("mariadb", "MariaDB Server is a high performing open source database", 6000, true),
            new SearchIndexDouble.Repository("wordpress", "The WordPress rich content management system", 5600, true));

    static SearchIndexDouble hub;
    static SearchIndexDouble otherIndex;
    static RegistryClient client;

    @BeforeAll
    static void startIndexes() throws Exception {
        hub = SearchIndexDouble.start(HUB);
        otherIndex = SearchIndexDouble.start(List.of(new SearchIndexDouble.Repository("team/app", "In-house app", 0, false)));
        client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(otherIndex.host())).withIndex(hub.url()));
    }

    @AfterAll
    static void stopIndexes() {
        hub.close();
        otherIndex.close();
    }

    @Test
    void finds_repositories_with_their_description_stars_and_official_flag() {
        List<SearchResult> found = client.search("busybox", 25, null);

        assertThat(found).containsExactly(new SearchResult("busybox", "Busybox base image.", true, 3400, false),
                new SearchResult("someone/busybox-tools", "Extra tools on busybox", false, 12, false));
        assertThat(hub.requests()).last().isEqualTo("q=busybox&n=25");
    }

    @Test
    void passes_the_limit_and_drops_library_for_the_official_index() {
        assertThat(client.search("library/mariadb", 1, null)).extracting(SearchResult::name).containsExactly("mariadb");
        assertThat(hub.requests()).last().isEqualTo("q=mariadb&n=1");
    }

    @Test
    void a_term_naming_a_registry_searches_that_registry_s_index() {
        assertThat(client.search(otherIndex.host() + "/app", 10, null)).extracting(SearchResult::name).containsExactly("team/app");
        assertThat(otherIndex.requests()).containsExactly("q=app&n=10");
    }

    @Test
    void a_limit_outside_1_to_100_is_refused_before_asking() {
        int asked = hub.requests().size();
        assertThatThrownBy(() -> client.search("busybox", 101, null)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("limit 101 is outside the range of [1, 100]")
                .extracting(e -> ((EngineException) e).kind()).isEqualTo(EngineException.Kind.INVALID_ARGUMENT);
        assertThat(hub.requests()).hasSize(asked);
    }

    @Test
    void an_unreachable_index_fails_with_its_own_address() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // nothing listens once closed
        }
        URI dead = URI.create("http://127.0.0.1:" + port);
        RegistryClient toDeadIndex = new RegistryClient(RegistrySettings.onlyConfigured(Set.of()).withIndex(dead));

        assertThatThrownBy(() -> toDeadIndex.search("busybox", 5, null)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("search busybox at " + dead)
                .extracting(e -> ((EngineException) e).kind()).isEqualTo(EngineException.Kind.UNAVAILABLE);
    }

    @Test
    void docker_hub_s_own_index_is_not_contacted_when_only_configured_registries_are_allowed() {
        RegistryClient defaults = new RegistryClient(RegistrySettings.onlyConfigured(Set.of()));
        assertThatThrownBy(() -> defaults.search("busybox", 5, null)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("index.docker.io is not a configured registry");
    }
}
