package io.gantry.core.registry.debian;

import io.gantry.core.content.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The recipe's layers from the cache, building (under the cache's build lock) those it does not hold. */
    Built build(Recipe recipe) throws IOException, InterruptedException {
        List<List<String>> versions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        versions.add(resolver.resolve(BASE_PACKAGES));
        List<String> baseKey = new ArrayList<>(List.of(FORMAT, "base", "debootstrap " + debootstrapVersion, "variant minbase",
                "suite " + PackageResolver.SUITE, "mirror " + resolver.mirror().uri(), "architecture " + architecture,
                "cleanup " + StageBuilder.BASE_CLEANUP));
        baseKey.addAll(versions.get(0));
        keys.add(key(baseKey));
        steps.add("debootstrap --variant=minbase " + PackageResolver.SUITE + " " + resolver.mirror().uri());
        for (Stage stage : recipe.stages()) {
            versions.add(stage.packages().isEmpty() ? List.of() : resolver.resolve(stage.packages()));
            keys.add(stageKey(keys.get(keys.size() - 1), stage, versions.get(versions.size() - 1)));
            steps.add(stage.name() + (stage.packages().isEmpty() ? "" : ": apt-get install " + String.join(" ", stage.packages())));
        }
        List<LayerCache.CachedLayer> layers = cached(keys);
        if (layers.size() < keys.size()) {
            layers = cache.underBuildLock(() -> buildMissing(recipe, keys, versions));
        }
        return new Built(layers, steps, architecture);
    }

    /** The cached layers of {@code keys}, stopping at the first that is missing. */
    private List<LayerCache.CachedLayer> cached(List<String> keys) throws IOException {
        List<LayerCache.CachedLayer> layers = new ArrayList<>();
        for (String key : keys) {
            Optional<LayerCache.CachedLayer> layer = cache.find(key);
            if (layer.isEmpty()) {
                break;
            }
            layers.add(layer.get());
        }
        return layers;
    }

    /**
     * Builds the layers the cache lacks, in order. Each built layer's tree (debootstrap's root, a stage's overlay
     * upper directory) stays in the session's scratch directory as a lower of the next stage; a layer found in the
     * cache is extracted only when a stage above it needs it.
     */
    private List<LayerCache.CachedLayer> buildMissing(Recipe recipe, List<String> keys, List<List<String>> versions)
            throws IOException, InterruptedException {
        Path work = Files.createDirectories(cache.work());
        List<LayerCache.CachedLayer> layers = new ArrayList<>();
        List<Path> trees = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Optional<LayerCache.CachedLayer> cached = cache.find(keys.get(i));
            if (cached.isPresent()) {
                layers.add(cached.get());
                trees.add(null);
                continue;
            }
            Path tree = work.resolve("tree-" + i);
            String packages = String.join("\n", versions.get(i)) + "\n";
            if (i == 0) {
                layers.add(cache.add(keys.get(i), out -> {
                    stages.buildBase(tree, out);
                    Files.writeString(out.resolve("packages.txt"), packages);
                }));
            } else {
                List<Path> lowers = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    if (trees.get(j) == null) {
                        trees.set(j, stages.extract(layers.get(j), work.resolve("tree-" + j)));
                    }
                    lowers.add(trees.get(j));
                }
                Stage stage = recipe.stages().get(i - 1);
                Path scratch = work.resolve("scratch-" + i);
                layers.add(cache.add(keys.get(i), out -> {
                    stages.buildStage(stage, lowers, tree, scratch, out);
                    Files.writeString(out.resolve("packages.txt"), packages);
                }));
            }
            trees.add(tree);
        }
        return layers;
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
