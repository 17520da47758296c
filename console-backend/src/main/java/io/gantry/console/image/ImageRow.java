package io.gantry.console.image;

import java.time.Instant;
import java.util.List;

/**
 * One tag of an image on the images page (an untagged image is one row named {@link #UNTAGGED}).
 *
 * @param reference {@code busybox:latest}, or {@link #UNTAGGED}
 * @param usedBy    names of the containers created from the image, running or not
 */
public record ImageRow(String id, String reference, long size, Instant created, List<String> usedBy) {

    public static final String UNTAGGED = "<none>";

    public ImageRow {
        usedBy = List.copyOf(usedBy);
    }

    /** What a removal names: the tag, or the id for an untagged image. */
    public String removalName() {
        return reference.equals(UNTAGGED) ? id : reference;
    }

    /** How the page and the activity log name it: the tag, or the short id of an untagged image. */
    public String shownName() {
        return reference.equals(UNTAGGED) ? shortId() : reference;
    }

    /** {@code sha256:} and the first 12 hex digits, as {@code docker images} shows it. */
    public String shortId() {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
