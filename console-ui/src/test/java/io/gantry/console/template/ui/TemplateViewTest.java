package io.gantry.console.template.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.ValidationReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details page shows what the library gives: documentation HTML, services, dangers; the library is a mock. */
class TemplateViewTest {

    TemplateLibrary library = mock(TemplateLibrary.class);
    TemplateView view = new TemplateView(library);

    @Test
    void documentation_services_and_dangers_are_shown() {
        when(library.find("user:7")).thenReturn(Optional.of(TemplatesViewTest.MINE));
        when(library.documentationHtml("user:7")).thenReturn("<h1>Mine</h1>\n<p>Serves &lt;b&gt; files.</p>\n");
        when(library.check(TemplatesViewTest.MINE.template())).thenReturn(new ValidationReport(List.of(), List.of(
                new ValidationReport.Danger("web", ValidationReport.DangerKind.PRIVILEGED,
                        "Service 'web' runs privileged: it has full access to the host."))));

        view.show("user:7");

        assertThat(ServiceSummaryTest.text(view, "template-name")).isEqualTo("Mine");
        assertThat(ServiceSummaryTest.find(view, "template-documentation").getElement().getChild(0).getOuterHTML())
                .contains("<h1>Mine</h1>").contains("Serves &lt;b&gt; files.");
        assertThat(ServiceSummaryTest.text(view, "template-dangers"))
                .contains("Service 'web' runs privileged: it has full access to the host.");
        assertThat(ServiceSummaryTest.text(view, "service-web-image")).isEqualTo("nginx:1.27");
        assertThat(view.getPageTitle()).isEqualTo("Mine · Gantry");
    }

    @Test
    void a_template_without_dangers_shows_no_warning() {
        when(library.find("bundled:wordpress")).thenReturn(Optional.of(TemplatesViewTest.WORDPRESS));
        when(library.documentationHtml("bundled:wordpress")).thenReturn("");
        when(library.check(TemplatesViewTest.WORDPRESS.template())).thenReturn(new ValidationReport(List.of(), List.of()));

        view.show("bundled:wordpress");

        assertThat(view.getChildren()).noneMatch(c -> c.getId().filter("template-dangers"::equals).isPresent());
        assertThat(ServiceSummaryTest.text(view, "template-documentation")).isEqualTo("This template has no documentation.");
        assertThat(ServiceSummaryTest.find(view, "service-db")).isNotNull();
    }

    @Test
    void a_missing_template_says_so() {
        when(library.find("user:99")).thenReturn(Optional.empty());

        view.show("user:99");

        assertThat(ServiceSummaryTest.text(view, "template-missing"))
                .isEqualTo("There is no template user:99; it may have been deleted.");
    }
}
