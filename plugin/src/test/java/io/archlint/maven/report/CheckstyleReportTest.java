package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckstyleReportTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Document render(Finding... findings) throws Exception {
        AnalysisResult result = new AnalysisResult(List.of(), List.of(findings), List.of());
        return parse(new CheckstyleReport().render(
                new Report(new ModuleInfo("g", "a", "1"), result, Severity.ERROR, "1.0", Instant.EPOCH)));
    }

    @Test
    void groupsFindingsByFileInFileOrder() throws Exception {
        Document document = render(
                new Finding("a-rule", Severity.WARNING, "w", "src/main/java/B.java", 4, 2, "B", "1", Finding.Status.NEW),
                new Finding("a-rule", Severity.ERROR, "e", "pom.xml", 0, 0, "", "2", Finding.Status.BASELINE),
                new Finding("a-rule", Severity.INFO, "i", "src/main/java/A.java", 9, 0, "A", "3", Finding.Status.NEW),
                new Finding("b-rule", Severity.WARNING, "w2", "src/main/java/B.java", 8, 1, "B", "4", Finding.Status.NEW));

        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("checkstyle");
        assertThat(root.getAttribute("version")).isEqualTo("4.3");
        assertThat(elements(document, "file")).extracting(f -> f.getAttribute("name"))
                .containsExactly("pom.xml", "src/main/java/A.java", "src/main/java/B.java");
        assertThat(elements(document, "error")).hasSize(4);
        Element inB = (Element) elements(document, "file").get(2).getElementsByTagName("error").item(1);
        assertThat(inB.getAttribute("line")).isEqualTo("8");
        assertThat(inB.getAttribute("column")).isEqualTo("1");
        assertThat(inB.getAttribute("source")).isEqualTo("archlint.b-rule");
    }

    @Test
    void mapsSeveritiesAndLocations() throws Exception {
        Document document = render(
                new Finding("a-rule", Severity.ERROR, "e", "pom.xml", 0, 0, "", "2", Finding.Status.NEW),
                new Finding("a-rule", Severity.INFO, "i", "src/main/java/A.java", 9, 0, "A", "3", Finding.Status.NEW),
                new Finding("a-rule", Severity.WARNING, "w", "src/main/java/B.java", 4, 2, "B", "1", Finding.Status.NEW));

        List<Element> errors = elements(document, "error");
        assertThat(errors).extracting(e -> e.getAttribute("severity")).containsExactly("error", "info", "warning");
        assertThat(errors).extracting(e -> e.getAttribute("line")).containsExactly("1", "9", "4");
        assertThat(errors).extracting(e -> e.hasAttribute("column")).containsExactly(false, false, true);
    }

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotHold() throws Exception {
        String xml = new CheckstyleReport().render(new Report(new ModuleInfo("g", "a", "1"),
                new AnalysisResult(List.of(), List.of(new Finding("a-rule", Severity.ERROR,
                        "`List<String>` & \"quoted\" 'single' \u0007bell", "src/main/java/A&B.java", 1, 1, "A", "1",
                        Finding.Status.NEW)), List.of()),
                Severity.ERROR, "1.0", Instant.EPOCH));

        Document document = parse(xml);
        assertThat(elements(document, "error").get(0).getAttribute("message"))
                .isEqualTo("`List<String>` & \"quoted\" 'single' \uFFFDbell");
        assertThat(elements(document, "file").get(0).getAttribute("name")).isEqualTo("src/main/java/A&B.java");
        assertThat(xml).contains("&lt;String&gt;", "&amp;", "&quot;quoted&quot;");
    }

    @Test
    void writesAnEmptyReportWithoutFindings() throws Exception {
        Document document = render();

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("checkstyle");
        assertThat(elements(document, "file")).isEmpty();
    }
}
