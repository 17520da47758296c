package io.gantry.console.container.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.MirroredConsoleJourney;
import io.gantry.core.archive.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations pages on the console's own engine, which pulls {@code busybox} from a loopback registry: pull with
 * progress bars, run a container from the form, read its log, stop and remove it; an image in use is refused with the
 * reason; a container made with the docker CLI is listed and stopped from the page; an image is exported, removed,
 * imported back from the downloaded file with its history, and a dangling one pruned. Everything is removed again.
 */
class ContainersAndImagesIT extends MirroredConsoleJourney {

    @Test
    void pull_run_read_the_log_stop_and_remove_from_the_browser() throws Exception {
        browser.open(console.url("/images"));
        browser.type("#image-pull-reference", "busybox:latest");
        browser.click("#image-pull");
        browser.await("a progress bar per layer", () -> browser.isPresent("#pull-progress vaadin-progress-bar"));
        browser.await("the pull finishes", () -> console.textOf("#pull-status").startsWith("Pulled busybox:latest"));
        assertThat(console.gridText("#images-grid")).contains("busybox:latest");
        browser.screenshot("images-pulled");

        browser.open(console.url("/containers"));
        browser.click("#containers-new");
        browser.type("#new-image", "busybox:latest");
        browser.type("#new-name", "hello");
        browser.type("#new-command", "sh -c 'echo hi; sleep 300'");
        browser.screenshot("new-container");
        browser.click("#new-create");
        browser.await("the container's page", () -> browser.currentPath().startsWith("/containers/"));
        browser.await("it runs", () -> console.textOf("#container-state").equals("Running"));
        browser.await("its log shows hi", () -> console.textOf("#logs-text").contains("hi"));
        assertThat(browser.text("#container-command")).isEqualTo("sh -c 'echo hi; sleep 300'");
        browser.screenshot("container-running");

        browser.open(console.url("/images"));
        console.selectFirstRow("#images-grid");
        browser.click("#images-remove");
        browser.click("#images-remove-confirm");
        browser.await("the refusal is shown", () -> browser.isPresent("#images-removal-result")
                && console.textOf("#images-removal-result").contains("a container is using its referenced image"));
        assertThat(console.gridText("#images-grid")).contains("busybox:latest");
        browser.screenshot("image-in-use");

        browser.open(console.url("/containers"));
        browser.click("#container-link-hello");
        browser.click("#container-action-stop");
        browser.await("it stopped", () -> console.textOf("#container-state").equals("Exited"));
        browser.click("#container-action-remove");
        browser.click("#container-remove-confirm");
        browser.awaitPath("/containers");
        assertThat(browser.isPresent("#container-link-hello")).isFalse();

        console.docker("run", "-d", "--name", "cli-made", "busybox", "sleep", "300");
        browser.open(console.url("/containers"));
        browser.await("the CLI's container is listed as standalone", () -> browser.isPresent("#containers-grid-standalone #container-link-cli-made")
                || browser.isPresent("#container-link-cli-made"));
        assertThat(browser.text("#container-state-cli-made")).isEqualTo("Running");
        browser.screenshot("containers-cli-made");
        browser.click("#container-stop-cli-made");
        browser.await("stopped from the page", () -> browser.isPresent("#container-state-cli-made")
                && console.textOf("#container-state-cli-made").equals("Exited"));
        assertThat(console.docker("ps", "-a", "--format", "{{.Names}} {{.State}}").strip()).isEqualTo("cli-made exited");
        browser.click("#container-remove-cli-made");
        browser.click("#containers-remove-confirm");
        browser.await("removed", () -> !browser.isPresent("#container-link-cli-made"));
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();

        browser.open(console.url("/images"));
        console.selectFirstRow("#images-grid");
        browser.click("#images-remove");
        browser.click("#images-remove-confirm");
        browser.await("the image is gone", () -> Long.valueOf(0).equals(browser.script(
                "return document.querySelector('#images-grid').size;")));
        browser.screenshot("images-empty");
        assertThat(console.docker("images", "-q").strip()).isEmpty();
    }

