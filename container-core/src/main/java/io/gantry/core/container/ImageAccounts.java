package io.gantry.core.container;

import io.gantry.core.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves Docker's {@code user[:group]} (names or numbers) against the image's {@code /etc/passwd} and
 * {@code /etc/group}, as runc does: a named user's primary group comes from passwd, supplementary groups are those
 * listing the user as a member; a number not found in passwd runs with group 0.
 */
public final class ImageAccounts {

    /** Who the container's process runs as. */
    public record User(long uid, long gid, List<Long> groups) {
        public User {
            groups = List.copyOf(groups);
        }
    }

    private ImageAccounts() {
    }

    public static User resolve(String spec, List<Path> layersTopFirst) {
        String userPart = spec.isEmpty() ? "0" : spec.split(":", 2)[0];
        String groupPart = spec.contains(":") ? spec.split(":", 2)[1] : null;
        List<String[]> passwd = entries(layersTopFirst, "etc/passwd", 7);
        List<String[]> group = entries(layersTopFirst, "etc/group", 4);

        Optional<String[]> entry = passwd.stream()
                .filter(p -> isNumber(userPart) ? p[2].equals(userPart) : p[0].equals(userPart)).findFirst();
        if (entry.isEmpty() && !isNumber(userPart)) {
            throw new InvalidArgumentException("unable to find user " + userPart + ": no matching entries in passwd file");
        }
        long uid = entry.map(p -> Long.parseLong(p[2])).orElseGet(() -> number(userPart, "user"));
        long gid = entry.map(p -> Long.parseLong(p[3])).orElse(0L);
        String name = entry.map(p -> p[0]).orElse(null);
        if (groupPart != null && !groupPart.isEmpty()) {
            gid = isNumber(groupPart) ? number(groupPart, "group") : group.stream().filter(g -> g[0].equals(groupPart))
                    .findFirst().map(g -> Long.parseLong(g[2]))
                    .orElseThrow(() -> new InvalidArgumentException("unable to find group " + groupPart
                            + ": no matching entries in group file"));
        }
        List<Long> supplementary = new ArrayList<>();
        if (name != null) {
            for (String[] g : group) {
                if (List.of(g[3].split(",")).contains(name) && !supplementary.contains(Long.parseLong(g[2]))) {
                    supplementary.add(Long.parseLong(g[2]));
                }
            }
        }
        return new User(uid, gid, supplementary);
    }

    /** Well-formed lines only: a malformed line in an image's passwd is skipped, never trusted halfway. */
    private static List<String[]> entries(List<Path> layers, String file, int fields) {
        try {
            Optional<byte[]> bytes = ImageFiles.read(layers, file);
            List<String[]> entries = new ArrayList<>();
            if (bytes.isEmpty()) {
                return entries;
            }
            for (String line : new String(bytes.get(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(":", -1);
                if (!line.startsWith("#") && parts.length == fields && parts[2].matches("[0-9]{1,10}")
                        && (fields != 7 || parts[3].matches("[0-9]{1,10}"))) {
                    entries.add(parts);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("read /" + file + " of the image", e);
        }
    }

    private static boolean isNumber(String s) {
        return s.matches("[0-9]{1,10}");
    }

    private static long number(String s, String what) {
        long n = Long.parseLong(s);
        if (n > 0xFFFFFFFEL) {
            throw new InvalidArgumentException(what + " id out of range: " + s);
        }
        return n;
    }
}
