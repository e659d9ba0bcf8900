package io.archlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Rule;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's rule table lists exactly the registered rules, with their severity and category. */
class ReadmeTest {

    @Test
    void ruleTableMatchesTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("<!-- rules:start -->"), readme.indexOf("<!-- rules:end -->"));
        List<String> rows = table.lines().filter(l -> l.startsWith("| `")).map(ReadmeTest::firstThreeCells).toList();
        List<String> expected = RuleRegistry.builtIn().stream().map(Rule::definition)
                .map(ReadmeTest::row).toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void parameterTableMatchesTheRulesParameters() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("<!-- parameters:start -->"),
                readme.indexOf("<!-- parameters:end -->"));
        List<String> rows = table.lines().filter(l -> l.startsWith("| `")).map(String::strip).toList();
        List<String> expected = RuleRegistry.builtIn().stream().map(Rule::definition)
                .flatMap(rule -> rule.parameters().stream().map(p -> "| `" + rule.id() + "` | `" + p.name() + "` | "
                        + p.defaultValue() + " | " + p.description() + " |"))
                .toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    private static String row(RuleDefinition rule) {
        return "`" + rule.id() + "` | " + rule.defaultSeverity() + " | " + rule.category().id();
    }

    private static String firstThreeCells(String line) {
        String[] cells = line.split("\\|");
        return cells[1].strip() + " | " + cells[2].strip() + " | " + cells[3].strip();
    }
}
