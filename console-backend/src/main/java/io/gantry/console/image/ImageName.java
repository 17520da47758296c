package io.gantry.console.image;

/**
 * An image reference as people type it: {@code busybox}, {@code mariadb:11}, {@code 127.0.0.1:5000/team/app:1.0};
 * no tag means {@code latest}. A registry's port is not mistaken for a tag.
 */
public record ImageName(String repository, String tag) {

    public ImageName {
        if (repository.isEmpty() || tag.isEmpty() || repository.contains(" ") || tag.contains(" ") || tag.contains("/")) {
            throw new InvalidImageReferenceException("an image is named like busybox or mariadb:11, not \""
                    + repository + (tag.isEmpty() ? "" : ":" + tag) + "\"");
        }
    }

    public static ImageName parse(String reference) {
        String ref = reference.strip();
        int colon = ref.lastIndexOf(':');
        boolean tagged = colon > ref.lastIndexOf('/');
        if (ref.isEmpty() || ref.contains(" ")) {
            throw new InvalidImageReferenceException("an image is named like busybox or mariadb:11, not \"" + ref + "\"");
        }
        return new ImageName(tagged ? ref.substring(0, colon) : ref, tagged ? ref.substring(colon + 1) : "latest");
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
