package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlint.engine.Timings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingsReportTest {

    private final Timings timings = new Timings(2_345_600_000L,
            Map.of("sources", 1_100_000_000L, "classes", 700_000_000L),
            Map.of("missing-index", 45_250_000L, "sql-injection", 3_000_000L), 12_000_000L);

    @Test
    void printsEveryFacetRuleAndStepSlowestFirst() {
        List<String> lines = new TimingsReport().lines(timings);

        assertThat(lines.get(0)).startsWith("Archlint timings: 2345.6 ms in total");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "  facet sources          1100.0 ms",
                "  facet classes           700.0 ms",
                "  rule  missing-index      45.3 ms",
                "  step  suppressions       12.0 ms",
                "  rule  sql-injection       3.0 ms");
    }

    @Test
    void writesMillisecondsPerFacetAndRuleInNameOrder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new TimingsReport().render(timings));

        assertThat(json.get("totalMillis").asDouble()).isEqualTo(2345.6);
        assertThat(json.get("cached").asBoolean()).isFalse();
        assertThat(json.get("facets").fieldNames()).toIterable().containsExactly("classes", "sources");
        assertThat(json.get("facets").get("sources").asDouble()).isEqualTo(1100.0);
        assertThat(json.get("rules").fieldNames()).toIterable().containsExactly("missing-index", "sql-injection");
        assertThat(json.get("rules").get("missing-index").asDouble()).isEqualTo(45.3);
        assertThat(json.get("suppressionsMillis").asDouble()).isEqualTo(12.0);
    }

    @Test
    void saysWhenTheResultCameFromTheCache() {
        Timings cached = new Timings(21_000_000L, Map.of("input-digest", 20_000_000L), Map.of(), 0, true);

        List<String> lines = new TimingsReport().lines(cached);

        assertThat(lines.get(0)).isEqualTo("Archlint timings: 21.0 ms in total, the result of the last analysis "
                + "used again (nothing it depends on changed; -Darchlint.cache=false analyses anyway)");
        assertThat(lines).contains("  facet input-digest      20.0 ms");
    }
}
