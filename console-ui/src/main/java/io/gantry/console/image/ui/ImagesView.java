package io.gantry.console.image.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.gantry.console.base.ui.DangerConfirm;
import io.gantry.console.base.ui.RemovalReport;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.engine.PrunedImages;
import io.gantry.console.image.ImageOperations;
import io.gantry.console.image.ImportResult;
import io.gantry.console.image.ImageRow;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's images: pull with per-layer progress, tag, history, export and import as tarballs, remove in bulk (an
 * image in use is refused, with why) and prune the dangling ones.
 */
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
    final Button history = new Button("History", VaadinIcon.TIME_BACKWARD.create());
    final Anchor export = new Anchor();
    final Button importTarball = new Button("Import…", VaadinIcon.UPLOAD.create());
    final Button remove = new Button("Remove", VaadinIcon.TRASH.create());
    final Button prune = new Button("Prune", VaadinIcon.SCISSORS.create());
    final RemovalReport removal = new RemovalReport("images-removal-result");
    final Span pruneResult = new Span();

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
        history.setId("images-history");
        history.addClickListener(e -> openHistory());
        export.setId("images-export");
        export.add(new Button("Export", VaadinIcon.DOWNLOAD_ALT.create()));
        importTarball.setId("images-import");
        importTarball.addClickListener(e -> openImportDialog());
        prune.setId("images-prune");
        prune.addClickListener(e -> confirmPrune());
        pruneResult.setId("images-prune-result");
        pruneResult.setVisible(false);
        remove.setId("images-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> confirmRemove());
        configureGrid();
        HorizontalLayout pullBar = new HorizontalLayout(reference, pull);
        HorizontalLayout actions = new HorizontalLayout(tag, history, export, importTarball, remove, prune);
        add(new H2("Images"), pullBar, progress, actions, removal, pruneResult, grid);
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
        history.setEnabled(selected == 1);
        remove.setEnabled(selected > 0);
        export.setEnabled(selected == 1);
        grid.getSelectedItems().stream().findFirst().filter(image -> selected == 1).ifPresentOrElse(
                image -> export.setHref(exportOf(image), AttachmentType.DOWNLOAD), export::removeHref);
    }

    /** Streams the engine's archive to the browser as it arrives: an image can be larger than the console's heap. */
    private DownloadHandler exportOf(ImageRow image) {
        String file = image.shownName().replaceAll("[^A-Za-z0-9._-]+", "_") + ".tar";
        return event -> {
            event.setFileName(file);
            event.setContentType("application/x-tar");
            images.export(image, event.getOutputStream());
        };
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

    private void openHistory() {
        grid.getSelectedItems().stream().findFirst()
                .ifPresent(image -> new HistoryDialog(image, images.history(image)).open());
    }

    private void openImportDialog() {
        ImportDialog dialog = new ImportDialog();
        dialog.addImportListener(e -> importUpload(dialog, e));
        dialog.open();
    }

    private void importUpload(ImportDialog dialog, ImportDialog.ImportEvent upload) {
        UI ui = dialog.getUI().orElseThrow();
        dialog.showWorking(upload.fileName);
        tasks.run(ui, () -> {
            try {
                ImportResult result = images.importTarball(upload.file, upload.fileName, upload.reference);
                ui.access(() -> {
                    dialog.showDone(String.join("; ", result.images()));
                    refresh();
                });
            } finally {
                deleteQuietly(upload.file);
            }
        }, failure -> dialog.showFailed(failure.getMessage()));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the system's tmp cleaning takes it
        }
    }

    private void confirmPrune() {
        new DangerConfirm("images-prune", "Remove dangling images?",
                "Images without a tag that no container uses are deleted.", "Prune", () -> {
                    PrunedImages pruned = images.prune();
                    pruneResult.setText(pruned.deleted().isEmpty() ? "Nothing to prune: no dangling images."
                            : "Deleted " + pruned.deleted().size() + (pruned.deleted().size() == 1 ? " image" : " images")
                            + ", reclaimed " + Sizes.human(pruned.spaceReclaimed()) + ".");
                    pruneResult.setVisible(true);
                    refresh();
                }).open();
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
