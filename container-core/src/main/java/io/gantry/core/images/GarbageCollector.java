package io.gantry.core.images;

import io.gantry.core.content.ContentInfo;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mark and sweep: every blob an image record reaches (index, manifest, config, layer blobs) and every layer of a
 * recorded image or a container stays; the rest of the content store and the snapshotter's layers goes. The caller
 * holds the lock that keeps pulls, loads and commits out while it runs, since their content is not recorded yet.
 */
final class GarbageCollector {

    private final ContentStore content;
    private final Snapshotter snapshotter;

    GarbageCollector(ContentStore content, Snapshotter snapshotter) {
        this.content = content;
        this.snapshotter = snapshotter;
    }

    GcReport collect(List<ImageRecord> images, Set<ChainId> containerLayers) {
        try {
            Set<Digest> liveBlobs = new HashSet<>();
            Set<ChainId> liveLayers = new HashSet<>(containerLayers);
            for (ImageRecord image : images) {
                markManifest(image.manifest().digest(), liveBlobs);
                for (String digestRef : image.digests()) {
                    markManifest(Digest.parse(digestRef.substring(digestRef.lastIndexOf('@') + 1)), liveBlobs);
                }
                liveLayers.addAll(image.layers());
            }
            List<ContentInfo> deadBlobs = new ArrayList<>();
            content.walk(info -> {
                if (!liveBlobs.contains(info.digest())) {
                    deadBlobs.add(info);
                }
            });
            long bytes = 0;
            for (ContentInfo blob : deadBlobs) {
                content.delete(blob.digest());
                bytes += blob.size();
            }
            int layers = 0;
            for (ChainId layer : snapshotter.layers()) {
                if (!liveLayers.contains(layer)) {
                    bytes += LayerUnpacker.measure(snapshotter.layerPath(layer));
                    snapshotter.removeLayer(layer);
                    layers++;
                }
            }
            return new GcReport(deadBlobs.size(), layers, bytes);
        } catch (IOException e) {
            throw new FailedPreconditionException("collect garbage: " + e.getMessage(), e);
        }
    }

    /** Marks a manifest or index and what it references that the store holds (an index's other platforms may be absent). */
    private void markManifest(Digest digest, Set<Digest> live) throws IOException {
        if (!live.add(digest) || !content.exists(digest)) {
            return;
        }
        byte[] body;
        try (InputStream in = content.open(digest)) {
            body = in.readAllBytes();
        }
        String mediaType = OciJson.mediaTypeOf(body);
        if (MediaTypes.isIndex(mediaType)) {
            for (OciDescriptor entry : OciJson.parseIndex(body).manifests()) {
                markManifest(entry.toDescriptor().digest(), live);
            }
        } else if (MediaTypes.isManifest(mediaType)) {
            Manifest manifest = OciJson.parseManifest(body);
            live.add(manifest.config().toDescriptor().digest());
            manifest.layers().forEach(layer -> live.add(layer.toDescriptor().digest()));
        }
    }
}
