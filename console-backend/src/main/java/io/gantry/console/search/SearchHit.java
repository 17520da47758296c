package io.gantry.console.search;

import io.gantry.console.template.TemplateEntry;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One thing found: a template, or an image that can be run. */
public sealed interface SearchHit {

    /** The source that found it. */
    String source();

    /** A template of the library. */
    record TemplateHit(String source, TemplateEntry entry) implements SearchHit {
        public TemplateHit {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * An image repository.
     *
     * @param repository the name to pull it by, without a tag: {@code busybox}, {@code 127.0.0.1:5000/team/app}
     * @param description what the registry says about it, or null
     * @param official    a Docker Official Image
     * @param stars       Docker Hub's star count, 0 where there is none
     * @param tags        tags already known (a local image's); empty when they are loaded on demand
     * @param local       the engine has it already
     */
    record ImageHit(String source, String repository, @Nullable String description, boolean official, int stars,
                    List<String> tags, boolean local) implements SearchHit {

        public ImageHit {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(repository, "repository");
            tags = List.copyOf(tags);
        }

        /** What running it with this tag pulls: {@code repository:tag}. */
        public String reference(String tag) {
            return repository + ":" + tag;
        }
    }
}
