package io.gantry.console.app;

import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.errors.ConsoleException;
import io.gantry.console.image.ImageOperations;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ImageInspect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Makes sure the engine has every image of an application, pulling the missing ones, and reads what each brings. */
final class ImageSupply {

    private final EngineClient engine;
    private final ImageOperations images;

    ImageSupply(EngineClient engine, ImageOperations images) {
        this.engine = engine;
        this.images = images;
    }

    /**
     * Pulls each image the engine lacks (reporting every step) and returns the defaults of all of them.
     *
     * @param operation what the images are for, to begin an error message: {@code Deploying Shop}
     * @throws DeployFailedException naming the first service whose image cannot be had, with the engine's reason
     */
    Function<String, ImageDefaults> ensure(String operation, List<AppService> services,
                                           Consumer<DeployProgress> progress) {
        Map<String, ImageDefaults> defaults = new LinkedHashMap<>();
        for (AppService s : services) {
            if (!defaults.containsKey(s.image())) {
                try {
                    defaults.put(s.image(), defaults(inspectOrPull(s.image(), progress)));
                } catch (ConsoleException e) {
                    throw new DeployFailedException(operation + ": service '" + s.name() + "': image "
                            + s.image() + " cannot be pulled: " + e.getMessage(), s.name(), e);
                }
            }
        }
        return ImageDefaults.of(defaults);
    }

    /**
     * For an edit: pulls what the edited services need that the current ones did not use (a new image or tag), and
     * reads what the engine has of the others without pulling them, so that an edit never waits on a registry for a
     * service it leaves alone. An image the engine no longer has counts as bringing nothing, for the old plan and
     * the new alike.
     */
    Function<String, ImageDefaults> ensureNew(String operation, List<AppService> current, List<AppService> edited,
                                              Consumer<DeployProgress> progress) {
        List<String> known = current.stream().map(AppService::image).toList();
        Function<String, ImageDefaults> pulled = ensure(operation,
                edited.stream().filter(s -> !known.contains(s.image())).toList(), progress);
        Map<String, ImageDefaults> defaults = new LinkedHashMap<>();
        for (AppService s : current) {
            defaults.computeIfAbsent(s.image(), this::inspectIfPresent);
        }
        return image -> defaults.containsKey(image) ? defaults.get(image) : pulled.apply(image);
    }

    /** What the engine's images of these services bring, without pulling: an image it lacks brings nothing. */
    Function<String, ImageDefaults> lookup(List<AppService> current, List<AppService> edited) {
        Map<String, ImageDefaults> defaults = new LinkedHashMap<>();
        for (List<AppService> services : List.of(current, edited)) {
            services.forEach(s -> defaults.computeIfAbsent(s.image(), this::inspectIfPresent));
        }
        return ImageDefaults.of(defaults);
    }

    private ImageDefaults inspectIfPresent(String image) {
        try {
            return defaults(engine.inspectImage(image));
        } catch (EngineCallException e) {
            if (e.isNotFound()) {
                return ImageDefaults.NONE;
            }
            throw e;
        }
    }

    private ImageInspect inspectOrPull(String image, Consumer<DeployProgress> progress) {
        try {
            return engine.inspectImage(image);
        } catch (EngineCallException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        images.pull(image, step -> progress.accept(new DeployProgress.Pulling(image, step)));
        return engine.inspectImage(image);
    }

    private static ImageDefaults defaults(ImageInspect image) {
        ContainerConfig c = image.config();
        if (c == null) {
            return ImageDefaults.NONE;
        }
        return new ImageDefaults(c.exposedPorts() == null ? List.of() : List.copyOf(c.exposedPorts().keySet()),
                c.env() == null ? List.of() : c.env(), c.volumes() == null ? List.of() : List.copyOf(c.volumes().keySet()));
    }
}
