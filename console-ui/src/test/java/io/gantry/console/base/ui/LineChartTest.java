package io.gantry.console.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Svg;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void the_value_axis_tops_at_a_round_number_no_lower_than_the_floor() {
        assertThat(LineChart.niceMax(0)).isEqualTo(1);
        assertThat(LineChart.niceMax(3)).isEqualTo(5);
        assertThat(LineChart.niceMax(12)).isEqualTo(20);
        assertThat(LineChart.niceMax(50)).isEqualTo(50);
        assertThat(LineChart.niceMax(51)).isEqualTo(100);
    }

    @Test
    void each_series_is_a_line_across_the_window_with_its_latest_value_in_the_legend() {
        LineChart chart = new LineChart("chart", "CPU", v -> Math.round(v) + " %", 10);

        chart.show(T0, T0.plusSeconds(60), List.of(
                new LineChart.Series("busy", List.of(new LineChart.Point(T0, 0), new LineChart.Point(T0.plusSeconds(60), 20))),
                new LineChart.Series("idle <b>", List.of())));

        String svg = chart.getChildren().filter(Svg.class::isInstance).findFirst().orElseThrow()
                .getElement().getProperty("innerHTML", "");
        assertThat(svg).contains("class='gantry-chart-line series-0' data-points='2' points='64.0,148.0 592.0,8.0 '")
                .contains("data-points='0'").contains(">20 %<").contains(">10 %<").doesNotContain("<b>");
        assertThat(chart.getElement().getTextRecursively()).contains("CPU", "busy 20 %", "idle <b> —");
    }
}
