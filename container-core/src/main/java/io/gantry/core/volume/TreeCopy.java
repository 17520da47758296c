package io.gantry.core.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Copies a directory tree without following symlinks, keeping permissions, owners and times. */
final class TreeCopy {

    private TreeCopy() {
    }

    static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path t = target.resolve(source.relativize(dir).toString());
                if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(t);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path t = target.resolve(source.relativize(file).toString());
                Files.copy(file, t, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                owner(file, t);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Path t = target.resolve(source.relativize(dir).toString());
                Files.setPosixFilePermissions(t, Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
                owner(dir, t);
                Files.setLastModifiedTime(t, Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void owner(Path from, Path to) throws IOException {
        Files.setAttribute(to, "unix:uid", Files.getAttribute(from, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:gid", Files.getAttribute(from, "unix:gid", LinkOption.NOFOLLOW_LINKS),
                LinkOption.NOFOLLOW_LINKS);
    }
}
