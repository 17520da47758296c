package io.gantry.core.registry.debian;

import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.LayerExtractor;
import io.gantry.core.archive.LayerWriter;
import io.gantry.core.content.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the layers of Debian test images, as root. The base is {@code debootstrap --variant=minbase} of bookworm;
 * a stage runs in a chroot on an overlay of the layers below it, so overlayfs's upper directory is exactly what the
 * stage changed (deletions as overlay whiteouts), which Gantry's {@link LayerWriter} turns into an OCI layer. Every
 * mount lives in a private mount namespace ({@code unshare -m}) that the kernel tears down when the build's shell
 * exits, even when it is killed, so nothing stays mounted on the host.
 *
 * <p>Package indexes and {@code .deb} files are shared between builds (bind-mounted from the cache), so the layers
 * hold no apt caches and a rebuild downloads nothing it already has.
 */
final class StageBuilder {

    /** Overlay options: whole-file copy-up only, no redirects or indexes that an upper directory could not express. */
    private static final String OVERLAY_OPTIONS = "redirect_dir=off,index=off,metacopy=off";
    private static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    /** Turns the fresh debootstrap tree into an image base: no host files, no caches, services kept from starting. */
    static final String BASE_CLEANUP = String.join("\n",
            "printf '#!/bin/sh\\n# no service starts while images are built or run\\nexit 101\\n' > \"$ROOTFS/usr/sbin/policy-rc.d\"",
            "chmod 0755 \"$ROOTFS/usr/sbin/policy-rc.d\"",
            ": > \"$ROOTFS/etc/resolv.conf\"",
            "echo localhost > \"$ROOTFS/etc/hostname\"",
            "printf '%s\\n' \"$SOURCES_LINE\" > \"$ROOTFS/etc/apt/sources.list\"",
            "rm -rf \"$ROOTFS\"/var/lib/apt/lists/* \"$ROOTFS\"/var/cache/apt/*.bin \"$ROOTFS\"/var/cache/apt/archives/*.deb",
            "rm -rf \"$ROOTFS\"/dev/* \"$ROOTFS\"/var/log/bootstrap.log \"$ROOTFS\"/run/* \"$ROOTFS\"/tmp/*",
            "mkdir -p \"$ROOTFS/var/lib/apt/lists/partial\"");

    private final PackageResolver resolver;
    private final Path debs;

    StageBuilder(PackageResolver resolver, Path cacheRoot) {
        this.resolver = resolver;
        this.debs = cacheRoot.resolve("debs");
    }

