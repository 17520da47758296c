package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerCreateResponse;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.WaitResponse;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.runtime.ContainerState;
import io.gantry.core.runtime.ExitStatus;
import io.gantry.core.runtime.LogEntry;
import io.gantry.core.runtime.LogQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/** The container endpoints: create, list, inspect, lifecycle, wait, logs. */
final class ContainersHandler {


    private final ContainerService containers;
    /** Bytes of an image by ID, for {@code SizeRootFs}; 0 for one that is gone. */
    private final ToLongFunction<String> imageSize;
    private final ObjectMapper json;
    private final Clock clock;

    ContainersHandler(ContainerService containers, ToLongFunction<String> imageSize, ObjectMapper json, Clock clock) {
        this.containers = containers;
        this.imageSize = imageSize;
        this.json = json;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/containers/create", (rq, rs, p) -> create(rq, rs))
                .add("GET", "/containers/json", (rq, rs, p) -> list(rq, rs))
                .add("GET", "/containers/{id}/json", (rq, rs, p) ->
                        rs.json(200, ContainerTranslator.inspect(containers.inspect(p.get("id")))))
                .add("POST", "/containers/{id}/start", (rq, rs, p) -> rs.empty(containers.start(p.get("id")) ? 204 : 304))
                .add("POST", "/containers/{id}/stop", (rq, rs, p) ->
                        rs.empty(containers.stop(p.get("id"), timeout(rq)) ? 204 : 304))
                .add("POST", "/containers/{id}/restart", (rq, rs, p) -> {
                    containers.restart(p.get("id"), timeout(rq));
                    rs.empty(204);
                })
                .add("POST", "/containers/{id}/kill", (rq, rs, p) -> {
                    containers.kill(p.get("id"), rq.query("signal").filter(s -> !s.isEmpty()).orElse("SIGKILL"));
                    rs.empty(204);
                })
                .add("POST", "/containers/{id}/wait", (rq, rs, p) -> await(rq, rs, p.get("id")))
                .add("DELETE", "/containers/{id}", (rq, rs, p) -> {
                    containers.remove(p.get("id"), rq.flag("force", false), rq.flag("v", false));
                    rs.empty(204);
                })
                .add("GET", "/containers/{id}/logs", (rq, rs, p) -> logs(rq, rs, p.get("id")))
                .add("POST", "/containers/{id}/pause", (rq, rs, p) -> {
                    containers.pause(p.get("id"));
                    rs.empty(204);
                })
                .add("POST", "/containers/{id}/unpause", (rq, rs, p) -> {
                    containers.unpause(p.get("id"));
                    rs.empty(204);
                })
                .add("POST", "/containers/{id}/rename", (rq, rs, p) -> {
                    containers.rename(p.get("id"), rq.query("name").filter(n -> !n.isBlank())
                            .orElseThrow(() -> new ApiException(400, "name is required")));
                    rs.empty(204);
                })
                .add("POST", "/containers/{id}/attach", (rq, rs, p) -> attach(rq, rs, p.get("id")))
                .add("POST", "/containers/{id}/resize", (rq, rs, p) -> {
                    containers.resize(p.get("id"), intParam(rq, "h"), intParam(rq, "w"));
                    rs.empty(200);
                });
    }

    private void create(HttpRequest request, HttpResponse response) throws IOException {
        ContainerCreateRequest create = request.jsonBody(json, ContainerCreateRequest.class,
                "config cannot be empty in order to create a container");
        List<String> unsupported = ContainerTranslator.unsupported(create);
        if (!unsupported.isEmpty()) {
            throw new ApiException(400, "not supported by this engine yet: " + String.join(", ", unsupported));
        }
        String id = containers.create(ContainerTranslator.request(request.query("name").orElse(null), create));
        if (create.hostConfig() != null && create.hostConfig().autoRemove()) {
            containers.removeWhenExited(id);
        }
        response.json(201, new ContainerCreateResponse(id, List.of()));
    }

