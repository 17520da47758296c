package io.gantry.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A test rootfs made from Debian's {@code busybox-static} (apt package {@code busybox-static}): the binary, a
 * relative link per applet, a minimal {@code /etc}, and the build's static {@code probe} helper.
 */
public final class BusyboxLayer {

    static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxLayer() {
    }

    public static void fill(Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
        for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet.strip()), Path.of("busybox"));
            }
        }
        try (InputStream probe = BusyboxLayer.class.getResourceAsStream("native/probe")) {
            if (probe == null) {
                throw new IOException("the build's probe helper is missing (native/probe)");
            }
            Files.copy(probe, bin.resolve("probe"));
        }
        Files.setPosixFilePermissions(bin.resolve("probe"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
        for (String d : new String[] {"tmp", "root", "proc", "sys", "dev"}) {
            Files.createDirectories(root.resolve(d));
        }
        Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
    }
}
