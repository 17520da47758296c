package io.gantry.console.template;

import io.gantry.console.errors.ConsoleException;
import java.util.List;

/** A template the library will not take or change: invalid, or bundled and so read-only. */
public final class TemplateRejectedException extends ConsoleException {

    private final List<ValidationReport.Problem> problems;

    public TemplateRejectedException(String message, List<ValidationReport.Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** The validation problems, each naming its service and field; empty when rejected for another reason. */
    public List<ValidationReport.Problem> problems() {
        return problems;
    }
}
