package io.gantry.console.metrics.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import io.gantry.console.base.ui.LineChart;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.metrics.HostSample;
import io.gantry.console.metrics.MetricsService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The host's CPU, memory and disk over the last hour, from the samples the backend keeps; redrawn every
 * {@value #REDRAW_SECONDS} seconds while the page is open.
 */
class HostCharts extends Div {

    static final int REDRAW_SECONDS = 5;

    private final MetricsService metrics;
    final LineChart cpu = new LineChart("host-chart-cpu", "Host CPU", Sizes::percent, 10);
    final LineChart memory = new LineChart("host-chart-memory", "Host memory", v -> Sizes.human((long) v), 1 << 30);
    final LineChart disk = new LineChart("host-chart-disk", "Disk under the data root", v -> Sizes.human((long) v), 1 << 30);
    private @Nullable Registration polling;
    private Instant drawn = Instant.EPOCH;

    HostCharts(MetricsService metrics) {
        this.metrics = metrics;
        setId("host-charts");
        addClassName("gantry-charts");
        add(cpu, memory, disk);
        draw();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        UiTasks.keepPolling(ui, +1);
        polling = ui.addPollListener(e -> {
            if (Duration.between(drawn, Instant.now()).getSeconds() >= REDRAW_SECONDS) {
                draw();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
            UiTasks.keepPolling(event.getUI(), -1);
        }
    }

    private void draw() {
        drawn = Instant.now();
        List<HostSample> samples = metrics.hostHistory();
        Instant to = samples.isEmpty() ? drawn : samples.get(samples.size() - 1).at();
        Instant from = to.minus(Duration.ofHours(1));
        cpu.show(from, to, List.of(series("Busy", samples, HostSample::cpuPercent)));
        memory.show(from, to, List.of(series("Used", samples, HostSample::memoryUsedBytes),
                series("Total", samples, HostSample::memoryTotalBytes)));
        disk.show(from, to, List.of(series("Used", samples, HostSample::diskUsedBytes),
                series("Size", samples, HostSample::diskTotalBytes)));
    }

    private static LineChart.Series series(String name, List<HostSample> samples, ToDoubleFunction<HostSample> value) {
        return new LineChart.Series(name, samples.stream()
                .map(s -> new LineChart.Point(s.at(), value.applyAsDouble(s))).toList());
    }
}
