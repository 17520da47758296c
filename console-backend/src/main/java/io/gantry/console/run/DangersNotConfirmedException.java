package io.gantry.console.run;

import io.gantry.console.errors.ConsoleException;
import io.gantry.console.template.ValidationReport;
import java.util.List;

/** A run that reaches beyond its containers (host paths, privileges, the host's network) was not confirmed. */
public class DangersNotConfirmedException extends ConsoleException {

    private final List<ValidationReport.Danger> dangers;

    public DangersNotConfirmedException(List<ValidationReport.Danger> dangers) {
        super("Confirm the settings that reach beyond the containers before running: " + String.join(" ",
                dangers.stream().map(ValidationReport.Danger::message).toList()));
        this.dangers = List.copyOf(dangers);
    }

    public List<ValidationReport.Danger> dangers() {
        return dangers;
    }
}
