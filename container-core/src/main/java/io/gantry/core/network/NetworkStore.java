package io.gantry.core.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Networking state under {@code <data root>/network}: {@code networks/<name>.json} and
 * {@code containers/<id>/{endpoint.json,hosts,resolv.conf}}. State files are written crash-safely (temporary file,
 * fsync, rename), and an endpoint is written before its veth exists, so the addresses on disk are a superset of those
 * in use and a restarted engine never hands one out twice.
 */
final class NetworkStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path networks;
    private final Path containers;

    NetworkStore(Path dataRoot) {
        Path root = dataRoot.resolve("network");
        this.networks = root.resolve("networks");
        this.containers = root.resolve("containers");
    }

    List<Network> networks() throws IOException {
        List<Network> out = new ArrayList<>();
        for (Path p : jsonFiles(networks)) {
            out.add(JSON.readValue(p.toFile(), Network.class));
        }
        out.sort(Comparator.comparingInt(Network::index));
        return out;
    }

    void put(Network n) throws IOException {
        write(networks.resolve(n.name() + ".json"), n);
    }

    void delete(Network n) throws IOException {
        Files.deleteIfExists(networks.resolve(n.name() + ".json"));
    }

    List<ContainerNet> containers() throws IOException {
        List<ContainerNet> out = new ArrayList<>();
        if (Files.isDirectory(containers)) {
            try (Stream<Path> dirs = Files.list(containers)) {
                for (Path d : dirs.sorted().toList()) {
                    Path f = d.resolve("endpoint.json");
                    if (Files.exists(f)) {
                        out.add(JSON.readValue(f.toFile(), ContainerNet.class));
                    }
                }
            }
        }
        return out;
    }

    Path dirOf(String containerId) {
        return containers.resolve(containerId);
    }

    void put(ContainerNet c) throws IOException {
        Files.createDirectories(dirOf(c.containerId()));
        write(dirOf(c.containerId()).resolve("endpoint.json"), c);
    }

    void delete(String containerId) throws IOException {
        Path dir = dirOf(containerId);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(value)));
            ch.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
