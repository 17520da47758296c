package io.gantry.console.run;

import io.gantry.console.template.Parameter;
import io.gantry.console.template.Template;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the run form asks for a template or an image, before anything is applied.
 *
 * @param name       the suggested application name
 * @param templateId the library template, or null when an image is run
 * @param template   the template as written (for an image, a one-service template of it)
 * @param image      for an image run, the service that runs it, where ports and variables may be added
 */
public record RunForm(String name, @Nullable String templateId, Template template, List<Parameter> parameters,
                      List<PortChoice> ports, List<VolumeChoice> volumes, @Nullable String image) {

    public RunForm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        parameters = List.copyOf(parameters);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
    }

    public boolean isImageRun() {
        return image != null;
    }
}
