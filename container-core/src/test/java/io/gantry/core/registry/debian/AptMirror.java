package io.gantry.core.registry.debian;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Debian archive this host's apt is configured with, read from {@code /etc/apt/sources.list.d/*.sources}
 * (deb822) and {@code /etc/apt/sources.list} (one-line form). The test images come from the same mirror the host
 * installs its packages from, so they need no network access the host does not already have. Security and
 * {@code -updates} suites are skipped: the images use the plain release, whose package set changes only at point
 * releases, so cached builds stay valid for months.
 */
record AptMirror(URI uri, Path configuredIn) {

    static final Path SOURCES = Path.of("/etc/apt/sources.list");
    static final Path SOURCES_DIR = Path.of("/etc/apt/sources.list.d");

    /** The first {@code deb} entry of the main Debian archive on this host. */
    static AptMirror ofHost() {
        List<Path> files = new ArrayList<>();
        try {
            if (Files.isDirectory(SOURCES_DIR)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(SOURCES_DIR, "*.{sources,list}")) {
                    entries.forEach(files::add);
                }
            }
            files.sort(null);
            files.add(0, SOURCES);
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    continue;
                }
                String text = Files.readString(file);
                Optional<URI> uri = file.toString().endsWith(".sources") ? fromDeb822(text) : fromOneLine(text);
                if (uri.isPresent()) {
                    return new AptMirror(uri.get(), file);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the host's apt sources: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no Debian archive in " + SOURCES + " or " + SOURCES_DIR
                + ": the Debian test images are built with debootstrap from the host's configured apt mirror");
    }

    /** Stanzas of {@code Types: deb}, a non-security suite and component {@code main}; returns the first URI. */
    static Optional<URI> fromDeb822(String text) {
        for (String stanza : text.split("\\n\\s*\\n")) {
            String types = field(stanza, "Types");
            String suites = field(stanza, "Suites");
            String components = field(stanza, "Components");
            String uris = field(stanza, "URIs");
            if (List.of(types.split("\\s+")).contains("deb") && mainArchive(suites) && List.of(components.split("\\s+")).contains("main")
                    && !uris.isBlank()) {
                return Optional.of(URI.create(uris.split("\\s+")[0]));
            }
        }
        return Optional.empty();
    }

    /** {@code deb [options] URI suite components...} lines. */
    static Optional<URI> fromOneLine(String text) {
        for (String line : text.lines().map(String::strip).toList()) {
            if (!line.startsWith("deb ")) {
                continue;
            }
            String rest = line.substring(4).strip();
            if (rest.startsWith("[")) {
                rest = rest.substring(rest.indexOf(']') + 1).strip();
            }
            String[] words = rest.split("\\s+");
            if (words.length >= 3 && mainArchive(words[1]) && List.of(words).subList(2, words.length).contains("main")) {
                return Optional.of(URI.create(words[0]));
            }
        }
        return Optional.empty();
    }

    private static boolean mainArchive(String suites) {
        return !suites.isBlank() && List.of(suites.split("\\s+")).stream()
                .anyMatch(suite -> !suite.contains("security") && !suite.endsWith("-updates") && !suite.endsWith("-backports"));
    }

    private static String field(String stanza, String name) {
        for (String line : stanza.lines().toList()) {
            if (!line.startsWith("#") && line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return uri + " (from " + configuredIn + ")";
    }
}
