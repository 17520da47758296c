package io.gantry.console.container.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.container.ContainerOperations;
import io.gantry.console.container.LogFollow;
import io.gantry.console.engine.LogLine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A container's log: the last {@value #TAIL} lines, followed live while the container runs (read on the stream's own
 * thread, handed to the page with {@code ui.access} and delivered by polling), with search, times, and download.
 */
class LogViewer extends Div {

    static final int TAIL = 500;
    static final int KEEP = 5000;

    private final ContainerOperations containers;
    private final String id;
    final Checkbox follow = new Checkbox("Follow", true);
    final TextField search = new TextField();
    final Checkbox timestamps = new Checkbox("Timestamps");
    final Pre text = new Pre();
    private final Deque<LogLine> lines = new ArrayDeque<>();
    private @Nullable LogFollow following;

    LogViewer(ContainerOperations containers, String id, String fileName) {
        this.containers = containers;
        this.id = id;
        setId("container-logs");
        addClassName("gantry-logs");
        follow.setId("logs-follow");
        follow.addValueChangeListener(e -> reload());
        search.setId("logs-search");
        search.setPlaceholder("Search the log");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> render());
        timestamps.setId("logs-timestamps");
        timestamps.addValueChangeListener(e -> render());
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = containers.logText(id, true).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName + ".log", "text/plain", bytes.length);
        }), "Download");
        download.setId("logs-download");
        text.setId("logs-text");
        text.addClassName("gantry-log-text");
        HorizontalLayout toolbar = new HorizontalLayout(search, follow, timestamps, download);
        toolbar.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.BASELINE);
        add(toolbar, text);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        reload();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopFollowing(event.getUI());
    }

    /** Reads the tail afresh; while following, new lines then keep arriving until the container's run ends. */
    void reload() {
        UI ui = UI.getCurrent();
        stopFollowing(ui);
        lines.clear();
        if (follow.getValue()) {
            UiTasks.keepPolling(ui, +1);
            LogFollow[] handle = new LogFollow[1];
            handle[0] = containers.follow(id, TAIL, line -> ui.access(() -> append(line)),
                    () -> ui.access(() -> ended(ui, handle[0])));
            following = handle[0];
        } else {
            containers.logs(id, TAIL).forEach(lines::add);
        }
        render();
    }

    private void ended(UI ui, @Nullable LogFollow handle) {
        if (handle != null && handle == following) {
            stopFollowing(ui);
        }
    }

    private void stopFollowing(UI ui) {
        if (following != null) {
            following.close();
            following = null;
            UiTasks.keepPolling(ui, -1);
        }
    }

    private void append(LogLine line) {
        lines.addLast(line);
        while (lines.size() > KEEP) {
            lines.removeFirst();
        }
        render();
    }

    private void render() {
        String needle = search.getValue().toLowerCase(Locale.ROOT);
        boolean times = timestamps.getValue();
        text.setText(lines.stream().filter(l -> needle.isEmpty() || l.text().toLowerCase(Locale.ROOT).contains(needle))
                .map(l -> times ? l.time() + "  " + l.text() : l.text()).collect(Collectors.joining("\n")));
    }
}
