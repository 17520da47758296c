package io.gantry.console.app.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.gantry.console.base.ui.LiveUpdates;
import io.gantry.console.container.ContainerOperations;
import io.gantry.console.container.LogFollow;
import io.gantry.console.engine.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The logs of all of an application's services in one place, in time order, each line marked with its service and
 * followed live; a filter shows one service. Following a container that started again picks up after the last line
 * already shown.
 */
class CombinedLogs extends Div {

    static final String ALL = "All services";
    static final int TAIL = 200;
    static final int KEEP = 3000;

    private final ContainerOperations containers;
    final Select<String> filter = new Select<>();
    final Pre text = new Pre();
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, LogFollow> following = new HashMap<>();
    private final Map<String, String> containerOf = new HashMap<>();
    private final Map<String, Instant> lastSeen = new HashMap<>();

    /** A log line with its service. */
    record Line(String service, LogLine line) {
    }

    CombinedLogs(ContainerOperations containers) {
        this.containers = containers;
        setId("app-logs");
        addClassName("gantry-logs");
        filter.setId("app-logs-filter");
        filter.setLabel("Show");
        filter.addValueChangeListener(e -> render());
        text.setId("app-logs-text");
        text.addClassName("gantry-log-text");
        add(new HorizontalLayout(filter), text);
    }

    /** Follows each running service's container (service → container id) that is not followed yet. */
    void follow(Map<String, String> running, List<String> services) {
        List<String> choices = new ArrayList<>(List.of(ALL));
        choices.addAll(services);
        if (!choices.equals(filter.getListDataView().getItems().toList())) {
            String chosen = filter.getValue();
            filter.setItems(choices);
            filter.setValue(choices.contains(chosen) ? chosen : ALL);
        }
        UI ui = UI.getCurrent();
        running.forEach((service, container) -> {
            if (container.equals(containerOf.get(service)) && following.containsKey(service)) {
                return;
            }
            stop(service);
            containerOf.put(service, container);
            LogFollow[] handle = new LogFollow[1];
            handle[0] = containers.follow(container, TAIL, line -> LiveUpdates.access(ui, () -> append(service, line)),
                    () -> LiveUpdates.access(ui, () -> ended(service, handle[0])));
            following.put(service, handle[0]);
        });
    }

    private void append(String service, LogLine line) {
        Instant last = lastSeen.get(service);
        if (last != null && !line.time().isAfter(last)) {
            return; // already shown before the container was followed again
        }
        lastSeen.put(service, line.time());
        int at = lines.size();
        while (at > 0 && lines.get(at - 1).line().time().isAfter(line.time())) {
            at--;
        }
        lines.add(at, new Line(service, line));
        while (lines.size() > KEEP) {
            lines.remove(0);
        }
        render();
    }

    private void ended(String service, LogFollow handle) {
        if (following.get(service) == handle) {
            following.remove(service);
        }
    }

    private void stop(String service) {
        LogFollow old = following.remove(service);
        if (old != null) {
            old.close();
        }
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    private void render() {
        String only = filter.getValue();
        int width = containerOf.keySet().stream().mapToInt(String::length).max().orElse(0);
        text.setText(lines.stream().filter(l -> only == null || only.equals(ALL) || only.equals(l.service()))
                .map(l -> String.format("%-" + Math.max(1, width) + "s | %s", l.service(), l.line().text()))
                .collect(Collectors.joining("\n")));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        List.copyOf(following.keySet()).forEach(this::stop);
        containerOf.clear();
    }
}
