package io.gantry.console.template;

import java.util.Locale;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jspecify.annotations.Nullable;

/**
 * Renders a template's markdown documentation to HTML that is safe to show: raw HTML is escaped, not passed through,
 * and links and images may only point to http or https addresses (others become empty). Done by commonmark's
 * renderer, not by pattern matching.
 */
public final class Documentation {

    private static final int MAX_CHARS = 256 * 1024;
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new WebOnly())
            .build();

    private Documentation() {
    }

    public static String toHtml(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = markdown.length() > MAX_CHARS ? markdown.substring(0, MAX_CHARS) : markdown;
        Node document = PARSER.parse(text);
        return RENDERER.render(document);
    }

    /** Keeps only absolute http and https URLs; relative ones are dropped too, as a template has no base address. */
    private static final class WebOnly implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return safe(url);
        }

        private static String safe(String url) {
            String trimmed = url.trim();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && !lower.matches(".*[\\s\"'<>].*")) {
                return trimmed;
            }
            return "";
        }
    }
}
