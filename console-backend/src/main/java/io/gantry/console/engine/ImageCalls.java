package io.gantry.console.engine;

import io.gantry.core.api.types.ImageDeleteItem;
import io.gantry.core.api.types.ImageInspect;
import io.gantry.core.api.types.ImageSearchResult;
import io.gantry.core.api.types.ImageSummary;
import io.gantry.core.api.types.ProgressMessage;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The image endpoints of the Engine API. An image is named by a reference ({@code busybox:latest}) or an id. */
public interface ImageCalls {

    /** {@code docker images}: tagged images (and untagged ones that have no digest either). */
    List<ImageSummary> listImages();

    ImageInspect inspectImage(String name);

    /**
     * Pulls {@code image:tag}, handing each progress line to {@code progress} on the calling thread as it arrives.
     * A failure the engine reports inside the stream ({@code errorDetail}) is thrown as {@link EngineCallException}.
     */
    default void pullImage(String image, String tag, Consumer<ProgressMessage> progress) {
        pullImage(image, tag, null, progress);
    }

    /**
     * {@link #pullImage(String, String, Consumer)} with credentials for the image's registry.
     *
     * @param registryAuth the {@code X-Registry-Auth} header as Docker's clients send it (base64url JSON with
     *                     {@code username}, {@code password}, {@code serveraddress}), or null to pull anonymously
     */
    void pullImage(String image, String tag, @Nullable String registryAuth, Consumer<ProgressMessage> progress);

    /** Untags, and deletes the image once no tag is left; one in use by a container is refused (409) unless forced. */
    List<ImageDeleteItem> removeImage(String name, boolean force);

    /**
     * {@code docker search}: at most {@code limit} repositories of the engine's index (Docker Hub's, or the one it is
     * configured with) matching {@code term}.
     */
    List<ImageSearchResult> searchImages(String term, int limit);

    /** Adds the tag {@code repo:tag} to the image {@code name}. */
    void tagImage(String name, String repo, String tag);

    /** {@code docker history}: the steps that made the image {@code name}, newest first. */
    List<ImageLayer> imageHistory(String name);

    /** {@code docker image prune}: deletes dangling images (untagged, and no container uses them). */
    PrunedImages pruneImages();
}
