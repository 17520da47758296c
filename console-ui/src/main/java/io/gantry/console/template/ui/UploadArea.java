package io.gantry.console.template.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import io.gantry.console.template.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where a {@code .pmx} or Compose file is uploaded, and where what became of it is shown: the validation problems
 * of a rejected file, one per line naming service and field, or the template it became with its warnings.
 */
class UploadArea extends VerticalLayout {

    /** The library's own limit on a template document (2 MiB); larger files are refused before they are read. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    final Upload upload = new Upload(this::receive);
    final Paragraph result = new Paragraph();
    final UnorderedList details = new UnorderedList();

    UploadArea() {
        setId("upload-area");
        addClassName("gantry-upload-area");
        setPadding(false);
        upload.setId("template-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".pmx", ".yml", ".yaml");
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Drop a .pmx or docker-compose.yml file here"));
        upload.addFileRejectedListener(e -> showError(e.getFileName() + ": " + e.getErrorMessage()));
        result.setId("upload-result");
        details.setId("upload-problems");
        details.addClassName("gantry-upload-details");
        add(upload, new Div(result, details));
        clear();
    }

    Registration addFileUploadedListener(ComponentEventListener<FileUploaded> listener) {
        return addListener(FileUploaded.class, listener);
    }

    /** The file was taken: its name in the library, with dangers and Compose warnings to keep in mind. */
    void showAccepted(String templateName, List<ValidationReport.Danger> dangers, List<String> warnings) {
        show("Added the template " + templateName + ".", "gantry-upload-ok");
        dangers.forEach(d -> details.add(new ListItem(d.message())));
        warnings.forEach(w -> details.add(new ListItem(w)));
    }

    /** The file was refused: the summary, and each problem on its own line with its service and field. */
    void showRejected(String fileName, List<ValidationReport.Problem> problems, String summary) {
        show(problems.isEmpty() ? summary : fileName + " was not added:", "gantry-upload-error");
        for (ValidationReport.Problem problem : problems) {
            ListItem item = new ListItem(problem.message());
            item.getElement().setAttribute("data-service", problem.service() == null ? "" : problem.service());
            item.getElement().setAttribute("data-field", problem.field());
            details.add(item);
        }
    }

    void showError(String message) {
        show(message, "gantry-upload-error");
    }

    void clear() {
        result.setText("");
        result.setVisible(false);
        details.removeAll();
    }

    private void show(String message, String className) {
        clear();
        result.removeClassNames("gantry-upload-ok", "gantry-upload-error");
        result.addClassName(className);
        result.setText(message);
        result.setVisible(true);
        upload.clearFileList();
    }

    /** Runs on the request thread without the session lock; reads at most one byte over the limit. */
    private void receive(UploadEvent event) throws IOException {
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readNBytes(MAX_BYTES + 1);
        }
        String fileName = event.getFileName();
        event.getUI().access(() -> {
            if (content.length > MAX_BYTES) {
                showError(fileName + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; a template is much smaller.");
            } else {
                fireEvent(new FileUploaded(this, fileName, content));
            }
        });
    }

    /** A whole file arrived; the view hands it to the library. */
    static final class FileUploaded extends ComponentEvent<UploadArea> {
        private final String fileName;
        private final byte[] content;

        FileUploaded(UploadArea source, String fileName, byte[] content) {
            super(source, false);
            this.fileName = fileName;
            this.content = content;
        }

        String fileName() {
            return fileName;
        }

        byte[] content() {
            return content;
        }
    }
}
