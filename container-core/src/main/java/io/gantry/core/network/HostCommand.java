package io.gantry.core.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the host's {@code ip}, {@code nft}, {@code iptables} and {@code unshare}. Callers batch their work ({@code ip
 * -batch -}, {@code nft -f -}) so that one container costs a handful of processes, and every batch is atomic where
 * the tool allows (nft transactions are).
 */
final class HostCommand {

    private HostCommand() {
    }

    /** Runs {@code argv} with {@code stdin} as input; returns stdout, or fails naming the command and its stderr. */
    static String run(String stdin, List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectErrorStream(false);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        byte[] err;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
            out = o.readAllBytes();
            err = e.readAllBytes();
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", argv) + ": interrupted", e);
        }
        if (code != 0) {
            String detail = (new String(err, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8)).strip();
            throw new IOException(String.join(" ", argv) + " (exit " + code + "): " + detail
                    + (stdin.isEmpty() ? "" : "\ninput:\n" + stdin));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String run(String... argv) throws IOException {
        return run("", List.of(argv));
    }

    /** Whether {@code tool} is on the PATH (looked up as a shell would, without running it). */
    static boolean available(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && new java.io.File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
