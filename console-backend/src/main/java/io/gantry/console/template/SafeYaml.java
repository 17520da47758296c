package io.gantry.console.template;

import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML for files from anywhere. Every file is hostile until read: its size is checked before parsing, aliases of
 * collections (the "billion laughs" bomb), nesting depth and duplicate keys are limited by the parser, and only plain
 * maps, lists and scalars are built. Scalars resolve as in YAML 1.2's core schema ({@code yes} and {@code 0777} stay
 * text, no dates), so a value reads as the user wrote it; output quotes whatever YAML 1.1 readers (Compose) would
 * misread.
 */
final class SafeYaml {

    static final int MAX_CHARS = 2 * 1024 * 1024;
    static final int MAX_COLLECTION_ALIASES = 50;
    static final int MAX_DEPTH = 40;

    private SafeYaml() {
    }

    /** Parses one document that must be a mapping; {@code what} names the file in messages. */
    static Map<String, Object> loadMapping(String text, String what) {
        Object root = load(text, what);
        if (!(root instanceof Map<?, ?> map)) {
            throw new TemplateFormatException(what + ": expected a YAML mapping of fields at the top, found "
                    + (root == null ? "an empty document" : "a " + YamlValues.kind(root)) + ".");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new TemplateFormatException(what + ": field name " + key + " is not text.");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return fields;
    }

    static Object load(String text, String what) {
        if (text.length() > MAX_CHARS) {
            throw tooLarge(what, text.length());
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new CoreSchemaResolver());
        try {
            return yaml.load(text);
        } catch (YAMLException e) {
            throw explain(what, e);
        } catch (StackOverflowError e) {
            throw new TemplateFormatException(what + ": nested too deeply; refused.");
        }
    }

    static TemplateFormatException tooLarge(String what, long size) {
        return new TemplateFormatException(what + ": " + size / 1024 + " KB is too large for a template (the limit is "
                + MAX_CHARS / 1024 / 1024 + " MB); refused.");
    }

    private static TemplateFormatException explain(String what, YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return new TemplateFormatException(what + ": uses more than " + MAX_COLLECTION_ALIASES
                    + " aliases of lists or mappings, as a YAML alias bomb does; refused.", e);
        }
        if (message.contains("Nesting Depth")) {
            return new TemplateFormatException(what + ": nested deeper than " + MAX_DEPTH + " levels; refused.", e);
        }
        if (message.contains("exceeds the limit")) {
            return tooLarge(what, MAX_CHARS + 1L);
        }
        return new TemplateFormatException(what + ": not valid YAML: " + message.lines().limit(6)
                .reduce((a, b) -> a + " " + b.trim()).orElse(message), e);
    }

    /** Block-style YAML with literal blocks for multi-line text and no line folding. */
    static String dump(Object document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(4096);
        return new Yaml(new BlockRepresenter(options), options).dump(document);
    }

    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

    private static final class BlockRepresenter extends Representer {
        BlockRepresenter(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String text = data.toString();
                if (text.contains("\n") && !text.contains("\r")) {
                    return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL);
                }
                if (SEXAGESIMAL.matcher(text).matches()) {
                    // YAML 1.1 readers (PyYAML, so docker-compose 1.x) take 3000:3000 for a base-60 number.
                    return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.SINGLE_QUOTED);
                }
                return plain.representData(data);
            });
        }
    }

    /** YAML 1.2 core schema scalars: true/false, decimal integers without leading zeros, plain decimals, null. */
    private static final class CoreSchemaResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]{0,17})$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)\\.[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
