package io.archlint.maven.report;

import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checkstyle's XML result format (version 4.3), which Jenkins Warnings NG, SonarQube, reviewdog and
 * most code-review bots import.
 *
 * <p>Every finding is written, accepted ones included, as a linter's own report would be; the
 * importers compare with a reference build themselves.
 */
public final class CheckstyleReport {

    public static final String FILE_NAME = "archlint-checkstyle.xml";

    public String render(Report report) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding finding : report.result().findings()) {
            byFile.computeIfAbsent(finding.file(), file -> new ArrayList<>()).add(finding);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            indent(xml, 0);
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", "4.3");
            for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
                indent(xml, 1);
                xml.writeStartElement("file");
                xml.writeAttribute("name", entry.getKey());
                for (Finding finding : entry.getValue()) {
                    indent(xml, 2);
                    xml.writeEmptyElement("error");
                    // Project-level findings (line 0) point at the file's first line, where importers can show them.
                    xml.writeAttribute("line", Integer.toString(Math.max(1, finding.line())));
                    if (finding.column() > 0) {
                        xml.writeAttribute("column", Integer.toString(finding.column()));
                    }
                    xml.writeAttribute("severity", severity(finding.severity()));
                    xml.writeAttribute("message", xmlText(finding.message()));
                    xml.writeAttribute("source", "archlint." + finding.ruleId());
                }
                indent(xml, 1);
                xml.writeEndElement();
            }
            indent(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Checkstyle report could not be rendered", e);
        }
        return out + System.lineSeparator();
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * The text with the characters XML 1.0 cannot carry even escaped (controls other than tab and line
     * breaks, lone surrogates) replaced: the stream writer escapes markup but would write those as they are.
     */
    static String xmlText(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                clean.append(c).append(value.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                clean.append(c);
            } else {
                clean.append('\uFFFD');
            }
        }
        return clean.toString();
    }
}
