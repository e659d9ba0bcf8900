package io.archlint.maven.report;

import java.util.List;
import java.util.Map;

/** A horizontal bar chart as inline SVG: one labelled bar per entry, no script, no library. */
final class SvgBarChart {

    private static final int WIDTH = 560;
    private static final int LABEL_WIDTH = 230;
    private static final int COUNT_WIDTH = 40;
    private static final int ROW = 22;
    private static final int BAR = 14;
    private static final int MAX_LABEL = 34;

    private SvgBarChart() {}

    static void render(StringBuilder html, String id, String title, List<Map.Entry<String, Integer>> entries) {
        int max = entries.stream().mapToInt(Map.Entry::getValue).max().orElse(1);
        int height = Math.max(ROW, entries.size() * ROW);
        int span = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
        html.append("<svg class=\"chart\" id=\"").append(id).append("\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
                .append(HtmlReport.escape(title)).append("</title>");
        int y = 0;
        for (Map.Entry<String, Integer> entry : entries) {
            int length = Math.max(2, Math.round((float) span * entry.getValue() / max));
            String label = entry.getKey();
            String shown = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "\u2026" : label;
            html.append("<g><title>").append(HtmlReport.escape(label)).append(": ").append(entry.getValue())
                    .append("</title><text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(HtmlReport.escape(shown)).append("</text>")
                    .append("<rect class=\"bar\" data-label=\"").append(HtmlReport.escape(label))
                    .append("\" data-count=\"").append(entry.getValue()).append("\" x=\"").append(LABEL_WIDTH)
                    .append("\" y=\"").append(y + (ROW - BAR) / 2).append("\" width=\"").append(length)
                    .append("\" height=\"").append(BAR).append("\" rx=\"2\"></rect><text class=\"count\" x=\"")
                    .append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(entry.getValue()).append("</text></g>");
            y += ROW;
        }
        html.append("</svg>\n");
    }
}
