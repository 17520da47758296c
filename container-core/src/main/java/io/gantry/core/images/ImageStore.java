package io.gantry.core.images;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.snapshot.ChainId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The images and their references, in one JSON file ({@code images/images.json}) that every change replaces
 * atomically (write a temporary file, fsync, rename, fsync the directory), as Docker does with its
 * {@code repositories.json}. A reader therefore sees the state before or after a change, never a part of one, even
 * after a crash. All methods are synchronized; the file is small (one entry per image).
 */
final class ImageStore {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String FILE = "images.json";

    /** The file's form: strings only, validated when read. */
    record Stored(String manifest, String manifestMediaType, long manifestSize, List<String> tags, List<String> digests,
                  String added, List<String> layers, List<Long> layerSizes) {
    }

    record StateFile(int version, Map<String, Stored> images) {
    }

    private final Path dir;
    private Map<Digest, ImageRecord> images;

    private ImageStore(Path dir, Map<Digest, ImageRecord> images) {
        this.dir = dir;
        this.images = images;
    }

    /** Opens the store in {@code dir}, creating it; leftovers of interrupted writes are removed. */
    static ImageStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".tmp")) {
                    Files.delete(file);
                }
            }
        }
        Path file = dir.resolve(FILE);
        Map<Digest, ImageRecord> images = new LinkedHashMap<>();
        if (Files.exists(file)) {
            StateFile state = JSON.readValue(file.toFile(), StateFile.class);
            try {
                state.images().forEach((id, stored) -> images.put(Digest.parse(id), fromStored(Digest.parse(id), stored)));
            } catch (IllegalArgumentException e) {
                throw new IOException("image store " + file + " is corrupt: " + e.getMessage(), e);
            }
        }
        return new ImageStore(dir, images);
    }

    synchronized List<ImageRecord> all() {
        return List.copyOf(images.values());
    }

    synchronized Optional<ImageRecord> get(Digest id) {
        return Optional.ofNullable(images.get(id));
    }

    synchronized Optional<ImageRecord> byTag(String tag) {
        return images.values().stream().filter(image -> image.tags().contains(tag)).findFirst();
    }

    synchronized Optional<ImageRecord> byDigestReference(String digestRef) {
        return images.values().stream().filter(image -> image.digests().contains(digestRef)).findFirst();
    }

    /**
     * Records {@code image} (merged with what is recorded under its ID) and points {@code tag} at it, taking the tag
     * from any other image. Returns what the tag pointed at before, if anything.
     */
    synchronized Optional<Digest> put(ImageRecord image, Optional<String> tag, Optional<String> digestRef) {
        Optional<Digest> previous = tag.flatMap(this::byTag).map(ImageRecord::id);
        update(next -> {
            ImageRecord merged = next.getOrDefault(image.id(), image);
            if (tag.isPresent()) {
                next.replaceAll((id, other) -> other.withoutTag(tag.get()));
                merged = next.getOrDefault(image.id(), merged).withTag(tag.get());
            }
            if (digestRef.isPresent()) {
                merged = merged.withDigest(digestRef.get());
            }
            next.put(image.id(), merged);
        });
        return previous;
    }

    /** Points {@code tag} at the recorded image {@code id}, taking it from any other image. */
    synchronized void tag(Digest id, String tag) {
        update(next -> {
            next.replaceAll((other, image) -> image.withoutTag(tag));
            next.computeIfPresent(id, (key, image) -> image.withTag(tag));
        });
    }

    synchronized void untag(Digest id, String tag) {
        update(next -> next.computeIfPresent(id, (key, image) -> image.withoutTag(tag)));
    }

    synchronized void dropReferences(Digest id) {
        update(next -> next.computeIfPresent(id, (key, image) -> image.withoutReferences()));
    }

    synchronized void delete(Collection<Digest> ids) {
        update(next -> ids.forEach(next::remove));
    }

    private void update(Consumer<Map<Digest, ImageRecord>> change) {
        Map<Digest, ImageRecord> next = new LinkedHashMap<>(images);
        change.accept(next);
        try {
            write(next);
        } catch (IOException e) {
            throw new FailedPreconditionException("record images in " + dir + ": " + e.getMessage(), e);
        }
        images = next;
    }

    private void write(Map<Digest, ImageRecord> next) throws IOException {
        Map<String, Stored> stored = new LinkedHashMap<>();
        next.forEach((id, image) -> stored.put(id.toString(), toStored(image)));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new StateFile(1, stored));
        Path temporary = dir.resolve(FILE + "." + Thread.currentThread().getId() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        Files.move(temporary, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static Stored toStored(ImageRecord image) {
        return new Stored(image.manifest().digest().toString(), image.manifest().mediaType(), image.manifest().size(),
                image.tags(), image.digests(), image.added().toString(),
                image.layers().stream().map(ChainId::toString).toList(), image.layerSizes());
    }

    private static ImageRecord fromStored(Digest id, Stored stored) {
        return new ImageRecord(id, new Descriptor(stored.manifestMediaType(), Digest.parse(stored.manifest()), stored.manifestSize()),
                orEmpty(stored.tags()), orEmpty(stored.digests()), Instant.parse(stored.added()),
                orEmpty(stored.layers()).stream().map(ChainId::parse).toList(), orEmpty(stored.layerSizes()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