    /** debootstrap's minimal bookworm, cleaned, in {@code rootfs} (which must not exist), and as a layer in {@code out}. */
    void buildBase(Path rootfs, Path out) throws IOException, InterruptedException {
        Files.createDirectories(debs.resolve("debootstrap"));
        String script = "set -eu\n"
                + "debootstrap --variant=minbase --cache-dir=\"$DEBS\" " + PackageResolver.SUITE + " \"$ROOTFS\" \"$MIRROR\"\n"
                + BASE_CLEANUP + "\n";
        try {
            Commands.check("debootstrap --variant=minbase " + PackageResolver.SUITE + " from " + resolver.mirror(),
                    List.of("unshare", "-m", "--propagation", "private", "sh", "-c", script), rootfs.getParent(),
                    Map.of("ROOTFS", rootfs.toString(), "DEBS", debs.resolve("debootstrap").toString(),
                            "MIRROR", resolver.mirror().uri().toString(), "SOURCES_LINE", resolver.sourcesLine()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n(is the apt mirror " + resolver.mirror() + " reachable?)", e);
        }
        writeLayer(rootfs, LayerWriter.Whiteouts.AS_FOUND, out);
    }

    /** A cached layer extracted into {@code tree} by Gantry's extractor (whiteouts in overlay form), for a lower. */
    Path extract(LayerCache.CachedLayer layer, Path tree) throws IOException {
        Files.createDirectories(tree);
        try (InputStream in = Files.newInputStream(layer.blob())) {
            new LayerExtractor(ExtractionLimits.DEFAULTS, true).extract(in, tree);
        }
        return tree;
    }

    /**
     * {@code stage} run on the trees {@code lowers} (base first) with {@code upper} as the overlay's upper directory,
     * so that afterwards {@code upper} holds exactly the stage's changes; they are written as a layer into {@code out}.
     */
    void buildStage(Stage stage, List<Path> lowers, Path upper, Path scratch, Path out) throws IOException, InterruptedException {
        Files.createDirectories(upper);
        Path files = Files.createDirectories(scratch.resolve("files"));
        for (Map.Entry<String, Stage.StageFile> file : stage.files().entrySet()) {
            Path target = files.resolve(file.getKey().substring(1));
            createDirectories(files, target.getParent());
            Files.write(target, file.getValue().content());
            Files.setPosixFilePermissions(target, permissions(file.getValue().mode()));
        }
        Files.createDirectories(scratch.resolve("overlay-work"));
        Files.createDirectories(scratch.resolve("merged"));
        Files.createDirectories(debs.resolve("apt/partial"));
        List<String> topFirst = new ArrayList<>();
        lowers.forEach(lower -> topFirst.add(0, lower.toString())); // overlayfs lists the topmost lower first
        Commands.check("stage '" + stage.name() + "' (apt install " + String.join(" ", stage.packages()) + ")",
                List.of("unshare", "-m", "--propagation", "private", "sh", "-c", stageScript(stage)), scratch,
                Map.of("LOWER", String.join(":", topFirst), "UPPER", upper.toString(), "LISTS", resolver.lists().toString(),
                        "DEBS", debs.resolve("apt").toString(), "PACKAGES", String.join(" ", stage.packages()),
                        "STAGE_SCRIPT", stage.script(), "OVERLAY_OPTIONS", OVERLAY_OPTIONS));
        writeLayer(upper, LayerWriter.Whiteouts.TO_OCI, out);
    }

    /**
     * Mounts the overlay and what apt needs (proc, dev, the host's resolver, the shared lists and .deb cache), installs
     * the packages, copies the files in, runs the stage's script, removes apt's binary caches, and unmounts, so a
     * process a package left running shows up as a busy mount instead of a silently half-written layer.
     */
    private static String stageScript(Stage stage) {
        StringBuilder script = new StringBuilder("set -eu\nM=merged\n"
                + "mount -t overlay overlay -o \"lowerdir=$LOWER,upperdir=$UPPER,workdir=overlay-work,$OVERLAY_OPTIONS\" $M\n"
                + "mount -t proc proc $M/proc\nmount --rbind /dev $M/dev\n"
                + "mount --bind /etc/resolv.conf $M/etc/resolv.conf\n"
                + "mount --bind \"$LISTS\" $M/var/lib/apt/lists\nmount --bind \"$DEBS\" $M/var/cache/apt/archives\n"
                + "in_chroot() { env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C "
                + "DEBIAN_FRONTEND=noninteractive chroot $M \"$@\"; }\n");
        if (!stage.packages().isEmpty()) {
            script.append("in_chroot apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 $PACKAGES\n");
        }
        if (!stage.files().isEmpty()) {
            script.append("cp -a files/. $M/\n");
        }
        if (!stage.script().isEmpty()) {
            script.append("in_chroot /bin/sh -euc \"$STAGE_SCRIPT\"\n");
        }
        script.append("rm -f $M/var/cache/apt/*.bin\numount -R $M\n");
        return script.toString();
    }

    /** {@code tree} as a gzipped tar layer in {@code out}: {@code layer.tar.gz}, {@code diffid}, {@code digest}. */
    static void writeLayer(Path tree, LayerWriter.Whiteouts whiteouts, Path out) throws IOException {
        java.security.MessageDigest compressed = Digest.newSha256();
        Digest diffId;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve("layer.tar.gz")), 1 << 16);
             DigestOutputStream hashing = new DigestOutputStream(file, compressed);
             GZIPOutputStream gzip = new GZIPOutputStream(hashing, 1 << 16)) {
            diffId = new LayerWriter(whiteouts).write(tree, gzip);
        }
        Files.writeString(out.resolve("diffid"), diffId + "\n");
        Files.writeString(out.resolve("digest"), Digest.fromHash(compressed.digest()) + "\n");
    }

    /** Creates missing directories up to {@code dir} with mode 0755, whatever the umask. */
    private static void createDirectories(Path root, Path dir) throws IOException {
        if (dir.equals(root) || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(root, dir.getParent());
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, DIRECTORY);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
