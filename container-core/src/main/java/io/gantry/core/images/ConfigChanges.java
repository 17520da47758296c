package io.gantry.core.images;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.image.oci.ImageConfig.ContainerConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Docker's {@code --change} instructions for {@code commit} and {@code import}: {@code CMD}, {@code ENTRYPOINT} (JSON
 * or shell form), {@code ENV}, {@code EXPOSE}, {@code WORKDIR}, {@code USER}, {@code LABEL}, {@code VOLUME},
 * {@code STOPSIGNAL}, applied in order to a container config.
 */
final class ConfigChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigChanges() {
    }

    static ContainerConfig apply(ContainerConfig base, List<String> changes) {
        Mutable config = new Mutable(base);
        for (String change : changes) {
            String line = change.strip();
            int space = line.indexOf(' ');
            String instruction = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String argument = space < 0 ? "" : line.substring(space + 1).strip();
            if (argument.isEmpty()) {
                throw new InvalidArgumentException("change '" + change + "': " + instruction + " needs an argument");
            }
            switch (instruction) {
                case "CMD" -> config.cmd = command(argument, change);
                case "ENTRYPOINT" -> config.entrypoint = command(argument, change);
                case "ENV" -> env(config, argument, change);
                case "EXPOSE" -> {
                    for (String port : argument.split("\\s+")) {
                        config.exposedPorts.put(port.contains("/") ? port : port + "/tcp", Map.of());
                    }
                }
                case "WORKDIR" -> config.workingDir = argument;
                case "USER" -> config.user = argument;
                case "STOPSIGNAL" -> config.stopSignal = argument;
                case "LABEL" -> pairs(argument, change).forEach(config.labels::put);
                case "VOLUME" -> {
                    for (String volume : argument.startsWith("[") ? jsonArray(argument, change) : List.of(argument.split("\\s+"))) {
                        config.volumes.put(volume, Map.of());
                    }
                }
                default -> throw new InvalidArgumentException("change '" + change + "': " + instruction
                        + " is not one of CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR");
            }
        }
        return config.build();
    }

    private static List<String> command(String argument, String change) {
        return argument.startsWith("[") ? jsonArray(argument, change) : List.of("/bin/sh", "-c", argument);
    }

    private static List<String> jsonArray(String argument, String change) {
        try {
            return JSON.readValue(argument, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new InvalidArgumentException("change '" + change + "': not a JSON array of strings", e);
        }
    }

    private static void env(Mutable config, String argument, String change) {
        Map<String, String> values = argument.contains("=") ? pairs(argument, change)
                : Map.of(argument.split("\\s+", 2)[0], argument.split("\\s+", 2).length > 1 ? argument.split("\\s+", 2)[1] : "");
        values.forEach((key, value) -> {
            config.env.removeIf(entry -> entry.startsWith(key + "="));
            config.env.add(key + "=" + value);
        });
    }

    /** {@code k=v k2="v 2"} pairs. */
    private static Map<String, String> pairs(String argument, String change) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        while (i < argument.length()) {
            int equals = argument.indexOf('=', i);
            if (equals < 0) {
                throw new InvalidArgumentException("change '" + change + "': expected key=value");
            }
            String key = argument.substring(i, equals).strip();
            int start = equals + 1;
            int end;
            String value;
            if (start < argument.length() && argument.charAt(start) == '"') {
                end = argument.indexOf('"', start + 1);
                if (end < 0) {
                    throw new InvalidArgumentException("change '" + change + "': unterminated quote");
                }
                value = argument.substring(start + 1, end);
                end++;
            } else {
                end = argument.indexOf(' ', start);
                end = end < 0 ? argument.length() : end;
                value = argument.substring(start, end);
            }
            pairs.put(key, value);
            i = end;
            while (i < argument.length() && argument.charAt(i) == ' ') {
                i++;
            }
        }
        return pairs;
    }

    private static final class Mutable {
        String user;
        Map<String, Map<String, Object>> exposedPorts;
        List<String> env;
        List<String> entrypoint;
        List<String> cmd;
        Map<String, Map<String, Object>> volumes;
        String workingDir;
        Map<String, String> labels;
        String stopSignal;
        final ContainerConfig base;

        Mutable(ContainerConfig base) {
            this.base = base;
            user = base.user();
            exposedPorts = new LinkedHashMap<>(base.exposedPorts());
            env = new ArrayList<>(base.env());
            entrypoint = base.entrypoint();
            cmd = base.cmd();
            volumes = new LinkedHashMap<>(base.volumes());
            workingDir = base.workingDir();
            labels = new LinkedHashMap<>(base.labels());
            stopSignal = base.stopSignal();
        }

        ContainerConfig build() {
            return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal,
                    base.healthcheck());
        }
    }
}
