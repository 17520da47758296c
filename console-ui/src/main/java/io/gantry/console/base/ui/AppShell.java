package io.gantry.console.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the theme from {@code frontend/themes/gantry}, and server push, so that what a background task
 * or the engine's event stream hands to {@code ui.access} reaches the browser at once, without polling.
 */
@Theme("gantry")
@Push
@Meta(name = "referrer", content = "no-referrer")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Gantry");
    }
}
