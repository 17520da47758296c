package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.NetworkConnectRequest;
import io.gantry.core.api.types.NetworkCreateRequest;
import io.gantry.core.api.types.NetworkResource;
import io.gantry.core.container.ContainerService;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.network.Endpoint;
import io.gantry.core.network.Network;
import io.gantry.core.network.NetworkService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Networks: list, inspect, create, remove, connect, disconnect. */
final class NetworksHandler {

    private final ContainerService containers;
    private final ObjectMapper json;

    NetworksHandler(ContainerService containers, ObjectMapper json) {
        this.containers = containers;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/networks", (rq, rs, p) -> list(rq, rs))
                .add("GET", "/networks/{id}", (rq, rs, p) -> rs.json(200, resource(find(p.get("id")))))
                .add("POST", "/networks/create", (rq, rs, p) -> create(rq, rs))
                .add("DELETE", "/networks/{id}", (rq, rs, p) -> {
                    networks().remove(find(p.get("id")).name());
                    rs.empty(204);
                })
                .add("POST", "/networks/{id}/connect", (rq, rs, p) -> connect(rq, rs, p.get("id"), true))
                .add("POST", "/networks/{id}/disconnect", (rq, rs, p) -> connect(rq, rs, p.get("id"), false));
    }

    /** {@code docker network ls}, with Docker's filters: name and id (regular expressions), type, driver, scope, dangling. */
    private void list(HttpRequest request, HttpResponse response) throws IOException {
        Filters filters = Filters.parse(request, json, Set.of("name", "id", "type", "driver", "scope", "label", "dangling"));
        for (String type : filters.get("type")) {
            if (!type.equals("custom") && !type.equals("builtin")) {
                throw new ApiException(400, "invalid filter: 'type'='" + type + "'");
            }
        }
        List<Pattern> names = filters.patterns("name");
        List<Pattern> ids = filters.patterns("id");
        boolean danglingOnly = filters.bool("dangling", false);
        List<NetworkResource> result = new ArrayList<>();
        for (Network n : networks().list()) {
            boolean unused = networks().containersOn(n.name()).isEmpty();
            if (Filters.finds(names, n.name()) && Filters.finds(ids, n.id()) && filters.accepts("type", n.isDefault() ? "builtin" : "custom")
                    && filters.accepts("driver", "bridge") && filters.accepts("scope", "local")
                    && filters.acceptsLabels(Map.of()) && (!danglingOnly || (unused && !n.isDefault()))) {
                result.add(resource(n));
            }
        }
        response.json(200, result);
    }

    private NetworkService networks() {
        return containers.networking().orElseThrow(() -> new ApiException(500, "this engine runs without networking"));
    }

    private Network find(String nameOrId) {
        return networks().inspect(nameOrId).orElseThrow(() -> new NotFoundException("network " + nameOrId + " not found"));
    }

    private void create(HttpRequest request, HttpResponse response) throws IOException {
        NetworkCreateRequest body = request.jsonBody(json, NetworkCreateRequest.class, "network name is required");
        if (body.name() == null || body.name().isBlank()) {
            throw new ApiException(400, "network name is required");
        }
        if (body.driver() != null && !body.driver().isEmpty() && !body.driver().equals("bridge")) {
            throw new ApiException(400, "network driver " + body.driver() + " is not supported: only bridge");
        }
        if (List.of("bridge", "host", "none").contains(body.name())) {
            throw new ApiException(403, "operation is not permitted on predefined " + body.name() + " network ");
        }
        if (networks().inspect(body.name()).filter(n -> n.name().equals(body.name())).isPresent()) {
            throw new ApiException(409, "network with name " + body.name() + " already exists");
        }
        Optional<String> subnet = Optional.ofNullable(body.ipam()).map(NetworkCreateRequest.Ipam::config)
                .filter(c -> !c.isEmpty()).map(c -> c.get(0).get("Subnet"));
        Network network = networks().create(body.name(), subnet);
        response.json(201, Map.of("Id", network.id(), "Warning", ""));
    }

    private void connect(HttpRequest request, HttpResponse response, String network, boolean connect) throws IOException {
        NetworkConnectRequest body = request.jsonBody(json, NetworkConnectRequest.class, "container is required");
        if (body.container() == null) {
            throw new ApiException(400, "container is required");
        }
        String id = containers.resolve(body.container());
        String name = find(network).name();
        if (connect) {
            List<String> aliases = body.endpointConfig() == null || body.endpointConfig().aliases() == null
                    ? List.of() : body.endpointConfig().aliases();
            networks().connect(id, name, aliases);
        } else {
            networks().disconnect(id, name);
        }
        response.empty(200);
    }

    private NetworkResource resource(Network n) {
        Map<String, NetworkResource.Endpoint> members = new LinkedHashMap<>();
        for (String id : networks().containersOn(n.name())) {
            String containerName;
            try {
                containerName = containers.inspect(id).name();
            } catch (NotFoundException gone) {
                continue;
            }
            networks().attachment(id).ifPresent(a -> a.endpoints().stream().filter(e -> e.network().equals(n.name()))
                    .findFirst().ifPresent(e -> members.put(id, endpoint(containerName, e))));
        }
        List<Map<String, String>> config = new ArrayList<>();
        config.add(Map.of("Subnet", n.subnet(), "Gateway", n.gateway()));
        return new NetworkResource(n.name(), n.id(), Instant.ofEpochMilli(n.createdMillis()).toString(), "local",
                "bridge", true, false, new NetworkResource.Ipam("default", Map.of(), config), false, true, false,
                false, members, Map.of("com.docker.network.bridge.name", n.bridge()), Map.of());
    }

    private static NetworkResource.Endpoint endpoint(String name, Endpoint e) {
        return new NetworkResource.Endpoint(name, e.ifname(), "", e.ip() + "/" + e.prefix(), "");
    }
}
