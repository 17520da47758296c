package io.gantry.core.images;

/**
 * One line of pull progress, shaped like Docker's JSON progress stream so the Engine API can write it as
 * {@code {"status":…,"id":…,"progressDetail":{"current":…,"total":…}}}.
 *
 * @param id      the short layer digest (12 hex digits) for layer events, the tag or digest for image events, or empty
 * @param status  what happened
 * @param current bytes done, for {@link Status#DOWNLOADING} and {@link Status#EXTRACTING}; else 0
 * @param total   the layer's (compressed) size for layer events; else 0
 * @param detail  the text after the status for image events ({@code library/busybox}, a digest, a reference)
 */
public record PullEvent(String id, Status status, long current, long total, String detail) {

    /** Docker's statuses, in the order a layer goes through them; {@link #text} is Docker's wording. */
    public enum Status {
        PULLING_FROM("Pulling from"),
        PULLING_FS_LAYER("Pulling fs layer"),
        DOWNLOADING("Downloading"),
        VERIFYING("Verifying Checksum"),
        DOWNLOAD_COMPLETE("Download complete"),
        EXTRACTING("Extracting"),
        PULL_COMPLETE("Pull complete"),
        ALREADY_EXISTS("Already exists"),
        DIGEST("Digest:"),
        DOWNLOADED_NEWER("Status: Downloaded newer image for"),
        UP_TO_DATE("Status: Image is up to date for");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** Whether the event is about one layer (carries a short digest as its ID). */
        public boolean isLayerEvent() {
            return this != PULLING_FROM && this != DIGEST && this != DOWNLOADED_NEWER && this != UP_TO_DATE;
        }
    }

    /** Docker's {@code status} field: the wording, plus the detail for image events. */
    public String statusLine() {
        return detail.isEmpty() ? status.text() : status.text() + " " + detail;
    }

    static PullEvent layer(String id, Status status, long current, long total) {
        return new PullEvent(id, status, current, total, "");
    }

    static PullEvent image(String id, Status status, String detail) {
        return new PullEvent(id, status, 0, 0, detail);
    }
}
