package io.gantry.core.registry.debian;

import io.gantry.core.content.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which package versions a list of packages resolves to on the mirror, asked of apt itself: an apt state of our own
 * (lists, an empty dpkg status, the mirror's release only) under the cache directory, {@code apt-get update} once
 * per JVM, then {@code apt-get -s install} of the packages, whose {@code Inst} lines name every package of the
 * closure with its version. Those lines key the cache, so a point release of Debian rebuilds the images.
 *
 * <p>The same lists are bind-mounted into the build chroots, so a build installs exactly what was resolved. When the
 * mirror cannot be reached but lists from an earlier run exist, they are used (with a warning), so cached images
 * keep working offline.
 */
final class PackageResolver {

    static final String SUITE = "bookworm";
    private static final Path KEYRING = Path.of("/usr/share/keyrings/debian-archive-keyring.gpg");

    private final AptMirror mirror;
    private final Path state;
    private final String architecture;
    private boolean updated;

    PackageResolver(AptMirror mirror, Path state, String architecture) {
        this.mirror = mirror;
        this.state = state;
        this.architecture = architecture;
    }

    AptMirror mirror() {
        return mirror;
    }

    /** The lists directory, to bind-mount into a build chroot at {@code /var/lib/apt/lists}. */
    Path lists() {
        return state.resolve("lists");
    }

    /** The {@code sources.list} line of the mirror, as the chroots use it too. */
    String sourcesLine() {
        return "deb [signed-by=" + KEYRING + "] " + mirror.uri() + " " + SUITE + " main";
    }

    /** {@code name=version} of every package installing {@code packages} brings in (apt patterns allowed), sorted. */
    synchronized List<String> resolve(List<String> packages) throws IOException, InterruptedException {
        Files.createDirectories(state);
        // Debug::NoLocking turns apt's own locks off (they want root-owned system paths): this lock keeps another test
        // JVM from rewriting the lists while this one reads them
        try (FileChannel channel = FileChannel.open(state.resolve("resolver.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            update();
            return resolveLocked(packages);
        }
    }

    private List<String> resolveLocked(List<String> packages) throws IOException, InterruptedException {
        // apt takes seconds to resolve; the answer only changes with the lists, whose InRelease names their content
        Path memo = state.resolve("resolved").resolve(memoKey(packages));
        if (Files.isRegularFile(memo)) {
            return Files.readString(memo).lines().toList();
        }
        List<String> command = new ArrayList<>(aptGet());
        command.addAll(List.of("-s", "install"));
        command.addAll(packages);
        Commands.Result result = Commands.run(command, Path.of("/"));
        if (result.exit() != 0) {
            throw new IllegalStateException("apt cannot resolve " + packages + " on " + mirror + ": " + result.output());
        }
        List<String> resolved = result.output().lines().filter(line -> line.startsWith("Inst "))
                .map(line -> line.split("\\s+"))
                .map(words -> words[1] + "=" + words[2].substring(1))
                .sorted().toList();
        if (resolved.isEmpty()) {
            throw new IllegalStateException("apt resolved " + packages + " to no packages on " + mirror + ": " + result.output());
        }
        Files.createDirectories(memo.getParent());
        Path partial = Files.createTempFile(memo.getParent(), ".partial-", "");
        Files.writeString(partial, String.join("\n", resolved) + "\n");
        Files.move(partial, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return resolved;
    }

    private String memoKey(List<String> packages) throws IOException {
        MessageDigest sha = Digest.newSha256();
        try (Stream<Path> files = Files.list(lists())) {
            for (Path release : files.filter(f -> f.getFileName().toString().endsWith("InRelease")).sorted().toList()) {
                sha.update(Files.readAllBytes(release));
            }
        }
        sha.update((architecture + "\n" + String.join("\n", packages)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Brings the lists up to date, once per JVM; falls back to older lists when the mirror is unreachable. */
    private void update() throws IOException, InterruptedException {
        if (updated) {
            return;
        }
        if (!Files.isReadable(KEYRING)) {
            throw new IllegalStateException(KEYRING + " is missing: apt-get install debian-archive-keyring");
        }
        for (String dir : List.of("lists/partial", "cache/archives/partial", "etc")) {
            Files.createDirectories(state.resolve(dir));
        }
        Files.writeString(state.resolve("etc/sources.list"), sourcesLine() + "\n");
        Files.writeString(state.resolve("status"), "");
        List<String> command = new ArrayList<>(aptGet());
        command.add("update");
        Commands.Result result = Commands.run(command, Path.of("/"));
        boolean failed = result.exit() != 0 || result.output().lines().anyMatch(l -> l.startsWith("Err:") || l.startsWith("E:")
                || l.startsWith("W: Failed to fetch"));
        if (failed) {
            if (!haveLists()) {
                throw new IllegalStateException("the apt mirror " + mirror + " cannot be reached, and no package lists from "
                        + "an earlier build are cached in " + lists() + ", so the Debian test images cannot be built. apt-get said:\n"
                        + result.output());
            }
            System.err.println("DebianImages: the apt mirror " + mirror + " cannot be reached; resolving with the lists of an "
                    + "earlier run. apt-get said: " + result.output().strip());
        }
        updated = true;
    }

    private boolean haveLists() throws IOException {
        try (Stream<Path> files = Files.list(lists())) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith("_Packages"));
        }
    }

    private List<String> aptGet() {
        String s = state.toString();
        return List.of("apt-get", "-q",
                "-o", "Dir::State=" + s, "-o", "Dir::State::Lists=" + s + "/lists", "-o", "Dir::State::status=" + s + "/status",
                "-o", "Dir::Cache=" + s + "/cache", "-o", "Dir::Etc::SourceList=" + s + "/etc/sources.list",
                "-o", "Dir::Etc::SourceParts=" + s + "/etc/none", "-o", "Dir::Etc::Preferences=" + s + "/etc/none",
                "-o", "Dir::Etc::PreferencesParts=" + s + "/etc/none",
                "-o", "APT::Architecture=" + architecture, "-o", "APT::Architectures=" + architecture,
                "-o", "APT::Install-Recommends=false",
                "-o", "Acquire::Languages=none", "-o", "APT::Sandbox::User=root", "-o", "Debug::NoLocking=1");
    }
}
