package io.gantry.console.volume;

import io.gantry.console.activity.ActivityService;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.image.RemovalResult;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.MountPoint;
import io.gantry.core.api.types.VolumeResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** The volumes page's one service. */
@Service
public class VolumeOperations {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");

    private final EngineClient engine;
    private final ActivityService activity;

    VolumeOperations(EngineClient engine, ActivityService activity) {
        this.engine = engine;
        this.activity = activity;
    }

    /** Every volume, by name, with the containers that mount it. */
    public List<VolumeRow> list() {
        Map<String, List<String>> users = users();
        return engine.listVolumes().stream().map(v -> new VolumeRow(v.name(), v.driver(), v.mountpoint(),
                        time(v.createdAt()), users.getOrDefault(v.name(), List.of()).stream().sorted().toList()))
                .sorted(Comparator.comparing(VolumeRow::name)).toList();
    }

    /** Creates a named volume; a malformed or taken name is refused. */
    public VolumeRow create(String name) {
        String wanted = name.strip();
        if (!NAME.matcher(wanted).matches()) {
            throw new InvalidVolumeException("a volume name uses letters, digits, _ . and -, starting with a letter or "
                    + "digit, not \"" + wanted + "\"");
        }
        return activity.recordAction("volume.create", wanted, "", () -> {
            if (engine.listVolumes().stream().anyMatch(v -> v.name().equals(wanted))) {
                throw new InvalidVolumeException("a volume named " + wanted + " exists already");
            }
            VolumeResource created = engine.createVolume(wanted);
            return new VolumeRow(created.name(), created.driver(), created.mountpoint(), time(created.createdAt()),
                    List.of());
        });
    }

    /**
     * Removes each volume in turn with its data; one that a container mounts is refused, naming the containers (the
     * engine would refuse too, with ids instead of names), and the others still go.
     */
    public RemovalResult remove(List<VolumeRow> volumes) {
        Map<String, List<String>> users = users();
        List<String> removed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (VolumeRow volume : volumes) {
            List<String> using = users.getOrDefault(volume.name(), List.of()).stream().sorted().toList();
            try {
                activity.recordAction("volume.remove", volume.name(), "", () -> {
                    if (!using.isEmpty()) {
                        throw new EngineCallException(409, "in use by " + String.join(", ", using));
                    }
                    engine.removeVolume(volume.name(), false);
                });
                removed.add(volume.name());
            } catch (EngineCallException e) {
                refused.put(volume.name(), e.getMessage());
            }
        }
        return new RemovalResult(removed, refused);
    }

    /** Removes every volume no container mounts, named or anonymous; the names removed. */
    public List<String> prune() {
        return activity.recordAction("volume.prune", "unused volumes", "", engine::pruneVolumes);
    }

    /** Volume name → names of the containers mounting it. */
    private Map<String, List<String>> users() {
        Map<String, List<String>> users = new HashMap<>();
        for (ContainerSummary c : engine.listContainers(true)) {
            String container = c.names() == null || c.names().isEmpty() ? c.id() : c.names().get(0).replaceFirst("^/", "");
            for (MountPoint m : c.mounts() == null ? List.<MountPoint>of() : c.mounts()) {
                if ("volume".equals(m.type()) && m.name() != null) {
                    users.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(container);
                }
            }
        }
        return users;
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;
        }
    }
}
