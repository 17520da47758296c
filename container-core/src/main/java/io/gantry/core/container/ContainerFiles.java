package io.gantry.core.container;

import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.LayerExtractor;
import io.gantry.core.archive.LayerLimitExceededException;
import io.gantry.core.archive.LayerWriter;
import io.gantry.core.archive.ScopedPath;
import io.gantry.core.archive.UnsafeArchiveException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.runtime.ContainerFilesystem;
import io.gantry.core.runtime.ContainerRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A container's files as {@code docker cp}, {@code export} and {@code diff} reach them, running or stopped. Every
 * operation holds the container still ({@link ContainerRuntime#openFilesystem}: frozen while running), resolves the
 * user's path as the container would, inside its root ({@link ScopedPath}), and never follows a link with host
 * semantics. What is copied in is an untrusted tar, unpacked by the same hostile-input-safe extractor as image layers.
 */
public final class ContainerFiles {

    /** Mounted by the runtime in a running container's view: copied out as empty directories, as Docker's rootfs has them. */
    private static final List<String> KERNEL_FILESYSTEMS = List.of("proc", "sys", "dev");

    private final ContainerService containers;
    private final ContainerRuntime runtime;
    private final LayerExtractor extractor = LayerExtractor.forCurrentUser(ExtractionLimits.DEFAULTS);

    ContainerFiles(ContainerService containers, ContainerRuntime runtime) {
        this.containers = containers;
        this.runtime = runtime;
    }

    /** {@code HEAD /containers/{id}/archive}: what {@code path} is; a final symlink is described, not followed. */
    public PathStat stat(String reference, String path) {
        String id = containers.resolve(reference);
        try (ContainerFilesystem fs = runtime.openFilesystem(id)) {
            return stat(fs, reference, path);
        } catch (IOException e) {
            throw failed("stat " + path + " in container " + reference, e);
        }
    }

    /**
     * {@code GET /containers/{id}/archive}: {@code path} (a final symlink itself, unless the path ends in {@code /} or
     * {@code /.}) as a tar named by its last component; {@code start} receives the path's stat and returns where the
     * tar goes, so that a missing path fails before anything is sent.
     */
    public void copyOut(String reference, String path, Function<PathStat, OutputStream> start) {
        String id = containers.resolve(reference);
        try (ContainerFilesystem fs = runtime.openFilesystem(id)) {
            PathStat stat = stat(fs, reference, path);
            ScopedPath source = ScopedPath.resolve(fs.readRoot(), path, path.endsWith("/") || path.endsWith("/."));
            Set<Path> kernel = fs.running() ? Set.copyOf(KERNEL_FILESYSTEMS.stream().map(fs.root()::resolve).toList())
                    : Set.of();
            String name = path.endsWith("/.") ? "." : stat.name(); // the CLI renames entries by this prefix
            new LayerWriter(LayerWriter.Whiteouts.AS_FOUND).writeTree(source.host(), name, kernel, start.apply(stat));
        } catch (IOException e) {
            throw failed("copy " + path + " out of container " + reference, e);
        }
    }

    /**
     * {@code PUT /containers/{id}/archive}: unpacks {@code tar} into the directory {@code path} (symlinks on the way
     * followed inside the container). The tar is untrusted: an entry that would leave the directory, pass through a
     * symlink, replace a directory (or, with {@code noOverwriteDirNonDir}, be a directory over a non-directory), or
     * exceed the limits stops the copy with the reason.
     */
    public void copyIn(String reference, String path, InputStream tar, boolean noOverwriteDirNonDir) {
        String id = containers.resolve(reference);
        try (ContainerFilesystem fs = runtime.openFilesystem(id)) {
            ScopedPath target = ScopedPath.resolve(fs.root(), path, true);
            BasicFileAttributes attrs = target.attributes();
            if (attrs == null) {
                throw new NotFoundException("Could not find the file " + path + " in container " + reference);
            }
            if (!attrs.isDirectory()) {
                throw new InvalidArgumentException("extraction point is not a directory: " + path + " in container " + reference);
            }
            extractor.extractCopy(tar, target.host(), noOverwriteDirNonDir);
        } catch (UnsafeArchiveException | LayerLimitExceededException e) {
            throw new InvalidArgumentException("copy into " + reference + ":" + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw failed("copy into " + reference + ":" + path, e);
        }
    }

    /** {@code docker export}: the container's root filesystem (no volumes, no kernel filesystems) as a tar. */
    public void export(String reference, Supplier<OutputStream> out) {
        String id = containers.resolve(reference);
        try (ContainerFilesystem fs = runtime.openFilesystem(id)) {
            Path rootfs = fs.rootfs();
            new LayerWriter(LayerWriter.Whiteouts.AS_FOUND).write(rootfs, out.get());
        } catch (IOException e) {
            throw failed("export container " + reference, e);
        }
    }

    /** {@code docker diff}: what the container added, changed and deleted, by path. */
    public List<FileChange> changes(String reference) {
        String id = containers.resolve(reference);
        try (ContainerFilesystem fs = runtime.openFilesystem(id)) {
            Path upper = fs.changes().orElseThrow(() -> new FailedPreconditionException(
                    "changes of container " + reference + ": only containers on overlay layers record their changes"));
            return ContainerChanges.of(upper, fs.layersTopFirst(), fs.mountPoints());
        } catch (IOException e) {
            throw failed("changes of container " + reference, e);
        }
    }

    private static PathStat stat(ContainerFilesystem fs, String reference, String path) throws IOException {
        boolean followLast = path.endsWith("/") || path.endsWith("/.");
        ScopedPath resolved = ScopedPath.resolve(fs.readRoot(), path, followLast);
        BasicFileAttributes attrs = resolved.attributes();
        if (attrs == null) {
            throw new NotFoundException("Could not find the file " + path + " in container " + reference);
        }
        int mode = (Integer) Files.getAttribute(resolved.host(), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        String linkTarget = attrs.isSymbolicLink() ? ScopedPath.resolve(fs.readRoot(), path, true).inContainer() : "";
        String cleaned = Path.of("/").resolve(path.replaceAll("/+\\.?$", "")).normalize().toString();
        String name = cleaned.equals("/") ? "/" : Path.of(cleaned).getFileName().toString();
        return PathStat.of(name, mode, attrs, linkTarget);
    }

    private static FailedPreconditionException failed(String operation, IOException e) {
        return new FailedPreconditionException(operation + ": " + e.getMessage(), e);
    }
}
