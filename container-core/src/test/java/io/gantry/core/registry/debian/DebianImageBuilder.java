package io.gantry.core.registry.debian;

import io.gantry.core.content.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * Finds or builds the layers of a {@link Recipe}. Each layer's cache key hashes everything that decides its content:
 * the key of the layer below, the stage (packages, files, script), the host architecture and the versions apt
 * resolves the stage's packages to on the mirror now; the base layer's key hashes debootstrap's version, the mirror
 * and the resolved versions of the packages debootstrap installs. A new Debian point release or an edited recipe
 * thus gives new keys, and the layers are built again; anything else is read from the cache.
 */
final class DebianImageBuilder {

    /** Bump when the way layers are made changes in a way the keys do not show. */
    private static final String FORMAT = "gantry-debian-layer v1";
    private static final List<String> BASE_PACKAGES = List.of("?priority(required)", "apt");

    /** The layers of a recipe (base first), what made each, and the architecture they are for. */
    record Built(List<LayerCache.CachedLayer> layers, List<String> steps, String architecture) {
    }

    private final LayerCache cache;
    private final PackageResolver resolver;
    private final StageBuilder stages;
    private final String architecture;
    private final String debootstrapVersion;

    private DebianImageBuilder(LayerCache cache, PackageResolver resolver, String architecture, String debootstrapVersion) {
        this.cache = cache;
        this.resolver = resolver;
        this.stages = new StageBuilder(resolver, cache.root());
        this.architecture = architecture;
        this.debootstrapVersion = debootstrapVersion;
    }

    /** A builder on the host's apt mirror, caching under {@code cacheRoot}; checks the tools it needs. */
    static DebianImageBuilder forHost(Path cacheRoot) throws IOException, InterruptedException {
        Commands.Result debootstrap = Commands.run(List.of("dpkg-query", "-W", "-f=${Version}", "debootstrap"), Path.of("/"));
        if (debootstrap.exit() != 0 || !Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
            throw new IllegalStateException("debootstrap is missing: apt-get install debootstrap (the Debian test images are "
                    + "built with it)");
        }
        String architecture = Commands.hostArchitecture();
        Files.createDirectories(cacheRoot);
        return new DebianImageBuilder(new LayerCache(cacheRoot),
                new PackageResolver(AptMirror.ofHost(), cacheRoot.resolve("apt"), architecture), architecture,
                debootstrap.output().strip());
    }

    Built build(Recipe recipe) throws IOException, InterruptedException {
        List<LayerCache.CachedLayer> layers = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> baseVersions = resolver.resolve(BASE_PACKAGES);
        List<String> baseKey = new ArrayList<>(List.of(FORMAT, "base", "debootstrap " + debootstrapVersion, "variant minbase",
                "suite " + PackageResolver.SUITE, "mirror " + resolver.mirror().uri(), "architecture " + architecture,
                "cleanup " + StageBuilder.BASE_CLEANUP));
        baseKey.addAll(baseVersions);
        layers.add(cache.get(key(baseKey), out -> {
            Path work = cache.newWorkDirectory();
            try {
                stages.buildBase(work, out);
                Files.writeString(out.resolve("packages.txt"), String.join("\n", baseVersions) + "\n");
            } finally {
                Trees.delete(work);
            }
        }));
        steps.add("debootstrap --variant=minbase " + PackageResolver.SUITE + " " + resolver.mirror().uri());
        for (Stage stage : recipe.stages()) {
            List<String> versions = stage.packages().isEmpty() ? List.of() : resolver.resolve(stage.packages());
            List<LayerCache.CachedLayer> below = List.copyOf(layers);
            layers.add(cache.get(stageKey(below.get(below.size() - 1).key(), stage, versions), out -> {
                Path work = cache.newWorkDirectory();
                try {
                    stages.buildStage(stage, below, work, out);
                    Files.writeString(out.resolve("packages.txt"), String.join("\n", versions) + "\n");
                } finally {
                    Trees.delete(work);
                }
            }));
            steps.add(stage.name() + (stage.packages().isEmpty() ? "" : ": apt-get install " + String.join(" ", stage.packages())));
        }
        return new Built(layers, steps, architecture);
    }

    private String stageKey(String parentKey, Stage stage, List<String> versions) {
        List<String> lines = new ArrayList<>(List.of(FORMAT, "parent " + parentKey, "architecture " + architecture,
                "packages " + String.join(" ", stage.packages()), "script " + stage.script()));
        for (Map.Entry<String, Stage.StageFile> file : stage.files().entrySet()) {
            lines.add("file " + file.getKey() + " " + Integer.toOctalString(file.getValue().mode()) + " "
                    + HexFormat.of().formatHex(Digest.newSha256().digest(file.getValue().content())));
        }
        lines.addAll(versions);
        return key(lines);
    }

    private static String key(List<String> lines) {
        return HexFormat.of().formatHex(Digest.newSha256().digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }
}
