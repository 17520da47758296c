package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ContainerChange;
import io.gantry.core.api.types.ContainerPathStat;
import io.gantry.core.container.ContainerFiles;
import io.gantry.core.container.PathStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * A container's files: {@code export}, {@code changes} ({@code docker diff}) and {@code archive} (HEAD, GET, PUT) for
 * {@code docker cp} in both directions, on running and stopped containers.
 */
final class ContainerFilesHandler {

    static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

    private final ContainerFiles files;
    private final ObjectMapper json;

    ContainerFilesHandler(ContainerFiles files, ObjectMapper json) {
        this.files = files;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/containers/{id}/export", (rq, rs, p) -> export(rs, p.get("id")))
                .add("GET", "/containers/{id}/changes", (rq, rs, p) -> rs.json(200, files.changes(p.get("id")).stream()
                        .map(c -> new ContainerChange(c.path(), c.kind().ordinal())).toList()))
                .add("HEAD", "/containers/{id}/archive", (rq, rs, p) -> {
                    rs.header(STAT_HEADER, header(files.stat(p.get("id"), path(rq))));
                    rs.empty(200);
                })
                .add("GET", "/containers/{id}/archive", (rq, rs, p) -> copyOut(rq, rs, p.get("id")))
                .add("PUT", "/containers/{id}/archive", (rq, rs, p) -> {
                    files.copyIn(p.get("id"), path(rq), rq.body(), rq.flag("noOverwriteDirNonDir", false));
                    rs.empty(200);
                });
    }

    private void export(HttpResponse response, String id) throws IOException {
        LazyStream out = new LazyStream(response, "application/x-tar");
        files.export(id, () -> out);
        out.close();
    }

    private void copyOut(HttpRequest request, HttpResponse response, String id) throws IOException {
        LazyStream out = new LazyStream(response, "application/x-tar");
        files.copyOut(id, path(request), stat -> {
            try {
                response.header(STAT_HEADER, header(stat));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.close();
    }

    private static String path(HttpRequest request) {
        return request.query("path").filter(p -> !p.isEmpty())
                .orElseThrow(() -> new ApiException(400, "path is required"));
    }

    private String header(PathStat stat) throws IOException {
        byte[] body = json.writeValueAsBytes(new ContainerPathStat(stat.name(), stat.size(), stat.mode(),
                stat.modified().toString(), stat.linkTarget()));
        return Base64.getEncoder().encodeToString(body);
    }
}
