package io.gantry.core.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A container's generated {@code /etc/hosts}: Docker's fixed head, the legacy link entries, the container's own
 * address, then one line per peer on its user-defined networks (name and aliases).
 */
final class HostsFile {

    private HostsFile() {
    }

    /** One address and the names it answers to. */
    record Entry(String ip, List<String> names) {
        Entry {
            names = List.copyOf(names);
        }

        String line() {
            return ip + "\t" + String.join(" ", names);
        }
    }

    /**
     * A bridged container's file from the engine's state: its own addresses, its link lines, and on each user-defined
     * network its peers by name and aliases (as Docker, the default bridge gives no names but links).
     */
    static String of(ContainerNet c, Map<String, Network> networks, Collection<ContainerNet> all) {
        List<Entry> own = new ArrayList<>();
        List<Entry> peers = new ArrayList<>();
        for (Endpoint e : c.endpoints()) {
            own.add(new Entry(e.ip(), List.of(c.hostname())));
            Network n = networks.get(e.network());
            if (n == null || n.isDefault()) {
                continue;
            }
            for (ContainerNet other : all) {
                if (other == c) {
                    continue;
                }
                other.endpoints().stream().filter(o -> o.network().equals(n.name())).forEach(o -> {
                    List<String> names = new ArrayList<>(List.of(other.name()));
                    o.aliases().stream().filter(a -> !names.contains(a)).forEach(names::add);
                    peers.add(new Entry(o.ip(), names));
                });
            }
        }
        return render(c.linkLines(), own, peers);
    }

    static String render(List<String> linkLines, List<Entry> own, List<Entry> peers) {
        StringBuilder b = new StringBuilder()
                .append("127.0.0.1\tlocalhost\n")
                .append("::1\tlocalhost ip6-localhost ip6-loopback\n")
                .append("fe00::0\tip6-localnet\n")
                .append("ff00::0\tip6-mcastprefix\n")
                .append("ff02::1\tip6-allnodes\n")
                .append("ff02::2\tip6-allrouters\n");
        linkLines.forEach(l -> b.append(l).append('\n'));
        own.forEach(e -> b.append(e.line()).append('\n'));
        peers.forEach(e -> b.append(e.line()).append('\n'));
        return b.toString();
    }

    /**
     * Rewrites the file in place: a bind mount pins the inode, so a rename would leave the container reading the old
     * file. The new content is written over the old before truncating, so a reader never sees an empty file.
     */
    static void writeInPlace(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf, buf.position());
            }
            ch.truncate(bytes.length);
            ch.force(false);
        }
    }
}
