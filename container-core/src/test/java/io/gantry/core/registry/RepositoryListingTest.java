package io.gantry.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog and tag listing against real registries, in pages smaller than the lists so that only following the
 * registry's {@code Link} headers finds everything; the token registry asks for the {@code registry:catalog:*} scope.
 */
class RepositoryListingTest {

    @RegisterExtension
    static final LocalRegistry PLAIN = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry TOKEN = LocalRegistry.withTokenAuth();

    static final List<String> REPOSITORIES = List.of("apps/web", "base", "db", "tools/cli", "zeta");
    static final List<String> TAGS = List.of("1", "1.1", "2", "edge", "latest");

    @TempDir
    static Path shared;

    static RegistryClient client;

    @BeforeAll
    static void pushRepositoriesAndTags() throws Exception {
        Set<String> hosts = new HashSet<>(PLAIN.hosts());
        hosts.addAll(TOKEN.hosts());
        client = new RegistryClient(RegistrySettings.onlyConfigured(hosts));
        ContentStore source = FileContentStore.open(shared.resolve("source"));
        TestImages.TestImage image = TestImages.single(source, MediaTypes.OCI_MANIFEST, "hello", "listed");
        for (LocalRegistry registry : List.of(PLAIN, TOKEN)) {
            for (String repository : REPOSITORIES) {
                TestImages.push(client, source, ImageReference.parse(registry.host() + "/" + repository + ":1"), image,
                        registry.credentials());
            }
            for (String tag : TAGS) {
                TestImages.push(client, source, ImageReference.parse(registry.host() + "/base:" + tag), image,
                        registry.credentials());
            }
        }
    }

    @Test
    void the_catalog_follows_link_headers_through_every_page() {
        assertThat(client.catalog(PLAIN.host(), 2, null)).containsExactlyElementsOf(REPOSITORIES);
        assertThat(client.catalog(TOKEN.host(), 2, LocalRegistry.USER)).containsExactlyElementsOf(REPOSITORIES);
        assertThat(TOKEN.tokenService().requests()).anyMatch(request -> request.contains("scope=registry%3Acatalog%3A*"));
    }

    @Test
    void tags_are_listed_page_by_page() {
        assertThat(client.tags(ImageReference.parse(PLAIN.host() + "/base"), 2, null)).containsExactlyInAnyOrderElementsOf(TAGS);
        assertThat(client.tags(ImageReference.parse(TOKEN.host() + "/base"), 3, LocalRegistry.USER))
                .containsExactlyInAnyOrderElementsOf(TAGS);
    }

    @Test
    void an_unknown_repository_has_no_tags_to_list() {
        assertThatThrownBy(() -> client.tags(ImageReference.parse(PLAIN.host() + "/nothing/here"), 10, null))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("list tags of " + PLAIN.host() + "/nothing/here")
                .hasMessageContaining("NAME_UNKNOWN")
                .extracting(e -> ((RegistryException) e).status()).isEqualTo(404);
    }

    @Test
    void the_token_registry_lists_nothing_for_an_anonymous_client() {
        assertThatThrownBy(() -> client.catalog(TOKEN.host(), 10, null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("no credentials were given");
    }
}
