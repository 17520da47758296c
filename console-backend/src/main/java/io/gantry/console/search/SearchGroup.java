package io.gantry.console.search;

/** The sections of the search page, in the order shown. */
public enum SearchGroup {
    TEMPLATES("Templates"),
    LOCAL_IMAGES("Local images"),
    REGISTRY_IMAGES("Registry images");

    private final String title;

    SearchGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