    @Test
    void an_image_exported_removed_and_imported_back_keeps_its_tag_and_history_and_a_dangling_one_is_pruned(
            @TempDir Path dir) throws Exception {
        console.docker("pull", "busybox:latest");
        browser.open(console.url("/images"));
        console.selectFirstRow("#images-grid");
        browser.click("#images-history");
        browser.await("the history lists layers", () -> historyRows() > 0);
        long layers = historyRows();
        browser.screenshot("image-history");
        browser.click("#image-history-close");

        Path archive = dir.resolve("busybox.tar");
        Files.write(archive, download("#images-export", "busybox_latest.tar"));
        assertThat(entryNames(archive)).contains("manifest.json");

        browser.click("#images-remove");
        browser.click("#images-remove-confirm");
        browser.await("the image is gone", () -> console.gridSize("#images-grid") == 0);

        browser.click("#images-import");
        browser.upload("#image-import-upload", archive);
        browser.await("the archive is loaded", () -> "done".equals(console.attributeOf("#image-import-status", "data-state")));
        assertThat(console.textOf("#image-import-status")).isEqualTo("Loaded image: busybox:latest");
        browser.screenshot("image-imported");

        Path notes = Files.writeString(dir.resolve("notes.tar"), "not a tarball\n".repeat(100));
        browser.upload("#image-import-upload", notes);
        browser.await("the engine's refusal is shown", () -> "failed".equals(console.attributeOf("#image-import-status",
                "data-state")));
        assertThat(console.textOf("#image-import-status")).startsWith("Not imported: load: reading the archive failed")
                .doesNotContain("Exception");

        Path rootfs = Files.write(dir.resolve("rootfs.tar"), new TarBuilder().file("hello", "from a tarball\n").tar());
        browser.upload("#image-import-upload", rootfs);
        browser.await("the root filesystem is imported", () -> "done".equals(console.attributeOf("#image-import-status",
                "data-state")));
        assertThat(console.textOf("#image-import-status")).startsWith("Imported sha256:");
        browser.click("#image-import-close");
        browser.await("both images listed", () -> console.gridSize("#images-grid") == 2);
        assertThat(console.gridText("#images-grid")).contains("busybox:latest", "<none>");

        console.selectRow("#images-grid", "busybox:latest");
        browser.click("#images-history");
        browser.await("the imported image has the same history", () -> historyRows() == layers);
        browser.click("#image-history-close");

        browser.click("#images-prune");
        browser.click("#images-prune-confirm");
        browser.await("the prune reports what it reclaimed", () -> console.textOf("#images-prune-result")
                .matches("Deleted 1 image, reclaimed .+\\."));
        browser.screenshot("images-pruned");
        assertThat(console.gridSize("#images-grid")).isEqualTo(1);
        assertThat(console.docker("images", "--format", "{{.Repository}}:{{.Tag}}").strip()).isEqualTo("busybox:latest");

        browser.open(console.url("/activity"));
        browser.await("the log lists the image actions", () -> console.gridText("#activity-grid").contains("image.prune"));
        assertThat(console.gridText("#activity-grid")).contains("admin | ui | image.export | busybox:latest",
                "admin | ui | image.import | busybox.tar", "admin | ui | image.import | notes.tar",
                "admin | ui | image.prune");
    }

    /** Fetches a download link's file as the browser would, with its session, and checks the name it is saved as. */
    private byte[] download(String anchorCss, String fileName) {
        browser.await("the link is ready", () -> !String.valueOf(console.attributeOf(anchorCss, "href")).equals("null"));
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector(arguments[0]).href).then(async r => {"
                + "  const bytes = new Uint8Array(await r.arrayBuffer()); let text = '';"
                + "  for (let i = 0; i < bytes.length; i += 32768) text += String.fromCharCode(...bytes.subarray(i, i + 32768));"
                + "  done({status: r.status, disposition: r.headers.get('Content-Disposition') || '', body: btoa(text)});"
                + "}).catch(e => done({status: -1, disposition: String(e), body: ''}));", anchorCss);
        assertThat(answer.get("status")).as(String.valueOf(answer.get("disposition"))).isEqualTo(200L);
        assertThat(String.valueOf(answer.get("disposition"))).contains(fileName);
        return Base64.getDecoder().decode(String.valueOf(answer.get("body")));
    }

    private long historyRows() {
        return console.gridSize("#image-history-grid");
    }

    private static List<String> entryNames(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
