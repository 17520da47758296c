package io.gantry.core.content;

/**
 * What is known of a blob before it is read: its media type, digest and size.
 *
 * @param mediaType the blob's media type, e.g. {@code application/vnd.oci.image.layer.v1.tar+gzip}
 * @param digest    its digest
 * @param size      its size in bytes, never negative
 */
public record Descriptor(String mediaType, Digest digest, long size) {

    public Descriptor {
        if (mediaType.isBlank()) {
            throw new IllegalArgumentException("descriptor of " + digest + " has no media type");
        }
        if (size < 0) {
            throw new IllegalArgumentException("descriptor of " + digest + " has a negative size: " + size);
        }
    }

    /** A descriptor of {@code bytes} with the given media type. */
    public static Descriptor of(String mediaType, byte[] bytes) {
        return new Descriptor(mediaType, Digest.of(bytes), bytes.length);
    }
}
