package io.gantry.console.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a template as one list for a form, and applying values to get a concrete template.
 *
 * <p>A placeholder ({@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}) may appear in any text of a
 * template; it is one parameter however often it is used, and takes its label, description and {@code required}
 * from a variable whose whole value is that placeholder. A variable whose value has no placeholder is a parameter of
 * its own, keyed {@code service.VARIABLE}.
 */
public final class Parameters {

    private Parameters() {
    }

    /** The parameters in the order they first appear. */
    public static List<Parameter> of(Template template) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (TemplateImage image : template.images()) {
            for (EnvVar env : image.environment()) {
                List<Placeholders.Use> uses = Placeholders.find(env.value());
                if (uses.isEmpty()) {
                    String key = image.name() + "." + env.name();
                    byKey.putIfAbsent(key, new Parameter(key, env.name(), image.name(), label(env.label(), env.name()),
                            env.description(), env.value(), env.required(), null, Parameter.looksSecret(env.name())));
                }
                boolean whole = uses.size() == 1 && env.value() != null && env.value().startsWith("${")
                        && env.value().endsWith("}") && env.value().indexOf('}') == env.value().length() - 1;
                for (Placeholders.Use use : uses) {
                    merge(byKey, use, whole ? env : null);
                }
            }
            eachText(image, text -> {
                Placeholders.find(text).forEach(use -> merge(byKey, use, null));
                return text;
            });
        }
        return List.copyOf(byKey.values());
    }

    private static void merge(Map<String, Parameter> byKey, Placeholders.Use use, @Nullable EnvVar declaring) {
        Parameter old = byKey.get(use.name());
        boolean secret = Parameter.looksSecret(use.name()) || declaring != null && Parameter.looksSecret(declaring.name());
        Parameter found = new Parameter(use.name(), use.name(), null,
                label(declaring == null ? null : declaring.label(), use.name()),
                declaring == null ? null : declaring.description(), use.defaultValue(),
                use.requiredWithMessage() || declaring != null && declaring.required(),
                use.requiredWithMessage() ? use.argument() : null, secret);
        if (old == null) {
            byKey.put(use.name(), found);
            return;
        }
        byKey.put(use.name(), new Parameter(old.key(), old.name(), null,
                old.label().equals(old.name()) ? found.label() : old.label(),
                old.description() != null ? old.description() : found.description(),
                old.defaultValue() != null ? old.defaultValue() : found.defaultValue(),
                old.required() || found.required(),
                old.requiredMessage() != null ? old.requiredMessage() : found.requiredMessage(),
                old.secret() || found.secret()));
    }

    private static String label(@Nullable String label, String name) {
        return label == null || label.isBlank() ? name : label;
    }

    /**
     * Applies values (by {@link Parameter#key()}) and defaults: every placeholder is replaced and every variable set.
     *
     * @throws MissingParameterException when a required parameter has neither a value nor a default, naming each
     */
    public static Template apply(Template template, Map<String, String> values) {
        List<Parameter> parameters = of(template);
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Parameter p : parameters) {
            String value = values.get(p.key());
            if (value == null || value.isEmpty()) {
                value = p.defaultValue();
            }
            if ((value == null || value.isEmpty()) && p.required()) {
                missing.add(p.key());
                reasons.add(p.label() + (p.requiredMessage() != null && !p.requiredMessage().isBlank()
                        ? ": " + p.requiredMessage() : " is required"));
            }
            resolved.put(p.key(), value == null ? "" : value);
        }
        if (!missing.isEmpty()) {
            throw new MissingParameterException(missing, "Fill in the required parameters: "
                    + String.join("; ", reasons) + ".");
        }
        UnaryOperator<String> substitute = text -> Placeholders.replace(text,
                use -> resolved.getOrDefault(use.name(), ""));
        List<TemplateImage> images = new ArrayList<>();
        for (TemplateImage image : template.images()) {
            List<EnvVar> env = new ArrayList<>();
            for (EnvVar e : image.environment()) {
                String key = image.name() + "." + e.name();
                env.add(resolved.containsKey(key) && Placeholders.find(e.value()).isEmpty()
                        ? e.withValue(resolved.get(key)) : e);
            }
            images.add(eachText(image.toBuilder().environment(env).build(), substitute));
        }
        return template.withImages(images);
    }

    /**
     * The template as it may leave the console: literal values of secret variables emptied and defaults of secret
     * placeholders removed, so an export never carries a password unless the user asks for it.
     */
    public static Template withoutSecrets(Template template) {
        List<TemplateImage> images = new ArrayList<>();
        for (TemplateImage image : template.images()) {
            images.add(eachText(image.toBuilder().environment(image.environment().stream()
                    .map(e -> Parameter.looksSecret(e.name()) && Placeholders.find(e.value()).isEmpty()
                            && e.value() != null && !e.value().isEmpty() ? e.withValue("") : e)
                    .toList()).build(), Parameters::stripSecretDefaults));
        }
        return template.withImages(images);
    }

    private static String stripSecretDefaults(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)[^}]*}")
                .matcher(text);
        while (m.find()) {
            String keep = Parameter.looksSecret(m.group(1)) ? "${" + m.group(1) + "}" : m.group(0);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(keep));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Rewrites every text of a service that may hold placeholders. */
    static TemplateImage eachText(TemplateImage image, UnaryOperator<String> f) {
        return image.toBuilder()
                .image(f.apply(image.image()))
                .command(image.command().stream().map(f).toList())
                .entrypoint(image.entrypoint().stream().map(f).toList())
                .ports(image.ports().stream().map(p -> new PortMapping(map(p.hostInterface(), f), map(p.hostPort(), f),
                        f.apply(p.containerPort()), p.protocol(), p.origin())).toList())
                .expose(image.expose().stream().map(f).toList())
                .environment(image.environment().stream().map(e -> e.withValue(map(e.value(), f))).toList())
                .volumes(image.volumes().stream().map(v -> new VolumeMount(map(v.source(), f), f.apply(v.target()),
                        v.readOnly(), v.origin())).toList())
                .memoryLimit(map(image.memoryLimit(), f))
                .cpus(map(image.cpus(), f))
                .build();
    }

    private static @Nullable String map(@Nullable String text, UnaryOperator<String> f) {
        return text == null ? null : f.apply(text);
    }
}
