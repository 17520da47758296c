package io.gantry.console.image.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.nio.file.Path;

/**
 * Takes a tarball from the user's machine (a {@code docker save} archive, an OCI layout, or a root filesystem) and an
 * optional name for a root filesystem, and fires {@link ImportEvent} once the file is on the server; the view imports
 * it and reports here.
 */
class ImportDialog extends Dialog {

    final TextField name = new TextField("Name for a root filesystem (optional)");
    final Upload upload = new Upload();
    final Div status = new Div();

    ImportDialog() {
        setId("image-import-dialog");
        setHeaderTitle("Import an image");
        setWidth("min(36rem, 95vw)");
        name.setId("image-import-name");
        name.setPlaceholder("myapp/rootfs:1.0");
        name.setWidthFull();
        upload.setId("image-import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".tar", ".tar.gz", ".tgz", "application/x-tar", "application/gzip");
        upload.setUploadHandler(UploadHandler.toTempFile((file, stored) ->
                fireEvent(new ImportEvent(this, stored.toPath(), file.fileName(), name.getValue()))));
        upload.addFileRejectedListener(e -> showFailed(e.getFileName() + ": " + e.getErrorMessage()
                + " (a .tar, .tar.gz or .tgz file is expected)"));
        status.setId("image-import-status");
        add(new Paragraph("An archive made by docker save (or an OCI layout) comes back with the names it carries; "
                + "any other tarball becomes a one-layer image of that file system."), name, upload, status);
        Button close = new Button("Close", e -> close());
        close.setId("image-import-close");
        getFooter().add(close);
    }

    void showWorking(String fileName) {
        status.setText("Importing " + fileName + "…");
        status.getElement().setAttribute("data-state", "working");
    }

    void showDone(String text) {
        status.setText(text);
        status.getElement().setAttribute("data-state", "done");
        upload.clearFileList();
    }

    void showFailed(String reason) {
        status.setText("Not imported: " + reason);
        status.getElement().setAttribute("data-state", "failed");
        upload.clearFileList();
    }

    Registration addImportListener(ComponentEventListener<ImportEvent> listener) {
        return addListener(ImportEvent.class, listener);
    }

    static final class ImportEvent extends ComponentEvent<ImportDialog> {
        final Path file;
        final String fileName;
        final String reference;

        ImportEvent(ImportDialog source, Path file, String fileName, String reference) {
            super(source, false);
            this.file = file;
            this.fileName = fileName;
            this.reference = reference;
        }
    }
}
