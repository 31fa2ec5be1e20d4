package dev.rewind.postmortem.console.view;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown as HTML that is safe to put in a page: raw HTML in the text is escaped, never passed through, and links
 * and images keep only http, https and mailto URLs (no {@code javascript:}, no {@code data:}). Post-mortems are
 * written by people, so their text is never trusted.
 */
public final class SafeMarkdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();

    private SafeMarkdown() {
    }

    /** {@code markdown} rendered as safe HTML. */
    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
