package io.gantry.core.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

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
