package io.gantry.core.images;

import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.snapshot.ChainId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One image as {@link ImageStore} records it.
 *
 * @param id         the config digest, Docker's image ID
 * @param manifest   the platform manifest in the content store
 * @param tags       full references with a tag ({@code docker.io/library/busybox:latest})
 * @param digests    full references by digest of the manifest or index pulled ({@code docker.io/library/busybox@sha256:…})
 * @param added      when it was first recorded
 * @param layers     its layers' chain IDs, base first
 * @param layerSizes bytes of file content in each layer, in the same order
 */
record ImageRecord(Digest id, Descriptor manifest, List<String> tags, List<String> digests, Instant added,
                   List<ChainId> layers, List<Long> layerSizes) {

    ImageRecord {
        tags = List.copyOf(tags);
        digests = List.copyOf(digests);
        layers = List.copyOf(layers);
        layerSizes = List.copyOf(layerSizes);
        if (layers.size() != layerSizes.size()) {
            throw new IllegalArgumentException("image " + id + ": " + layers.size() + " layers but " + layerSizes.size() + " sizes");
        }
    }

    long size() {
        return layerSizes.stream().mapToLong(Long::longValue).sum();
    }

    ImageRecord withTag(String tag) {
        if (tags.contains(tag)) {
            return this;
        }
        List<String> more = new ArrayList<>(tags);
        more.add(tag);
        return new ImageRecord(id, manifest, more, digests, added, layers, layerSizes);
    }

    ImageRecord withDigest(String digestRef) {
        if (digests.contains(digestRef)) {
            return this;
        }
        List<String> more = new ArrayList<>(digests);
        more.add(digestRef);
        return new ImageRecord(id, manifest, tags, more, added, layers, layerSizes);
    }

    ImageRecord withoutTag(String tag) {
        return new ImageRecord(id, manifest, tags.stream().filter(t -> !t.equals(tag)).toList(), digests, added, layers,
                layerSizes);
    }

    ImageRecord withoutReferences() {
        return new ImageRecord(id, manifest, List.of(), List.of(), added, layers, layerSizes);
    }

    /** No tag: Docker's {@code <none>:<none>}, what {@code image prune} removes. */
    boolean dangling() {
        return tags.isEmpty();
    }
}
