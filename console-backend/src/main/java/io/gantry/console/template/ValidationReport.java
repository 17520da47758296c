package io.gantry.console.template;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TemplateValidator} found: problems that stop a template from being saved or deployed, and dangers that
 * the user must explicitly confirm before it is deployed.
 */
public record ValidationReport(List<Problem> problems, List<Danger> dangers) {

    public ValidationReport {
        problems = List.copyOf(problems);
        dangers = List.copyOf(dangers);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Whether deploying needs the user's explicit confirmation. */
    public boolean isDangerous() {
        return !dangers.isEmpty();
    }

    /**
     * One problem.
     *
     * @param service the service it is in, or null for the template itself
     * @param field   the field, as the file names it ({@code links}, {@code ports}, ...)
     * @param message a sentence for the user that names the service and field
     */
    public record Problem(@Nullable String service, String field, String message) {
    }

    /** What makes a template able to reach beyond its containers. */
    public enum DangerKind { HOST_PATH, PRIVILEGED, CAPABILITIES, HOST_NETWORK }

    /** One danger, with a sentence that says what the service could do. */
    public record Danger(String service, DangerKind kind, String message) {
    }
}
