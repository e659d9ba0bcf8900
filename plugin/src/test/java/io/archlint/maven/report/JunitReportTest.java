package io.archlint.maven.report;

import static io.archlint.maven.report.CheckstyleReportTest.elements;
import static io.archlint.maven.report.CheckstyleReportTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {

    private static final List<RuleDefinition> RULES = RuleRegistry.builtIn().stream().map(Rule::definition)
            .limit(3).toList();
    private static final RuleDefinition FIRST = RULES.get(0);
    private static final RuleDefinition SECOND = RULES.get(1);

    private static Document render(List<Finding> findings, List<Skipped> skipped) throws Exception {
        AnalysisResult result = new AnalysisResult(RULES, findings, skipped);
        return parse(new JunitReport().render(
                new Report(new ModuleInfo("g", "a", "1"), result, Severity.ERROR, "1.0", Instant.EPOCH)));
    }

    private static Finding finding(RuleDefinition rule, Severity severity, String message, String file, int line,
            int column, Finding.Status status) {
        return new Finding(rule.id(), severity, message, file, line, column, "S", message, status);
    }

    @Test
    void writesOneTestCasePerRuleThatRan() throws Exception {
        Document document = render(List.of(), List.of());

        Element suite = document.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("archlint");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("0");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("1970-01-01T00:00:00");
        List<Element> cases = elements(document, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactlyElementsOf(
                RULES.stream().map(RuleDefinition::id).toList());
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsExactlyElementsOf(
                RULES.stream().map(r -> "archlint." + r.category().id()).toList());
        assertThat(elements(document, "failure")).isEmpty();
    }

    @Test
    void failsARuleOnceListingAllItsNewFindings() throws Exception {
        Document document = render(List.of(
                finding(FIRST, Severity.WARNING, "`List<T>` & \"x\"", "src/main/java/A.java", 4, 9, Finding.Status.NEW),
                finding(FIRST, Severity.ERROR, "project level", "pom.xml", 0, 0, Finding.Status.NEW),
                finding(SECOND, Severity.INFO, "hint", "src/main/java/B.java", 2, 0, Finding.Status.NEW)), List.of());

        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        List<Element> failures = elements(document, "failure");
        assertThat(failures).hasSize(2);
        Element first = failures.get(0);
        assertThat(((Element) first.getParentNode()).getAttribute("name")).isEqualTo(FIRST.id());
        assertThat(first.getAttribute("message")).isEqualTo("2 findings of " + FIRST.id());
        assertThat(first.getAttribute("type")).isEqualTo("ERROR");
        assertThat(first.getTextContent()).isEqualTo(
                "src/main/java/A.java:[4,9] `List<T>` & \"x\"\npom.xml project level\n");
        Element second = failures.get(1);
        assertThat(second.getAttribute("message")).isEqualTo("1 finding of " + SECOND.id());
        assertThat(second.getAttribute("type")).isEqualTo("INFO");
        assertThat(second.getTextContent()).isEqualTo("src/main/java/B.java:[2,1] hint\n");
    }

    @Test
    void listsAcceptedFindingsWithoutFailing() throws Exception {
        Document document = render(List.of(
                finding(FIRST, Severity.ERROR, "old", "src/main/java/A.java", 4, 9, Finding.Status.BASELINE)),
                List.of(new Skipped("target/classes", "holds no compiled classes")));

        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(elements(document, "failure")).isEmpty();
        assertThat(elements(document, "system-out")).singleElement().extracting(Element::getTextContent)
                .isEqualTo("Accepted by the baseline:\nsrc/main/java/A.java:[4,9] old\n");
        assertThat(elements(document, "system-err")).singleElement().extracting(Element::getTextContent)
                .isEqualTo("target/classes: skipped: holds no compiled classes\n");
    }
}
