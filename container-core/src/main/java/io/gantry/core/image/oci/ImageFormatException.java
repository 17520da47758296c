package io.gantry.core.image.oci;

/** Manifest, index or config JSON that is not what the specs allow; the message says what is wrong. */
public final class ImageFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
