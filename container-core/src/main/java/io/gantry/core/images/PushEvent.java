package io.gantry.core.images;

/**
 * One line of push progress, shaped like Docker's JSON progress stream for {@code docker push}.
 *
 * @param id      the short layer digest (12 hex digits) for layer events, the tag for {@link Status#DIGEST}, else empty
 * @param status  what happened
 * @param current bytes sent so far, for {@link Status#PUSHING}; else 0
 * @param total   the layer's size for layer events, the manifest's size for {@link Status#DIGEST}; else 0
 * @param detail  the repository for {@link Status#REFERS_TO}, the manifest digest for {@link Status#DIGEST}; else empty
 */
public record PushEvent(String id, Status status, long current, long total, String detail) {

    /** Docker's statuses; {@link #text} is Docker's wording. */
    public enum Status {
        REFERS_TO("The push refers to repository"),
        PREPARING("Preparing"),
        PUSHING("Pushing"),
        PUSHED("Pushed"),
        LAYER_EXISTS("Layer already exists"),
        DIGEST("digest:");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** Whether the event is about one layer (carries a short digest as its ID). */
        public boolean isLayerEvent() {
            return this == PREPARING || this == PUSHING || this == PUSHED || this == LAYER_EXISTS;
        }
    }

    /**
     * Docker's {@code status} field: {@code The push refers to repository [host/name]},
     * {@code <tag>: digest: sha256:… size: <n>}, or the layer status alone.
     */
    public String statusLine() {
        return switch (status) {
            case REFERS_TO -> status.text() + " [" + detail + "]";
            case DIGEST -> id + ": " + status.text() + " " + detail + " size: " + total;
            default -> status.text();
        };
    }

    static PushEvent layer(String id, Status status, long current, long total) {
        return new PushEvent(id, status, current, total, "");
    }
}
