package io.gantry.console.app.ui;

import com.vaadin.flow.component.html.Span;
import io.gantry.console.app.ApplicationSummary;
import io.gantry.console.app.ServiceStatus;
import java.util.Locale;

/** A status as a coloured badge, with the state in {@code data-status} for tests and styles. */
class StatusBadge extends Span {

    StatusBadge(String id) {
        setId(id);
    }

    void show(ServiceStatus status) {
        String text;
        String theme;
        if (status instanceof ServiceStatus.Running) {
            text = "Running";
            theme = "success";
        } else if (status instanceof ServiceStatus.Restarting) {
            text = "Restarting";
            theme = "error";
        } else if (status instanceof ServiceStatus.Paused) {
            text = "Paused";
            theme = "contrast";
        } else if (status instanceof ServiceStatus.Created) {
            text = "Created";
            theme = "contrast";
        } else if (status instanceof ServiceStatus.Exited x) {
            text = "Exited (" + x.exitCode() + ")";
            theme = x.exitCode() == 0 ? "contrast" : "error";
        } else {
            text = "Missing";
            theme = "error";
        }
        set(text, theme);
    }

    void show(ApplicationSummary summary) {
        String state = summary.state().name().toLowerCase(Locale.ROOT);
        String text = Character.toUpperCase(state.charAt(0)) + state.substring(1) + " · " + summary.up() + "/"
                + summary.total() + " up";
        set(text, switch (summary.state()) {
            case RUNNING -> "success";
            case STOPPED -> "contrast";
            case DEGRADED, INCOMPLETE -> "error";
        });
    }

    private void set(String text, String theme) {
        setText(text);
        getElement().getThemeList().clear();
        getElement().getThemeList().add("badge " + theme);
        getElement().setAttribute("data-status", text.replaceAll(" .*", "").toLowerCase(Locale.ROOT));
    }
}
