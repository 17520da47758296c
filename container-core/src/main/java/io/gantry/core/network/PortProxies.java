package io.gantry.core.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The userspace fallback for published ports: one {@link PortProxyMain} process per container, started in its own
 * session so that, like kernel NAT, it keeps serving while the engine is down; its PID lives in
 * {@code <run>/proxy/<container>.pid}. It holds the host ports, as docker-proxy does.
 */
final class PortProxies {

    private final Path dir;

    PortProxies(Path runDir) {
        this.dir = runDir.resolve("proxy");
    }

    /** Starts a proxy for each container in {@code wanted} without a live one, stops those not wanted. */
    void sync(Map<String, List<NftTable.Dnat>> wanted) throws IOException {
        for (String id : running()) {
            if (!wanted.containsKey(id) || wanted.get(id).isEmpty()) {
                stop(id);
            }
        }
        for (Map.Entry<String, List<NftTable.Dnat>> e : wanted.entrySet()) {
            if (!e.getValue().isEmpty() && pid(e.getKey()).isEmpty()) {
                start(e.getKey(), e.getValue());
            }
        }
    }

    /** Stops every proxy of the instance and removes their directory. */
    void stopAll() throws IOException {
        for (String id : running()) {
            stop(id);
        }
        if (Files.isDirectory(dir)) {
            try (var left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private void start(String containerId, List<NftTable.Dnat> ports) throws IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of("setsid",
                ProcessHandle.current().info().command().orElse("java"),
                "-Xss256k", "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PortProxyMain.class.getName()));
        for (NftTable.Dnat d : ports) {
            PortBinding p = d.binding();
            cmd.add(p.hostIp() + ":" + p.hostPort() + ":" + d.containerIp() + ":" + p.containerPort() + ":"
                    + p.protocol().wire());
        }
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        proc.getOutputStream().close();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            line = r.readLine();
        }
        if (!"ready".equals(line)) {
            proc.destroyForcibly();
            throw new IOException("port proxy for " + containerId + " failed: " + line);
        }
        Files.writeString(dir.resolve(containerId + ".pid"), Long.toString(proc.pid()));
    }

    private void stop(String containerId) throws IOException {
        pid(containerId).flatMap(ProcessHandle::of).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
        Files.deleteIfExists(dir.resolve(containerId + ".pid"));
    }

    private List<String> running() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - 4)).toList();
        }
    }

    /** The live proxy's PID: a recorded PID whose process is still our proxy. */
    Optional<Long> pid(String containerId) throws IOException {
        Path f = dir.resolve(containerId + ".pid");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(f).strip());
        boolean alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().arguments())
                .map(args -> List.of(args).contains(PortProxyMain.class.getName())).orElse(false);
        return alive ? Optional.of(pid) : Optional.empty();
    }
}
