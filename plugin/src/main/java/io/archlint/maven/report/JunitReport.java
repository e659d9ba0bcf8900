package io.archlint.maven.report;

import io.archlint.engine.Finding;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Surefire-style JUnit XML test suite, for CI test tabs (Jenkins, GitLab, Azure DevOps, GitHub
 * test-report actions): one test case per rule that ran, failed by the rule's new findings.
 *
 * <p>A test case gets at most one {@code <failure>}: the common schema allows one and Jenkins, GitLab
 * and Azure show only the first, so the failure's message counts the findings and its text lists
 * them all, one {@code file:[line,column] message} per line. Findings accepted by the baseline do not
 * fail a test case; they are listed in its {@code <system-out>}. Skipped input is listed in the
 * suite's {@code <system-err>}.
 */
public final class JunitReport {

    public static final String FILE_NAME = "archlint-junit.xml";

    public String render(Report report) {
        Map<String, List<Finding>> newByRule = new LinkedHashMap<>();
        Map<String, List<Finding>> acceptedByRule = new LinkedHashMap<>();
        for (Finding finding : report.result().findings()) {
            (finding.status() == Finding.Status.NEW ? newByRule : acceptedByRule)
                    .computeIfAbsent(finding.ruleId(), id -> new ArrayList<>()).add(finding);
        }
        List<RuleDefinition> rules = report.result().rules();
        long failures = rules.stream().filter(rule -> newByRule.containsKey(rule.id())).count();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            CheckstyleReport.indent(xml, 0);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "archlint");
            xml.writeAttribute("tests", Integer.toString(rules.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", "0");
            xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME
                    .format(report.time().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            for (RuleDefinition rule : rules) {
                CheckstyleReport.indent(xml, 1);
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "archlint." + rule.category().id());
                xml.writeAttribute("name", rule.id());
                xml.writeAttribute("time", "0");
                List<Finding> found = newByRule.getOrDefault(rule.id(), List.of());
                if (!found.isEmpty()) {
                    CheckstyleReport.indent(xml, 2);
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", found.size() + (found.size() == 1 ? " finding" : " findings")
                            + " of " + rule.id());
                    xml.writeAttribute("type", highest(found).name());
                    xml.writeCharacters(CheckstyleReport.xmlText(lines(found)));
                    xml.writeEndElement();
                }
                List<Finding> accepted = acceptedByRule.getOrDefault(rule.id(), List.of());
                if (!accepted.isEmpty()) {
                    CheckstyleReport.indent(xml, 2);
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(CheckstyleReport.xmlText("Accepted by the baseline:\n" + lines(accepted)));
                    xml.writeEndElement();
                }
                if (!found.isEmpty() || !accepted.isEmpty()) {
                    CheckstyleReport.indent(xml, 1);
                }
                xml.writeEndElement();
            }
            List<Skipped> skipped = report.result().skipped();
            if (!skipped.isEmpty()) {
                CheckstyleReport.indent(xml, 1);
                xml.writeStartElement("system-err");
                xml.writeCharacters(CheckstyleReport.xmlText(skipped.stream()
                        .map(s -> s.file() + ": skipped: " + s.reason() + "\n").collect(Collectors.joining())));
                xml.writeEndElement();
            }
            CheckstyleReport.indent(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JUnit report could not be rendered", e);
        }
        return out + System.lineSeparator();
    }

    private static String lines(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            text.append(ConsoleReport.location(finding))
                    .append(' ').append(finding.message()).append('\n');
        }
        return text.toString();
    }

    private static Severity highest(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
    }
}