    /**
     * {@code docker ps}: running containers, or all with {@code all}, a status filter or a limit (as Docker); with
     * {@code size}, the bytes each wrote and its root filesystem's.
     */
    private void list(HttpRequest request, HttpResponse response) throws IOException {
        Filters filters = Filters.parse(request, json, ContainerListFilter.KEYS);
        ContainerListFilter filter = new ContainerListFilter(filters, containers);
        int limit = intParam(request, "limit", -1);
        boolean all = request.flag("all", false) || limit > 0 || !filters.get("status").isEmpty();
        boolean size = request.flag("size", false);
        Instant now = clock.instant();
        List<ContainerSummary> result = new ArrayList<>();
        for (ContainerView view : containers.list()) {
            boolean running = view.runtime().state() == ContainerState.RUNNING
                    || view.runtime().state() == ContainerState.PAUSED;
            if ((all || running) && filter.test(view)) {
                ContainerSummary summary = ContainerTranslator.summary(view, now);
                if (size) {
                    long rw = containers.sizeRw(view.id());
                    summary = summary.withSizes(rw, rw + imageSize.applyAsLong(view.metadata().imageId()));
                }
                result.add(summary);
            }
            if (limit > 0 && result.size() == limit) {
                break;
            }
        }
        response.json(200, result);
    }

