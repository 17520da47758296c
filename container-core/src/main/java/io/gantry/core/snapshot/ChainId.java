package io.gantry.core.snapshot;

import java.util.regex.Pattern;

/** A layer's chain ID ({@code sha256:<64 hex>}), safe to use as a directory name once validated. */
public record ChainId(String value) {

    private static final Pattern FORM = Pattern.compile("sha256:[a-f0-9]{64}");

    public ChainId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a sha256 chain ID: " + value);
        }
    }

    public static ChainId parse(String value) {
        return new ChainId(value);
    }

    /** The hex part, used as the layer's directory name. */
    public String hex() {
        return value.substring("sha256:".length());
    }

    @Override
    public String toString() {
        return value;
    }
}
