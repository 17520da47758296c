package io.gantry.console.container.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.gantry.console.base.ui.LineChart;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.metrics.ContainerMetrics;
import io.gantry.console.metrics.MetricsFollow;
import io.gantry.console.metrics.MetricsService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Live charts of a running container's CPU, memory, network and block I/O over the last {@value #SECONDS} seconds,
 * from the engine's stats stream (a figure a second, read on the stream's thread and delivered by polling).
 */
class ContainerCharts extends Div {

    static final int SECONDS = 120;

    private final MetricsService metrics;
    private final String id;
    private final boolean running;
    private final Deque<ContainerMetrics> figures = new ArrayDeque<>();
    final LineChart cpu = new LineChart("chart-cpu", "CPU", Sizes::percent, 5);
    final LineChart memory = new LineChart("chart-memory", "Memory", v -> Sizes.human((long) v), 1 << 20);
    final LineChart network = new LineChart("chart-network", "Network", Sizes::perSecond, 1024);
    final LineChart disk = new LineChart("chart-block-io", "Block I/O", Sizes::perSecond, 1024);
    final Span idle = new Span("The container does not run: no figures.");
    private @Nullable MetricsFollow following;

    ContainerCharts(MetricsService metrics, String id, boolean running) {
        this.metrics = metrics;
        this.id = id;
        this.running = running;
        setId("container-charts");
        addClassName("gantry-charts");
        idle.setId("container-charts-idle");
        idle.setVisible(false);
        add(idle, cpu, memory, network, disk);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        render();
        if (!running) {
            idle.setVisible(true);
            return;
        }
        UI ui = event.getUI();
        UiTasks.keepPolling(ui, +1);
        MetricsFollow[] handle = new MetricsFollow[1];
        try {
            handle[0] = metrics.followContainer(id, figure -> ui.access(() -> add(figure)),
                    () -> ui.access(() -> ended(ui, handle[0])));
            following = handle[0];
        } catch (RuntimeException notRunning) {
            UiTasks.keepPolling(ui, -1);
            idle.setVisible(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stop(event.getUI());
    }

    private void ended(UI ui, @Nullable MetricsFollow handle) {
        if (handle != null && handle == following) {
            stop(ui);
            idle.setVisible(true);
        }
    }

    private void stop(UI ui) {
        if (following != null) {
            following.close();
            following = null;
            UiTasks.keepPolling(ui, -1);
        }
    }

    private void add(ContainerMetrics figure) {
        figures.addLast(figure);
        while (figures.size() > SECONDS) {
            figures.removeFirst();
        }
        render();
    }

    private void render() {
        Instant to = figures.isEmpty() ? Instant.now() : figures.getLast().at();
        Instant from = to.minus(Duration.ofSeconds(SECONDS));
        cpu.show(from, to, List.of(series("CPU", ContainerMetrics::cpuPercent)));
        memory.show(from, to, List.of(series("Used", ContainerMetrics::memoryBytes)));
        network.show(from, to, List.of(series("Received", ContainerMetrics::networkRxPerSecond),
                series("Sent", ContainerMetrics::networkTxPerSecond)));
        disk.show(from, to, List.of(series("Read", ContainerMetrics::blockReadPerSecond),
                series("Written", ContainerMetrics::blockWritePerSecond)));
    }

    private LineChart.Series series(String name, ToDoubleFunction<ContainerMetrics> value) {
        return new LineChart.Series(name, figures.stream()
                .map(f -> new LineChart.Point(f.at(), value.applyAsDouble(f))).toList());
    }
}