    /**
     * Docker's wait: the headers go out at once (so the CLI, which waits before it starts, is not held up), the result
     * when the condition is met: {@code not-running} (the default), {@code next-exit} or {@code removed}.
     */
    private void await(HttpRequest request, HttpResponse response, String reference) throws IOException {
        String condition = request.query("condition").filter(c -> !c.isEmpty()).orElse("not-running");
        if (!Set.of("not-running", "next-exit", "removed").contains(condition)) {
            throw new ApiException(400, "invalid condition: \"" + condition + "\"");
        }
        String id = containers.resolve(reference);
        ContainerView before = containers.inspect(id);
        OutputStream out = response.stream(200, "application/json");
        WaitResponse result;
        try {
            result = new WaitResponse(waitFor(id, condition, before), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new WaitResponse(-1, new WaitResponse.Message("wait interrupted"));
        } catch (RuntimeException e) {
            result = new WaitResponse(-1, new WaitResponse.Message(ApiErrors.message(e)));
        }
        out.write(json.writeValueAsBytes(result));
        out.write('\n');
        out.close();
    }

    private int waitFor(String id, String condition, ContainerView before) throws InterruptedException {
        String startedBefore = before.runtime().startedAt();
        int lastExit = before.runtime().exit() == null ? 0 : before.runtime().exit().exitCode();
        while (true) {
            ContainerView now;
            try {
                now = containers.inspect(id);
            } catch (NotFoundException removed) {
                containers.awaitRemoval(id, Duration.ofSeconds(30)); // its runtime part is gone; the rest follows
                return containers.exitOfRemoved(id).orElse(lastExit);
            }
            ContainerState state = now.runtime().state();
            if (state == ContainerState.RUNNING || state == ContainerState.PAUSED) {
                Optional<ExitStatus> exit = containers.wait(id, Duration.ofMillis(500));
                if (exit.isPresent()) {
                    lastExit = exit.get().exitCode();
                    if (!condition.equals("removed")) {
                        return lastExit;
                    }
                }
                continue;
            }
            if (now.runtime().exit() != null) {
                lastExit = now.runtime().exit().exitCode();
            }
            boolean ranSince = !now.runtime().startedAt().equals(startedBefore);
            if (condition.equals("not-running") || condition.equals("next-exit") && ranSince) {
                return lastExit;
            }
            if (condition.equals("removed")) {
                containers.awaitRemoval(id, Duration.ofMillis(500));
            } else {
                Thread.sleep(50);
            }
        }
    }

    private void logs(HttpRequest request, HttpResponse response, String reference) throws IOException {
        boolean stdout = request.flag("stdout", false);
        boolean stderr = request.flag("stderr", false);
        if (!stdout && !stderr) {
            throw new ApiException(400, "Bad parameters: you must choose at least one stream");
        }
        ContainerView view = containers.inspect(reference);
        boolean tty = view.metadata().request().process().tty();
        boolean timestamps = request.flag("timestamps", false);
        String tail = request.query("tail").orElse("all");
        LogQuery query = new LogQuery(request.time("since").orElse(null), request.time("until").orElse(null),
                tail.equals("all") || tail.isEmpty() ? -1 : Integer.parseInt(tail), request.flag("follow", false));
        String contentType = tty || request.version().compareTo(new ApiVersion(1, 42)) < 0
                ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
        OutputStream out = response.stream(200, contentType);
        try {
            containers.logs(view.id(), query, entry -> {
                boolean isErr = entry.stream().equals("stderr");
                if (isErr ? stderr : stdout) {
                    write(out, entry, isErr ? 2 : 1, tty, timestamps);
                }
            });
        } catch (UncheckedIOException clientLeft) {
            response.closeAfterwards();
            return;
        }
        out.close();
    }

    /**
     * Docker's attach, as {@code docker run} uses it before it starts the container. Output comes from the container's
     * log, followed until its run ends: a container that starts after the attach loses nothing of what it prints
     * first (it has been running only as long as the log shows). Input goes to the monitor's attach socket once the
     * container runs.
     */
    private void attach(HttpRequest request, HttpResponse response, String reference) throws IOException {
        try (ContainerService.Hold hold = containers.holdForAttach(reference)) {
            attachHeld(request, response, reference);
        }
    }

    private void attachHeld(HttpRequest request, HttpResponse response, String reference) throws IOException {
        ContainerView view = containers.inspect(reference);
        String id = view.id();
        boolean tty = view.metadata().request().process().tty();
        boolean stdout = request.flag("stdout", false);
        boolean stderr = request.flag("stderr", false);
        boolean wasRunning = view.runtime().state() == ContainerState.RUNNING;
        Instant since = wasRunning && !request.flag("logs", false) ? clock.instant() : null;
        // Below API 1.42 Docker names every attach stream raw; the framing still follows the TTY alone.
        boolean raw = tty || request.version().compareTo(new ApiVersion(1, 42)) < 0;
        Connection connection = response.hijack(raw ? "application/vnd.docker.raw-stream"
                : "application/vnd.docker.multiplexed-stream");
        if (request.flag("stdin", false) && view.metadata().request().openStdin()) {
            Thread input = new Thread(() -> pumpStdin(id, connection), "attach-stdin-" + id.substring(0, 12));
            input.setDaemon(true);
            input.start();
        }
        if (!request.flag("stream", true)) {
            connection.shutdownOutput();
            return;
        }
        awaitStart(id);
        OutputStream out = connection.out();
        try {
            containers.logs(id, new LogQuery(since, null, -1, true), entry -> {
                boolean isErr = entry.stream().equals("stderr");
                if (isErr ? stderr : stdout) {
                    write(out, entry, isErr ? 2 : 1, tty, false);
                    flush(out);
                }
            });
        } catch (UncheckedIOException | NotFoundException clientLeftOrContainerRemoved) {
            return;
        }
        connection.shutdownOutput();
    }

    /** A container attached before its start: wait (for a day at most) until it has been started. */
    private void awaitStart(String id) {
        long deadline = System.nanoTime() + Duration.ofDays(1).toNanos();
        try {
            while (containers.inspect(id).runtime().state() == ContainerState.CREATED && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NotFoundException removed) {
            // nothing to attach to any more; the log follow ends at once
        }
    }

    private void pumpStdin(String id, Connection connection) {
        awaitStart(id);
        try (var handle = containers.attach(id)) {
            Streams.pumpInBackground("attach-stdin-copy-" + id.substring(0, 12), connection.in(), handle.stdin());
            containers.wait(id, Duration.ofDays(1));
        } catch (RuntimeException e) {
            // the container ended or was removed: no more input to pass on
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intParam(HttpRequest request, String name) {
        try {
            return Integer.parseInt(request.query(name).orElseThrow(() -> new ApiException(400, name + " is required")));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid " + name);
        }
    }

    private static int intParam(HttpRequest request, String name, int absent) {
        return request.query(name).filter(v -> !v.isEmpty()).isPresent() ? intParam(request, name) : absent;
    }

    private static void write(OutputStream out, LogEntry entry, int stream, boolean raw, boolean timestamps) {
        byte[] text = ((timestamps ? entry.time() + " " : "") + entry.text()).getBytes(StandardCharsets.UTF_8);
        try {
            if (raw) {
                out.write(text);
                return;
            }
            byte[] frame = new byte[8 + text.length];
            frame[0] = (byte) stream;
            frame[4] = (byte) (text.length >>> 24);
            frame[5] = (byte) (text.length >>> 16);
            frame[6] = (byte) (text.length >>> 8);
            frame[7] = (byte) text.length;
            System.arraycopy(text, 0, frame, 8, text.length);
            out.write(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Duration> timeout(HttpRequest request) {
        return request.query("t").filter(t -> !t.isEmpty()).map(t -> {
            int seconds = Integer.parseInt(t);
            return seconds < 0 ? Duration.ofDays(365) : Duration.ofSeconds(seconds);
        });
    }
}
