package io.gantry.console.run.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.run.PortChoice;
import io.gantry.console.run.VolumeChoice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the application takes of the host, editable before it runs: the host port of each published port (empty for
 * one the engine chooses) and where each volume lives (a name, a host directory, or empty for an anonymous volume).
 */
class HostChoicesForm extends Div {

    private final Map<String, TextField> ports = new LinkedHashMap<>();
    private final Map<String, TextField> volumes = new LinkedHashMap<>();

    HostChoicesForm(List<PortChoice> portChoices, List<VolumeChoice> volumeChoices) {
        setId("run-host-choices");
        if (!portChoices.isEmpty()) {
            FormLayout form = new FormLayout();
            for (PortChoice p : portChoices) {
                TextField field = new TextField(p.service() + ": host port for " + p.containerPort() + "/"
                        + p.protocol().name().toLowerCase(Locale.ROOT));
                field.setId("port-" + DomIds.of(p.key()));
                field.setPlaceholder("automatic");
                field.setValue(p.hostPort() == null ? "" : p.hostPort());
                ports.put(p.key(), field);
                form.add(field);
            }
            add(new H3("Ports"), form);
        }
        if (!volumeChoices.isEmpty()) {
            FormLayout form = new FormLayout();
            for (VolumeChoice v : volumeChoices) {
                TextField field = new TextField(v.service() + ": " + v.target());
                field.setId("volume-" + DomIds.of(v.key()));
                field.setHelperText("A volume name, a host directory (/srv/data), or empty for an anonymous volume");
                field.setValue(v.source() == null ? "" : v.source());
                volumes.put(v.key(), field);
                form.add(field);
            }
            add(new H3("Volumes"), form);
        }
    }

    /** Shows a problem of a service's ports beside each of its port fields (the message names the port). */
    void markPorts(String service, String message) {
        ports.forEach((key, field) -> {
            if (key.startsWith(service + " ")) {
                field.setInvalid(true);
                field.setErrorMessage(message);
            }
        });
    }

    /** Shows a problem of a service's volumes beside each of its volume fields (the message names the path). */
    void markVolumes(String service, String message) {
        volumes.forEach((key, field) -> {
            if (key.startsWith(service + ":")) {
                field.setInvalid(true);
                field.setErrorMessage(message);
            }
        });
    }

    void clearMarks() {
        ports.values().forEach(f -> f.setInvalid(false));
        volumes.values().forEach(f -> f.setInvalid(false));
    }

    Map<String, String> hostPorts() {
        Map<String, String> values = new LinkedHashMap<>();
        ports.forEach((key, field) -> values.put(key, field.getValue()));
        return values;
    }

    Map<String, String> volumeSources() {
        Map<String, String> values = new LinkedHashMap<>();
        volumes.forEach((key, field) -> values.put(key, field.getValue()));
        return values;
    }
}
