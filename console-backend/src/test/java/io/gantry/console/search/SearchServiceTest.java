package io.gantry.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.image.ImageOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One query over the template library and the images of a real engine that pulls from a loopback registry. */
class SearchServiceTest extends MirroredEngineTest {

    @Autowired
    SearchService search;
    @Autowired
    ImageOperations images;
    @Autowired
    EngineClient engine;

    @AfterEach
    void removeImages() {
        engine.listImages().forEach(i -> engine.removeImage(i.id(), true));
    }

    @Test
    void a_query_finds_templates_by_keyword_and_local_images_by_repository() {
        images.pull("busybox", step -> { });
        engine.tagImage("busybox:latest", "busybox", "1.36");

        SearchResults wordpress = search.search("  WordPress ");
        assertThat(wordpress.query()).isEqualTo("WordPress");
        assertThat(wordpress.templates()).extracting(t -> t.entry().id()).containsExactly("bundled:wordpress");
        assertThat(wordpress.localImages()).isEmpty();

        SearchResults busy = search.search("busy");
        assertThat(busy.templates()).isEmpty();
        assertThat(busy.localImages()).singleElement().satisfies(hit -> {
            assertThat(hit.repository()).isEqualTo("busybox");
            assertThat(hit.local()).isTrue();
            assertThat(hit.tags()).containsExactly("1.36", "latest");
            assertThat(hit.reference("1.36")).isEqualTo("busybox:1.36");
            assertThat(search.tags(hit)).containsExactly("1.36", "latest");
        });
    }

    @Test
    void a_blank_query_lists_every_template_and_every_local_image() {
        images.pull("busybox", step -> { });

        SearchResults all = search.search("");

        assertThat(all.templates()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all.localImages()).extracting(SearchHit.ImageHit::repository).containsExactly("busybox");
    }

    @Test
    void a_query_that_names_an_image_offers_to_run_it_by_that_name() {
        SearchResults named = search.search("127.0.0.1:5000/team/app:1.2");

        assertThat(named.registryImages()).filteredOn(h -> h.source().equals(ImageNameSearch.NAME)).singleElement()
                .satisfies(hit -> {
                    assertThat(hit.repository()).isEqualTo("127.0.0.1:5000/team/app");
                    assertThat(hit.tags()).containsExactly("1.2");
                    assertThat(hit.reference("1.2")).isEqualTo("127.0.0.1:5000/team/app:1.2");
                });
        assertThat(search.search("two words").registryImages()).noneMatch(h -> h.source().equals(ImageNameSearch.NAME));
        assertThat(search.search("Not/A/Reference").registryImages())
                .noneMatch(h -> h.source().equals(ImageNameSearch.NAME));
    }

    @Test
    void a_query_that_matches_nothing_is_empty_and_docker_hub_refused_by_the_engine_is_its_own_line() {
        SearchResults none = search.search("no such thing anywhere");

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.failures()).as("an engine that contacts only configured registries does not ask Docker Hub")
                .singleElement().satisfies(f -> {
                    assertThat(f.source()).isEqualTo(DockerHubSearch.NAME);
                    assertThat(f.message()).contains("index.docker.io is not a configured registry");
                });
    }
}
