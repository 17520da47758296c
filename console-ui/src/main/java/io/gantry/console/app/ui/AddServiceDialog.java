package io.gantry.console.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.app.AppService;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.Edit;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.search.SearchHit;
import io.gantry.console.search.SearchResults;
import io.gantry.console.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds a service to a running application: an image found by search (local, registry, or by its name), a tag, and
 * the service's name. The application's other services keep running; the new one is pulled, created and started.
 */
class AddServiceDialog extends Dialog {

    private final SearchService search;
    private final UiTasks tasks;
    final TextField query = new TextField("Find an image");
    final ComboBox<SearchHit.ImageHit> image = new ComboBox<>("Image");
    final ComboBox<String> tag = new ComboBox<>("Tag");
    final TextField name = new TextField("Service name");
    final Paragraph status = new Paragraph();

    AddServiceDialog(ApplicationService applications, SearchService search, UiTasks tasks, long applicationId,
                     Runnable onAdded) {
        this.search = search;
        this.tasks = tasks;
        setId("add-service-dialog");
        setHeaderTitle("Add a service");
        query.setId("add-service-query");
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.addValueChangeListener(e -> find());
        image.setId("add-service-image");
        image.setItemLabelGenerator(h -> h.repository() + (h.local() ? " (local)" : " (" + h.source() + ")"));
        image.addValueChangeListener(e -> chose(e.getValue()));
        tag.setId("add-service-tag");
        tag.setAllowCustomValue(true);
        tag.addCustomValueSetListener(e -> tag.setValue(e.getDetail()));
        name.setId("add-service-name");
        status.setId("add-service-status");
        add(new FormLayout(query, image, tag, name), status);
        Button addButton = new Button("Add and start", e -> {
            if (image.getValue() == null || name.getValue().isBlank()) {
                status.setText("Choose an image and a name.");
                return;
            }
            String reference = image.getValue().reference(tag.getValue() == null || tag.getValue().isBlank()
                    ? "latest" : tag.getValue().strip());
            AppService service = AppService.builder(name.getValue().strip(), reference).build();
            status.setText("Adding " + service.name() + "…");
            UI ui = UI.getCurrent();
            tasks.run(ui, () -> {
                applications.applyEdit(applicationId, new Edit.Add(service), step -> { });
                ui.access(() -> {
                    close();
                    onAdded.run();
                });
            }, failed -> status.setText(failed.getMessage()));
        });
        addButton.setId("add-service-confirm");
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), addButton);
    }

    /** Searches off the UI thread; the hits arrive by push. */
    private void find() {
        String text = query.getValue();
        UI ui = UI.getCurrent();
        status.setText("Searching…");
        tasks.run(ui, () -> {
            SearchResults found = search.search(text);
            ui.access(() -> show(found));
        }, failed -> status.setText(failed.getMessage()));
    }

    private void show(SearchResults found) {
        List<SearchHit.ImageHit> hits = new ArrayList<>(found.localImages());
        hits.addAll(found.registryImages());
        image.setItems(hits);
        if (!hits.isEmpty()) {
            image.setValue(hits.get(0));
        }
        status.setText(found.failures().isEmpty() ? "" : String.join(" ", found.failures().stream()
                .map(f -> f.message()).toList()));
    }

    private void chose(SearchHit.ImageHit hit) {
        if (hit == null) {
            return;
        }
        List<String> tags = hit.tags().isEmpty() ? List.of("latest") : hit.tags();
        tag.setItems(tags);
        tag.setValue(tags.contains("latest") ? "latest" : tags.get(0));
        String repository = hit.repository().replaceAll(".*/", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        if (name.getValue().isBlank()) {
            name.setValue(repository);
        }
    }
}
