package io.gantry.console.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.gantry.console.metrics.ui.DashboardView;
import io.gantry.console.user.ui.AccountView;

/** The frame around every signed-in page: title bar with the user and logout, and the side navigation. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        H1 title = new H1("Gantry");
        title.addClassName("gantry-title");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("gantry-header");
        authentication.getPrincipalName().ifPresent(name -> {
            Span user = new Span(name);
            user.setId("current-user");
            Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout account = new HorizontalLayout(user, logout);
            account.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            header.add(account);
            header.expand(title);
        });
        addToNavbar(header);
        addToDrawer(new Scroller(navigation()));
        setPrimarySection(Section.DRAWER);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Search", "search", VaadinIcon.SEARCH.create()));
        nav.addItem(new SideNavItem("Applications", "applications", VaadinIcon.CLUSTER.create()));
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("Containers", "containers", VaadinIcon.CUBES.create()));
        nav.addItem(new SideNavItem("Images", "images", VaadinIcon.ARCHIVES.create()));
        nav.addItem(new SideNavItem("Volumes", "volumes", VaadinIcon.DATABASE.create()));
        nav.addItem(new SideNavItem("Networks", "networks", VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem("Activity", "activity", VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem("Templates", "templates", VaadinIcon.RECORDS.create()));
        nav.addItem(new SideNavItem("Settings", "settings", VaadinIcon.COG.create()));
        nav.addItem(new SideNavItem("Account", AccountView.class, VaadinIcon.USER.create()));
        return nav;
    }
}
