package io.gantry.core.volume;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Volumes under {@code <data root>/volumes/<name>/}: {@code _data} (what containers see) and {@code volume.json}
 * (written crash-safely). A volume's users are recorded when the engine resolves a container's mounts and dropped
 * when the container is removed; data stays until the volume itself is removed.
 */
public final class VolumeStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public VolumeStore(Path dataRoot) {
        this.dir = dataRoot.resolve("volumes");
    }

    /** Creates a named volume; an existing one is returned as it is, as Docker does. */
    public synchronized Volume create(String name) {
        Volume.validateName(name);
        return get(name).orElseGet(() -> newVolume(name, false));
    }

    public synchronized Volume createAnonymous() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return newVolume(HexFormat.of().formatHex(b), true);
    }

    private Volume newVolume(String name, boolean anonymous) {
        Path data = dir.resolve(name).resolve("_data");
        try {
            Files.createDirectories(data);
            Volume v = new Volume(name, data.toString(), anonymous, System.currentTimeMillis(), List.of(), false);
            write(v);
            return v;
        } catch (IOException e) {
            throw new FailedPreconditionException("create volume " + name + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<Volume> get(String name) {
        Path f = dir.resolve(name).resolve("volume.json");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Volume.class));
        } catch (IOException e) {
            throw new FailedPreconditionException("read volume " + name + ": " + e.getMessage(), e);
        }
    }

    public synchronized List<Volume> list() {
        List<Volume> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    get(p.getFileName().toString()).ifPresent(out::add);
                }
            } catch (IOException e) {
                throw new FailedPreconditionException("list volumes: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Removes a volume and its data; refused while a container uses it. */
    public synchronized void remove(String name) {
        Volume v = get(name).orElseThrow(() -> new NotFoundException("remove volume " + name + ": no such volume"));
        if (v.inUse()) {
            throw new ConflictException("remove volume " + name + ": volume is in use by " + String.join(", ",
                    v.users().stream().map(u -> u.substring(0, Math.min(12, u.length()))).toList()));
        }
        deleteTree(dir.resolve(name));
    }

    /** Removes unused volumes (anonymous ones only unless {@code all}, as {@code docker volume prune}); their names. */
    public synchronized List<String> prune(boolean all) {
        List<String> removed = new ArrayList<>();
        for (Volume v : list()) {
            if (!v.inUse() && (all || v.anonymous())) {
                deleteTree(dir.resolve(v.name()));
                removed.add(v.name());
            }
        }
        return removed;
    }

    /**
     * Resolves a container's mounts and records it as a user of its volumes: explicit {@code -v} specs, then
     * {@code volumesFrom} (another container's mounts) and the image's {@code VOLUME} paths where no spec covers the
     * target. A new volume mounted over an image path gets that path's content from {@code imageContent} (target →
     * directory in the image) on first use. Parents come before children in the result, the order to bind in.
     */
    public synchronized List<VolumeMount> mountsFor(String containerId, List<MountSpec> specs, List<String> imageVolumes,
                                                    List<VolumeMount> volumesFrom,
                                                    Function<String, Optional<Path>> imageContent) {
        List<VolumeMount> mounts = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (MountSpec s : specs) {
            if (targets.contains(s.target())) {
                throw new InvalidArgumentException("duplicate mount point " + s.target());
            }
            targets.add(s.target());
            mounts.add(switch (s.kind()) {
                case BIND -> bind(s);
                case NAMED -> use(create(s.source()), containerId, s.target(), s.readOnly(), imageContent);
                case ANONYMOUS -> use(createAnonymous(), containerId, s.target(), s.readOnly(), imageContent);
            });
        }
        for (VolumeMount m : volumesFrom) {
            if (!targets.contains(m.target())) {
                targets.add(m.target());
                if (!m.volume().isEmpty()) {
                    addUser(get(m.volume()).orElseThrow(() -> new NotFoundException("volume " + m.volume())),
                            containerId);
                }
                mounts.add(m);
            }
        }
        for (String target : imageVolumes) {
            String t = target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1) : target;
            if (!targets.contains(t)) {
                targets.add(t);
                mounts.add(use(createAnonymous(), containerId, t, false, imageContent));
            }
        }
        mounts.sort(Comparator.comparingLong(m -> m.target().chars().filter(c -> c == '/').count()));
        return mounts;
    }

    /** The container is removed: it no longer uses any volume. With {@code removeAnonymous}, as {@code rm -v}. */
    public synchronized void release(String containerId, boolean removeAnonymous) {
        for (Volume v : list()) {
            if (v.users().contains(containerId)) {
                List<String> users = new ArrayList<>(v.users());
                users.remove(containerId);
                write(v.withUsers(users));
                if (removeAnonymous && v.anonymous() && users.isEmpty()) {
                    deleteTree(dir.resolve(v.name()));
                }
            }
        }
    }

    private VolumeMount bind(MountSpec s) {
        Path source = Path.of(s.source());
        try {
            Files.createDirectories(source); // as docker run -v does for a missing host path
        } catch (IOException e) {
            throw new InvalidArgumentException("bind source " + source + ": " + e.getMessage(), e);
        }
        return new VolumeMount(source.toString(), s.target(), s.readOnly(), "");
    }

    private VolumeMount use(Volume v, String containerId, String target, boolean ro,
                            Function<String, Optional<Path>> imageContent) {
        Volume current = addUser(v, containerId);
        if (!current.populated()) {
            Optional<Path> content = imageContent.apply(target);
            if (content.isPresent()) {
                populate(current, content.get());
            }
            write(get(v.name()).orElseThrow().markPopulated());
        }
        return new VolumeMount(v.mountpoint(), target, ro, v.name());
    }

    private Volume addUser(Volume v, String containerId) {
        Volume fresh = get(v.name()).orElseThrow();
        if (fresh.users().contains(containerId)) {
            return fresh;
        }
        List<String> users = new ArrayList<>(fresh.users());
        users.add(containerId);
        Volume updated = fresh.withUsers(users);
        write(updated);
        return updated;
    }

    /**
     * Copies the image's content at a volume's mount point into the volume, as Docker does for a new volume: only when
     * the volume is empty, keeping modes, owners, times and symlinks.
     */
    public synchronized void populate(Volume v, Path source) {
        Path data = Path.of(v.mountpoint());
        try {
            if (!Files.isDirectory(source)) {
                return;
            }
            try (Stream<Path> s = Files.list(data)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            TreeCopy.copy(source, data);
        } catch (IOException e) {
            throw new FailedPreconditionException("copy image content " + source + " into volume " + v.name() + ": "
                    + e.getMessage(), e);
        }
    }

    private void write(Volume v) {
        Path file = dir.resolve(v.name()).resolve("volume.json");
        Path tmp = file.resolveSibling("volume.json.tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(v)));
                ch.force(false);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FailedPreconditionException("write volume " + v.name() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("remove " + root + ": " + e.getMessage(), e);
        }
    }
}
