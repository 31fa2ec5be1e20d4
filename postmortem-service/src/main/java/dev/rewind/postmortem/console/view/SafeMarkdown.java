package dev.rewind.postmortem.console.view;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown as HTML that is safe to put in a page: raw HTML in the text is escaped, never passed through, links keep
 * only http, https and mailto URLs (no {@code javascript:}, no {@code data:}), and images are shown as links to them.
 * Post-mortems are written by people, so their text is never trusted.
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
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        document.accept(new ImagesAsLinks());
        return RENDERER.render(document);
    }

    /**
     * Shows each image as a link to it: an image in a post-mortem would be fetched by every reader's browser, from
     * anywhere its author chose (tracking, or requests into the readers' network).
     */
    private static final class ImagesAsLinks extends AbstractVisitor {

        @Override
        public void visit(Image image) {
            Link link = new Link(image.getDestination(), image.getTitle());
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            if (link.getFirstChild() == null) {
                link.appendChild(new Text(image.getDestination()));
            }
            image.insertAfter(link);
            image.unlink();
        }
    }
}
