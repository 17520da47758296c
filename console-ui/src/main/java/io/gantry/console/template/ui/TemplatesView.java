package io.gantry.console.template.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateFormatException;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.TemplateNotFoundException;
import io.gantry.console.template.TemplateRejectedException;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/** The template library: search, keyword cloud, upload, download as .pmx or Compose, delete, and details. */
@Route("templates")
@PageTitle("Templates · Gantry")
@PermitAll
class TemplatesView extends VerticalLayout {

    private final TemplateLibrary library;
    final TextField search = new TextField();
    final KeywordCloud keywords = new KeywordCloud(this::searchKeyword);
    final Grid<TemplateEntry> grid = new Grid<>();
    final Checkbox includeSecrets = new Checkbox("Include secret values (passwords, tokens, keys) in downloads");
    final UploadArea uploadArea = new UploadArea();
    /** Read by download requests, which run without the session lock. */
    private volatile boolean secretsInDownloads;

    TemplatesView(TemplateLibrary library) {
        this.library = library;
        search.setId("templates-search");
        search.setPlaceholder("Search by name, description or keyword");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("28rem");
        search.addValueChangeListener(e -> showResults());
        includeSecrets.setId("templates-include-secrets");
        includeSecrets.addValueChangeListener(e -> secretsInDownloads = e.getValue());
        uploadArea.addFileUploadedListener(e -> upload(e.fileName(), e.content()));
        configureGrid();
        HorizontalLayout toolbar = new HorizontalLayout(search, includeSecrets);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        toolbar.setWrap(true);
        add(new H2("Templates"), toolbar, keywords, grid, new H3("Add a template"), uploadArea);
        showResults();
    }

    /** A template id or keyword as an element id: {@code bundled:wordpress} becomes {@code bundled-wordpress}. */
    static String domId(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    }

    private void configureGrid() {
        grid.setId("templates-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::detailsLink).setHeader("Name").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(e -> e.template().description() == null ? "" : e.template().description())
                .setHeader("Description").setWidth("14rem").setFlexGrow(3);
        grid.addColumn(e -> String.join(", ", e.template().keywords())).setHeader("Keywords").setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(e -> e.bundled() ? "Bundled" : "Yours").setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.template().images().size()).setHeader("Services").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::downloads).setHeader("Download").setWidth("10rem").setFlexGrow(0);
        grid.addComponentColumn(this::deleteButton).setWidth("4rem").setFlexGrow(0);
    }

    private Component detailsLink(TemplateEntry entry) {
        RouterLink link = new RouterLink(entry.template().name(), TemplateView.class, new RouteParameters("id", entry.id()));
        link.setId("template-link-" + domId(entry.id()));
        return link;
    }

    private Component downloads(TemplateEntry entry) {
        String id = entry.id();
        Anchor pmx = download("download-pmx-" + domId(id), ".pmx", fileName(entry) + ".pmx",
                () -> library.downloadPmx(id, secretsInDownloads));
        Anchor compose = download("download-compose-" + domId(id), "Compose", "docker-compose.yml",
                () -> library.downloadCompose(id, secretsInDownloads));
        return new HorizontalLayout(pmx, compose);
    }

    /** Only user templates can be deleted; bundled ones get an empty cell. */
    private Component deleteButton(TemplateEntry entry) {
        if (entry.bundled()) {
            return new Span();
        }
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(entry));
        delete.setId("template-delete-" + domId(entry.id()));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + entry.template().name());
        delete.setTooltipText("Delete " + entry.template().name());
        return delete;
    }

    private static Anchor download(String id, String text, String fileName, Supplier<String> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/yaml", bytes.length);
            } catch (TemplateNotFoundException gone) {
                return DownloadResponse.error(404, gone.getMessage());
            }
        }), text);
        anchor.setId(id);
        anchor.getElement().setAttribute("title", "Download as " + fileName);
        return anchor;
    }

    private static String fileName(TemplateEntry entry) {
        String name = entry.template().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "template" : name;
    }

    private void searchKeyword(String keyword) {
        search.setValue(keyword);
    }

    private void showResults() {
        grid.setItems(library.search(search.getValue()));
        keywords.show(library.keywordCloud());
    }

    private void upload(String fileName, byte[] content) {
        TemplateLibrary.Upload added;
        try {
            added = library.upload(fileName, content);
        } catch (TemplateRejectedException e) {
            uploadArea.showRejected(fileName, e.problems(), e.getMessage());
            return;
        } catch (TemplateFormatException e) {
            uploadArea.showError(e.getMessage());
            return;
        }
        uploadArea.showAccepted(added.entry().template().name(), added.report().dangers(), added.warnings());
        showResults();
    }

    private void confirmDelete(TemplateEntry entry) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("template-delete-dialog");
        dialog.setHeader("Delete " + entry.template().name() + "?");
        dialog.setText("The template is removed from the library. This cannot be undone.");
        dialog.setCancelable(true);
        Button confirm = new Button("Delete", e -> {
            dialog.close();
            delete(entry);
        });
        confirm.setId("template-delete-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }

    private void delete(TemplateEntry entry) {
        library.delete(entry.id());
        Notification.show("Deleted the template " + entry.template().name() + ".", 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        showResults();
    }
}
