package io.gantry.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.VolumeResource;
import io.gantry.core.container.ContainerService;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.volume.Volume;
import io.gantry.core.volume.VolumeStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named volumes: list, create, inspect, remove (refused while in use), prune. */
final class VolumesHandler {

    private final ContainerService containers;
    private final ObjectMapper json;

    VolumesHandler(ContainerService containers, ObjectMapper json) {
        this.containers = containers;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/volumes", (rq, rs, p) -> rs.json(200, Map.of("Volumes",
                        volumes().list().stream().map(VolumesHandler::resource).toList(), "Warnings", List.of())))
                .add("POST", "/volumes/create", (rq, rs, p) -> create(rq, rs))
                .add("GET", "/volumes/{name}", (rq, rs, p) -> rs.json(200, resource(find(p.get("name")))))
                .add("DELETE", "/volumes/{name}", (rq, rs, p) -> {
                    volumes().remove(find(p.get("name")).name());
                    rs.empty(204);
                })
                .add("POST", "/volumes/prune", (rq, rs, p) -> rs.json(200, Map.of("VolumesDeleted",
                        volumes().prune(rq.query("filters").map(f -> f.contains("all")).orElse(false)),
                        "SpaceReclaimed", 0)));
    }

    private VolumeStore volumes() {
        return containers.volumes().orElseThrow(() -> new ApiException(500, "this engine runs without volumes"));
    }

    private Volume find(String name) {
        return volumes().get(name).orElseThrow(() -> new NotFoundException("get " + name + ": no such volume"));
    }

    private void create(HttpRequest request, HttpResponse response) throws IOException {
        JsonNode body = json.readTree(request.body().readNBytes(1 << 20));
        String name = body == null || !body.hasNonNull("Name") ? "" : body.get("Name").asText();
        String driver = body == null || !body.hasNonNull("Driver") ? "local" : body.get("Driver").asText();
        if (!driver.isEmpty() && !driver.equals("local")) {
            throw new ApiException(400, "volume driver " + driver + " is not supported: only local");
        }
        Volume volume = name.isEmpty() ? volumes().createAnonymous() : volumes().create(name);
        response.json(201, resource(volume));
    }

    private static VolumeResource resource(Volume v) {
        return new VolumeResource(v.name(), "local", v.mountpoint(), Instant.ofEpochMilli(v.createdMillis()).toString(),
                Map.of(), "local", Map.of());
    }
}
