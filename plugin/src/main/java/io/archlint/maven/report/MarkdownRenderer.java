package io.archlint.maven.report;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a rule's documentation page to an HTML fragment with no raw HTML and safe link targets.
 */
final class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();

    // Raw HTML in the Markdown is shown as text; javascript: and similar link targets are dropped.
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "noopener noreferrer nofollow");
                }
            })
            .build();

    private final int headingShift;

    /** @param headingShift levels added to every heading, so a page's {@code ##} sits under the report's own */
    MarkdownRenderer(int headingShift) {
        this.headingShift = headingShift;
    }

    String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + headingShift));
                visitChildren(heading);
            }
        });
        return renderer.render(document);
    }
}
