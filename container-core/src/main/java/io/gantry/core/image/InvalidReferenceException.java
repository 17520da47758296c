package io.gantry.core.image;

/** An image reference that Docker would refuse too; the message quotes the input and says what is wrong. */
public final class InvalidReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidReferenceException(String reference, String reason) {
        super("invalid reference format '" + reference + "': " + reason);
    }
}
