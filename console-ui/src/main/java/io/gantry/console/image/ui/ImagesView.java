package io.gantry.console.image.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.base.ui.DangerConfirm;
import io.gantry.console.base.ui.RemovalReport;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.image.ImageOperations;
import io.gantry.console.image.ImageRow;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The engine's images: pull with per-layer progress, tag, remove in bulk (an image in use is refused, with why). */
@Route("images")
@PageTitle("Images · Gantry")
@PermitAll
class ImagesView extends VerticalLayout {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ImageOperations images;
    private final UiTasks tasks;
    final TextField reference = new TextField();
    final Button pull = new Button("Pull", VaadinIcon.DOWNLOAD.create());
    final PullPanel progress = new PullPanel();
    final Grid<ImageRow> grid = new Grid<>();
    final Button tag = new Button("Tag…", VaadinIcon.TAG.create());
    final Button remove = new Button("Remove", VaadinIcon.TRASH.create());
    final RemovalReport removal = new RemovalReport("images-removal-result");

    ImagesView(ImageOperations images, UiTasks tasks) {
        this.images = images;
        this.tasks = tasks;
        reference.setId("image-pull-reference");
        reference.setPlaceholder("busybox:latest");
        reference.setWidth("22rem");
        pull.setId("image-pull");
        pull.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pull.addClickListener(e -> pull());
        pull.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        tag.setId("images-tag");
        tag.addClickListener(e -> openTagDialog());
        remove.setId("images-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> confirmRemove());
        configureGrid();
        HorizontalLayout pullBar = new HorizontalLayout(reference, pull);
        HorizontalLayout actions = new HorizontalLayout(tag, remove);
        add(new H2("Images"), pullBar, progress, actions, removal, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("images-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(ImageRow::reference).setHeader("Tag").setFlexGrow(2).setSortable(true);
        grid.addColumn(ImageRow::shortId).setHeader("Image ID").setAutoWidth(true);
        grid.addColumn(r -> Sizes.human(r.size())).setHeader("Size").setAutoWidth(true);
        grid.addColumn(r -> CREATED.format(r.created())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(r -> r.usedBy().isEmpty() ? "—" : String.join(", ", r.usedBy()))
                .setHeader("Used by containers").setFlexGrow(1);
        grid.addSelectionListener(e -> updateActions());
        updateActions();
    }

    private void updateActions() {
        int selected = grid.getSelectedItems().size();
        tag.setEnabled(selected == 1);
        remove.setEnabled(selected > 0);
    }

    void refresh() {
        grid.setItems(images.list());
        updateActions();
    }

    private void pull() {
        String wanted = reference.getValue().strip();
        if (wanted.isEmpty()) {
            reference.setInvalid(true);
            reference.setErrorMessage("Name the image, such as busybox or mariadb:11");
            return;
        }
        reference.setInvalid(false);
        UI ui = UI.getCurrent();
        pull.setEnabled(false);
        progress.start(wanted);
        tasks.run(ui, () -> {
            images.pull(wanted, step -> ui.access(() -> progress.show(step)));
            ui.access(() -> {
                progress.finish("Pulled " + wanted, false);
                pull.setEnabled(true);
                refresh();
            });
        }, failure -> {
            progress.finish("Pull failed: " + failure.getMessage(), true);
            pull.setEnabled(true);
        });
    }

    private void openTagDialog() {
        grid.getSelectedItems().stream().findFirst().ifPresent(image -> {
            TagDialog dialog = new TagDialog(image);
            dialog.addTagListener(e -> {
                images.tag(e.image, e.reference);
                Notification.show("Tagged " + e.image.reference() + " as " + e.reference, 4000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            });
            dialog.open();
        });
    }

    private void confirmRemove() {
        List<ImageRow> selected = new ArrayList<>(grid.getSelectedItems());
        new DangerConfirm("images-remove",
                "Remove " + (selected.size() == 1 ? selected.get(0).reference() : selected.size() + " images") + "?",
                "Each tag is removed; an image goes with its last tag. Images used by a container are kept.", "Remove",
                () -> {
                    removal.show(images.remove(selected));
                    refresh();
                }).open();
    }
}
