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

/** Named volumes: list, create, inspect, remove (refused while in use); their prune is {@link PruneHandler}'s. */
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
                });
    }

    private VolumeStore volumes() {
        return containers.volumes().orElseThrow(() -> new ApiException(500, "this engine runs without volumes"));
    }

    private Volume find(String name) {
        return volumes().get(name).orElseThrow(() -> new NotFoundException("get " + name + ": no such volume"));
    }

    private void create(HttpRequest request, HttpResponse response) throws IOException {
        JsonNode body = json.readTree(request.jsonBody());
        if (body != null && !body.isMissingNode() && !body.isNull() && !body.isObject()) {
            throw new ApiException(400, "invalid JSON: the request body must be an object");
        }
        String name = text(body, "Name", "");
        String driver = text(body, "Driver", "local");
        if (!driver.isEmpty() && !driver.equals("local")) {
            throw new ApiException(400, "volume driver " + driver + " is not supported: only local");
        }
        Volume volume = name.isEmpty() ? volumes().createAnonymous() : volumes().create(name);
        response.json(201, resource(volume));
    }

    private static String text(JsonNode body, String field, String absent) {
        if (body == null || !body.hasNonNull(field)) {
            return absent;
        }
        if (!body.get(field).isTextual()) {
            throw new ApiException(400, "invalid JSON: " + field + " must be a string");
        }
        return body.get(field).asText();
    }

    static VolumeResource resource(Volume v) {
        return new VolumeResource(v.name(), "local", v.mountpoint(), Instant.ofEpochMilli(v.createdMillis()).toString(),
                Map.of(), "local", Map.of(), null);
    }
}
