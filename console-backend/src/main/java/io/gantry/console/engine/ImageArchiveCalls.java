package io.gantry.console.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Images in and out of the engine as tarballs, streamed both ways: an archive can be larger than the console's heap.
 * A refusal (not an archive, a layer that would write outside its root) is thrown as {@link EngineCallException}
 * with the engine's reason.
 */
public interface ImageArchiveCalls {

    /** {@code docker save NAME}: writes the image's archive ({@code manifest.json}, configs, layers) to {@code out}. */
    void saveImage(String name, OutputStream out);

    /**
     * {@code docker load}: loads a {@code docker save} archive or an OCI image layout tarball of {@code length} bytes.
     *
     * @return what the engine loaded, as it says it: {@code Loaded image: busybox:latest}, {@code Loaded image ID: …}
     */
    List<String> loadImages(InputStream archive, long length);

    /**
     * {@code docker import}: makes a one-layer image of a root filesystem tarball of {@code length} bytes, tagged
     * {@code reference} ({@code repo[:tag]}) unless that is null.
     *
     * @return the new image's id
     */
    String importRootfs(InputStream tarball, long length, @Nullable String reference);
}
