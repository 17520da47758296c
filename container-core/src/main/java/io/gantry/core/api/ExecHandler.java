package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ExecConfig;
import io.gantry.core.api.types.ExecInspect;
import io.gantry.core.api.types.ExecStartConfig;
import io.gantry.core.api.types.IdResponse;
import io.gantry.core.container.ContainerService;
import io.gantry.core.runtime.ExecHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/** Docker's exec: create, start (a hijacked connection carrying the process's stdio), inspect, resize. */
final class ExecHandler {


    private final ContainerService containers;
    private final ObjectMapper json;

    ExecHandler(ContainerService containers, ObjectMapper json) {
        this.containers = containers;
        this.json = json;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/exec", (rq, rs, p) -> create(rq, rs, p.get("id")))
                .add("POST", "/exec/{id}/start", (rq, rs, p) -> start(rq, rs, p.get("id")))
                .add("GET", "/exec/{id}/json", (rq, rs, p) -> rs.json(200, inspect(p.get("id"))))
                .add("POST", "/exec/{id}/resize", (rq, rs, p) -> {
                    containers.resizeExec(p.get("id"), size(rq, "h"), size(rq, "w"));
                    rs.empty(200);
                });
    }

    private void create(HttpRequest request, HttpResponse response, String container) throws IOException {
        ExecConfig config = request.jsonBody(json, ExecConfig.class, "No exec command specified");
        String id = containers.createExec(container, config.cmd() == null ? List.of() : config.cmd(),
                config.env() == null ? List.of() : config.env(), config.workingDir() == null ? "" : config.workingDir(),
                config.user() == null ? "" : config.user(), config.tty(), config.attachStdin(), config.attachStdout(),
                config.attachStderr());
        response.json(201, new IdResponse(id));
    }

    /**
     * Starts the exec. Detached, it answers 200 and the process runs on; otherwise the connection is hijacked:
     * stdin flows in, stdout and stderr flow out (framed unless on a terminal) until the process ends.
     */
    private void start(HttpRequest request, HttpResponse response, String id) throws IOException {
        byte[] body = request.jsonBody();
        ExecStartConfig start = body.length == 0 ? new ExecStartConfig(false, false)
                : json.readValue(body, ExecStartConfig.class);
        ContainerService.ExecView view = containers.inspectExec(id);
        ExecHandle handle = containers.startExec(id);
        if (start.detach()) {
            response.empty(200);
            watch(id, handle);
            return;
        }
        boolean raw = view.tty() || request.version().compareTo(new ApiVersion(1, 42)) < 0;
        Connection connection = response.hijack(raw ? "application/vnd.docker.raw-stream"
                : "application/vnd.docker.multiplexed-stream");
        if (view.openStdin()) {
            Streams.pumpInBackground("exec-stdin-" + id.substring(0, 12), connection.in(), handle.stdin());
        } else {
            Streams.closeQuietly(handle.stdin());
        }
        OutputStream out = connection.out();
        Thread stderr = view.tty() ? null
                : Streams.relayInBackground("exec-stderr-" + id.substring(0, 12), handle.stderr(), out, 2);
        Streams.relay(handle.stdout(), out, view.tty() ? 0 : 1);
        if (stderr != null) {
            Streams.join(stderr);
        }
        containers.execExited(id, handle.waitFor(Duration.ofDays(3650)).orElse(-1));
        connection.shutdownOutput();
    }

    private void watch(String id, ExecHandle handle) {
        Thread watcher = new Thread(() -> {
            Streams.drain(handle.stdout());
            containers.execExited(id, handle.waitFor(Duration.ofDays(3650)).orElse(-1));
        }, "exec-detached-" + id.substring(0, 12));
        watcher.setDaemon(true);
        watcher.start();
        Thread errors = new Thread(() -> Streams.drain(handle.stderr()), "exec-detached-err-" + id.substring(0, 12));
        errors.setDaemon(true);
        errors.start();
    }

    private ExecInspect inspect(String id) {
        ContainerService.ExecView view = containers.inspectExec(id);
        List<String> command = view.command();
        return new ExecInspect(view.id(), view.running(), view.exitCode(),
                new ExecInspect.ProcessConfig(view.tty(), command.get(0), command.subList(1, command.size()), false,
                        view.user()),
                view.openStdin(), view.openStderr(), view.openStdout(), false, view.containerId(), "", view.pid());
    }

    private static int size(HttpRequest request, String name) {
        try {
            return Integer.parseInt(request.query(name).orElseThrow(() -> new ApiException(400, name + " is required")));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid " + name + ": " + request.query(name).orElse(""));
        }
    }
}
