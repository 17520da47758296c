package io.gantry.console.base.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A time-series chart drawn on the server as SVG (no chart library in the browser): one line per series over a time
 * window, the value axis from zero to a round maximum, and a legend with each series' latest value. Colours come
 * from the theme ({@code .gantry-chart-line.series-N}).
 */
public class LineChart extends Div {

    /** One line: its name in the legend and its points, oldest first. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    public record Point(Instant at, double value) {
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 170;
    private static final int LEFT = 64;
    private static final int RIGHT = WIDTH - 8;
    private static final int TOP = 8;
    private static final int BOTTOM = HEIGHT - 22;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final DoubleFunction<String> format;
    private final double floor;
    private final Svg plot = new Svg();
    private final Div legend = new Div();

    /**
     * @param format writes a value for the axis and legend ({@code 12 %}, {@code 3.4 MiB})
     * @param floor  the smallest top of the value axis, so that a flat line near zero is not drawn as noise
     */
    public LineChart(String id, String title, DoubleFunction<String> format, double floor) {
        this.format = format;
        this.floor = floor;
        setId(id);
        addClassName("gantry-chart");
        Span heading = new Span(title);
        heading.addClassName("gantry-chart-title");
        plot.addClassName("gantry-chart-plot");
        legend.addClassName("gantry-chart-legend");
        add(heading, legend, plot);
    }

    /** Draws the series over the window {@code from}–{@code to}. */
    public void show(Instant from, Instant to, List<Series> series) {
        double max = niceMax(Math.max(floor, series.stream().flatMap(s -> s.points().stream())
                .mapToDouble(Point::value).max().orElse(0)));
        StringBuilder svg = new StringBuilder(4096).append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("' role='img'>");
        for (int i = 0; i <= 2; i++) {
            double y = BOTTOM - (BOTTOM - TOP) * i / 2.0;
            svg.append("<line class='gantry-chart-grid' x1='").append(LEFT).append("' x2='").append(RIGHT)
                    .append("' y1='").append(y).append("' y2='").append(y).append("'/>")
                    .append("<text class='gantry-chart-axis' text-anchor='end' x='").append(LEFT - 6).append("' y='")
                    .append(y + 4).append("'>").append(escape(format.apply(max * i / 2))).append("</text>");
        }
        svg.append("<text class='gantry-chart-axis' x='").append(LEFT).append("' y='").append(HEIGHT - 6).append("'>")
                .append(CLOCK.format(from)).append("</text><text class='gantry-chart-axis' text-anchor='end' x='")
                .append(RIGHT).append("' y='").append(HEIGHT - 6).append("'>").append(CLOCK.format(to)).append("</text>");
        long span = Math.max(1, Duration.between(from, to).toMillis());
        legend.removeAll();
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            svg.append("<polyline class='gantry-chart-line series-").append(s).append("' data-points='")
                    .append(one.points().size()).append("' points='");
            for (Point p : one.points()) {
                double x = LEFT + (RIGHT - LEFT) * Math.max(0, Duration.between(from, p.at()).toMillis()) / (double) span;
                double y = BOTTOM - (BOTTOM - TOP) * Math.min(1, p.value() / max);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", Math.min(RIGHT, x), y));
            }
            svg.append("'/>");
            legend.add(legendEntry(s, one));
        }
        plot.setSvg(svg.append("</svg>").toString());
    }

    private Span legendEntry(int index, Series series) {
        String latest = series.points().isEmpty() ? "—" : format.apply(series.points().get(series.points().size() - 1).value());
        Span entry = new Span(series.name() + " " + latest);
        entry.addClassNames("gantry-chart-key", "series-" + index);
        return entry;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceMax(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
