package io.gantry.core.snapshot;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk layout both snapshotters share: {@code layers/<hex>/}, {@code active/<key>/}, {@code staging/}.
 * The root is {@code 0700}: unpacked images may hold setuid binaries no host user may reach (CVE-2021-41091).
 */
final class SnapshotStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final Path root;

    SnapshotStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(root.resolve("layers"));
            Files.createDirectories(root.resolve("active"));
            Files.createDirectories(root.resolve("staging"));
            TopDirectory.mark(root.resolve("staging")); // layers are unpacked there, then renamed into layers/
        } catch (IOException e) {
            throw new FailedPreconditionException("create snapshot root " + root + ": " + e.getMessage(), e);
        }
    }

    Path layer(ChainId id) {
        return root.resolve("layers").resolve(id.hex());
    }

    Path existingLayer(ChainId id) {
        Path dir = layer(id);
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("layer " + id + ": not found");
        }
        return dir;
    }

    /** Creates and returns {@code active/<key>}; a second prepare of the same key is a conflict. */
    Path newActive(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidArgumentException("snapshot key " + key + ": must match " + KEY);
        }
        Path dir = root.resolve("active").resolve(key);
        try {
            Files.createDirectory(dir);
            return dir;
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("snapshot " + key + ": already exists", e);
        } catch (IOException e) {
            throw new FailedPreconditionException("create snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    Path active(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidArgumentException("snapshot key " + key + ": must match " + KEY);
        }
        return root.resolve("active").resolve(key);
    }

    List<String> activeKeys() {
        try (var keys = Files.list(root.resolve("active"))) {
            return keys.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new FailedPreconditionException("list snapshots in " + root + ": " + e.getMessage(), e);
        }
    }

    Path newStagingDir() {
        try {
            return Files.createDirectory(root.resolve("staging").resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new FailedPreconditionException("create staging dir under " + root + ": " + e.getMessage(), e);
        }
    }

    void commitLayer(ChainId id, Path unpacked) {
        Path target = layer(id);
        try {
            if (Files.isDirectory(target)) {
                Trees.delete(unpacked);
                return;
            }
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new InvalidArgumentException("commit layer " + id + ": " + unpacked + " is not on the snapshot filesystem", e);
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                Trees.delete(unpacked); // another commit of the same layer won the race
                return;
            }
            throw new FailedPreconditionException("commit layer " + id + ": " + e.getMessage(), e);
        }
    }

    List<ChainId> layers() {
        try (Stream<Path> dirs = Files.list(root.resolve("layers"))) {
            List<ChainId> ids = new ArrayList<>();
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                try {
                    ids.add(ChainId.parse("sha256:" + dir.getFileName()));
                } catch (IllegalArgumentException notOurs) {
                    // only directories named by a chain ID are layers
                }
            }
            return ids;
        } catch (IOException e) {
            throw new FailedPreconditionException("list layers under " + root + ": " + e.getMessage(), e);
        }
    }

    void removeLayer(ChainId id) {
        Path dir = layer(id);
        Path doomed = root.resolve("staging").resolve("removed-" + id.hex() + "-" + UUID.randomUUID());
        try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new FailedPreconditionException("remove layer " + id + ": " + e.getMessage(), e);
        }
        Trees.delete(doomed);
    }

    void cleanStaging() {
        try (Stream<Path> leftovers = Files.list(root.resolve("staging"))) {
            leftovers.forEach(Trees::delete);
        } catch (IOException e) {
            throw new FailedPreconditionException("clean staging area of " + root + ": " + e.getMessage(), e);
        }
    }

    static List<ChainId> requireLayers(List<ChainId> layers) {
        if (layers.isEmpty()) {
            throw new InvalidArgumentException("a snapshot needs at least one layer");
        }
        return layers;
    }
}
