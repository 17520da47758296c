package io.gantry.console.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineClientFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The images page's service against a real engine pulling from a loopback registry. */
class ImageOperationsTest extends MirroredEngineTest {

    @Autowired
    EngineClient client;
    @Autowired
    ImageOperations images;

    @AfterEach
    void clean() {
        client.listContainers(true).forEach(c -> client.removeContainer(c.id(), true));
        client.listImages().forEach(i -> client.removeImage(i.id(), true));
    }

    @Test
    void a_pull_reports_layer_progress_and_the_image_is_listed_by_tag() {
        List<PullProgress> steps = new ArrayList<>();

        images.pull("busybox", steps::add);

        assertThat(steps).filteredOn(PullProgress::isLayer).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo("Downloading");
            assertThat(p.fraction()).isBetween(0.0, 1.0);
        });
        assertThat(steps).filteredOn(s -> !s.isLayer()).extracting(PullProgress::status)
                .anySatisfy(s -> assertThat(s).contains("Pulling from library/busybox"));
        List<ImageRow> rows = images.list();
        assertThat(rows).extracting(ImageRow::reference).containsExactly("busybox:latest");
        assertThat(rows.get(0).size()).isPositive();
        assertThat(rows.get(0).usedBy()).isEmpty();
    }

    @Test
    void an_unknown_image_fails_with_the_registrys_reason_and_a_malformed_name_is_refused() {
        assertThatThrownBy(() -> images.pull("no-such-image:1", p -> { })).isInstanceOf(EngineCallException.class)
                .hasMessageContaining("no-such-image");
        assertThatThrownBy(() -> images.pull("two words", p -> { })).isInstanceOf(InvalidImageReferenceException.class);
    }

    @Test
    void an_image_in_use_is_refused_with_the_reason_and_others_in_the_same_removal_still_go() {
        images.pull("busybox:latest", p -> { });
        client.createContainer("user", EngineClientFixtures.busybox("true"));
        ImageRow busybox = images.list().get(0);
        images.tag(busybox, "mine/copy:v1");
        assertThat(images.list()).extracting(ImageRow::reference).containsExactly("busybox:latest", "mine/copy:v1");
        assertThat(images.list()).allSatisfy(r -> assertThat(r.usedBy()).containsExactly("user"));

        RemovalResult first = images.remove(images.list());
        assertThat(first.removed()).containsExactly("busybox:latest");
        assertThat(first.refused()).containsOnlyKeys("mine/copy:v1");
        assertThat(first.refused().get("mine/copy:v1")).contains("a container is using its referenced image");
        assertThat(images.list()).extracting(ImageRow::reference).containsExactly("mine/copy:v1");
    }
}
