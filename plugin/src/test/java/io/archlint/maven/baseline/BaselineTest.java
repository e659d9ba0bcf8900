package io.archlint.maven.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {

    private static Finding finding(String rule, String file, String symbol, String fingerprint, int line) {
        return new Finding(rule, Severity.WARNING, "`" + symbol + "` message", file, line, 5, symbol, fingerprint,
                Finding.Status.NEW);
    }

    private final Finding repository = finding("controller-data-access", "src/main/java/B.java", "com.acme.B", "bbbb", 9);
    private final Finding pool = finding("no-connection-pool", "pom.xml", "org.postgresql:postgresql", "aaaa", 12);

    @Test
    void isWrittenSortedWithoutLinesOrTimestampsAndWithUnixLineEndings() {
        String json = Baseline.of(List.of(pool, repository)).toJson();

        assertThat(json).isEqualTo(Baseline.of(List.of(repository, pool)).toJson());
        assertThat(json).doesNotContain("\r").doesNotContain("\"line\"").endsWith("}\n");
        assertThat(json.indexOf("controller-data-access")).isLessThan(json.indexOf("no-connection-pool"));
        assertThat(json).startsWith("{\n  \"archlintBaseline\" : 1,\n");
    }

    @Test
    void roundTripsThroughItsFile() throws Exception {
        Baseline baseline = Baseline.of(List.of(repository, pool));
        assertThat(Baseline.parse(baseline.toJson()).entries()).isEqualTo(baseline.entries());
    }

    @Test
    void marksAcceptedFindingsAndListsEntriesThatNoLongerMatch() {
        Baseline baseline = Baseline.of(List.of(repository, pool));
        Finding moved = finding("controller-data-access", "src/main/java/B.java", "com.acme.B", "bbbb", 40);
        Finding fresh = finding("controller-data-access", "src/main/java/C.java", "com.acme.C", "cccc", 3);

        Baseline.Applied applied = baseline.apply(new AnalysisResult(List.of(), List.of(moved, fresh), List.of()));

        assertThat(applied.result().findings()).extracting(Finding::fingerprint, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bbbb", Finding.Status.BASELINE),
                org.assertj.core.groups.Tuple.tuple("cccc", Finding.Status.NEW));
        assertThat(applied.fixed()).extracting(Baseline.Entry::fingerprint).containsExactly("aaaa");
        assertThat(applied.result().failing(Severity.WARNING)).extracting(Finding::fingerprint).containsExactly("cccc");
    }

    @Test
    void aSuppressedFindingIsNotReportedAsFixed() {
        Baseline baseline = Baseline.of(List.of(repository));
        Baseline.Applied applied = baseline.apply(new AnalysisResult(List.of(), List.of(), List.of(), List.of(repository)));
        assertThat(applied.fixed()).isEmpty();
    }

    @Test
    void rejectsBrokenFilesWithTheReason() {
        assertThatThrownBy(() -> Baseline.parse("{ not json"))
                .isInstanceOf(Baseline.InvalidBaselineException.class).hasMessageStartingWith("it is not valid JSON");
        assertThatThrownBy(() -> Baseline.parse("{\"findings\": []}"))
                .hasMessageContaining("not an Archlint baseline of format 1");
        assertThatThrownBy(() -> Baseline.parse("{\"archlintBaseline\": 1, \"findings\": [{\"ruleId\": \"x\"}]}"))
                .hasMessageStartingWith("an entry has no ruleId or fingerprint");
    }
}
