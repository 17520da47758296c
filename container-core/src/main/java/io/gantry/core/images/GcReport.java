package io.gantry.core.images;

/**
 * What a garbage collection removed.
 *
 * @param blobs          content-store blobs deleted
 * @param layers         unpacked layers deleted
 * @param bytesReclaimed their bytes (blob sizes plus the layers' recorded file content)
 */
public record GcReport(int blobs, int layers, long bytesReclaimed) {
}
