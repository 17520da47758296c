package io.gantry.console.template.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateFormatException;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.TemplateRejectedException;
import io.gantry.console.template.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view wires the library to its components; the library here is a mock. */
class TemplatesViewTest {

    static final TemplateEntry WORDPRESS = new TemplateEntry("bundled:wordpress", Template.of("WordPress with MariaDB",
            List.of(TemplateImage.builder("wordpress", "wordpress:6-apache").build(),
                    TemplateImage.builder("db", "mariadb:11").build())).withKeywords(List.of("wordpress", "blog")), true);
    static final TemplateEntry MINE = new TemplateEntry("user:7", Template.of("Mine",
            List.of(TemplateImage.builder("web", "nginx:1.27").build())).withKeywords(List.of("blog")), false);

    TemplateLibrary library = mock(TemplateLibrary.class);
    TemplatesView view;

    @BeforeEach
    void library() {
        when(library.search("")).thenReturn(List.of(MINE, WORDPRESS));
        when(library.search("wordpress")).thenReturn(List.of(WORDPRESS));
        when(library.keywordCloud()).thenReturn(new java.util.TreeMap<>(Map.of("blog", 2, "wordpress", 1)));
        view = new TemplatesView(library);
    }

    @Test
    void the_grid_shows_the_search_results_and_a_keyword_searches_itself() {
        assertThat(view.grid.getListDataView().getItems()).containsExactly(MINE, WORDPRESS);

        view.search.setValue("wordpress");
        assertThat(view.grid.getListDataView().getItems()).containsExactly(WORDPRESS);

        assertThat(view.keywords.getChildren()).extracting(c -> c.getId().orElseThrow())
                .containsExactly("keyword-blog", "keyword-wordpress");
        when(library.search("blog")).thenReturn(List.of(MINE, WORDPRESS));
        ((Button) ServiceSummaryTest.find(view.keywords, "keyword-blog")).click();
        assertThat(view.search.getValue()).isEqualTo("blog");
        verify(library).search("blog");
    }

    @Test
    void a_rejected_upload_lists_each_problem_next_to_the_upload_with_service_and_field() {
        byte[] file = "services: {}".getBytes(StandardCharsets.UTF_8);
        List<ValidationReport.Problem> problems = List.of(
                new ValidationReport.Problem("web", "links", "Service 'web', links: 'db' is not a service of this template."),
                new ValidationReport.Problem("web", "ports", "Service 'web', ports: the host port 70000 is out of range (1-65535)."));
        when(library.upload("bad.yml", file)).thenThrow(new TemplateRejectedException("bad.yml is not valid", problems));

        upload("bad.yml", file);

        assertThat(view.uploadArea.result.getText()).isEqualTo("bad.yml was not added:");
        List<ListItem> items = view.uploadArea.details.getChildren().map(ListItem.class::cast).toList();
        assertThat(items).extracting(ListItem::getText).containsExactly(problems.get(0).message(), problems.get(1).message());
        assertThat(items).extracting(i -> i.getElement().getAttribute("data-field")).containsExactly("links", "ports");
        assertThat(items).extracting(i -> i.getElement().getAttribute("data-service")).containsOnly("web");
    }

    @Test
    void an_unreadable_upload_says_why() {
        byte[] file = "{{".getBytes(StandardCharsets.UTF_8);
        when(library.upload("x.pmx", file)).thenThrow(new TemplateFormatException("x.pmx: not YAML (line 1)."));

        upload("x.pmx", file);

        assertThat(view.uploadArea.result.getText()).isEqualTo("x.pmx: not YAML (line 1).");
        assertThat(view.uploadArea.details.getChildren()).isEmpty();
    }

    @Test
    void an_accepted_upload_is_reported_and_the_grid_is_refreshed() {
        byte[] file = "services: {web: {image: nginx}}".getBytes(StandardCharsets.UTF_8);
        when(library.upload("mine.yml", file)).thenReturn(new TemplateLibrary.Upload(MINE,
                new ValidationReport(List.of(), List.of()), List.of("Network back is not supported.")));

        upload("mine.yml", file);

        assertThat(view.uploadArea.result.getText()).isEqualTo("Added the template Mine.");
        assertThat(view.uploadArea.details.getChildren()).extracting(c -> ((ListItem) c).getText())
                .containsExactly("Network back is not supported.");
        verify(library, org.mockito.Mockito.times(2)).search("");
    }

    private void upload(String fileName, byte[] content) {
        ComponentUtil.fireEvent(view.uploadArea, new UploadArea.FileUploaded(view.uploadArea, fileName, content));
    }
}
