package io.gantry.console.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/** Page-wide settings: the theme from {@code frontend/themes/gantry}. */
@Theme("gantry")
@Meta(name = "referrer", content = "no-referrer")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Gantry");
    }
}
