package io.gantry.console.image;

import io.gantry.console.engine.EngineClient;

/** Lets tests of other features build the image service without Spring. */
public final class ImageOperationsAccess {

    private ImageOperationsAccess() {
    }

    public static ImageOperations of(EngineClient engine) {
        return new ImageOperations(engine);
    }
}
