package io.archlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archlint.engine.Rule;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

    private static RuleConfiguration rule(String id, Boolean enabled, String severity, Map<String, String> properties) {
        RuleConfiguration configuration = new RuleConfiguration();
        set(configuration, "id", id);
        set(configuration, "enabled", enabled);
        set(configuration, "severity", severity);
        set(configuration, "properties", properties);
        return configuration;
    }

    /** Maven fills the fields by reflection; so does this test. */
    private static void set(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(RuleSelection selection) {
        return selection.rules().stream().map(r -> r.definition().id()).toList();
    }

    @Test
    void recommendedRunsEveryRuleAtItsDefaultSeverity() throws Exception {
        RuleSelection selection = RuleSelection.of(RuleRegistry.builtIn(), null, null);
        assertThat(selection.rules()).isEqualTo(RuleRegistry.builtIn());
        assertThat(selection.severities()).isEmpty();
    }

    @Test
    void strictRaisesEveryRuleOneStep() throws Exception {
        RuleSelection selection = RuleSelection.of(RuleRegistry.builtIn(), "strict", List.of());
        for (Rule rule : RuleRegistry.builtIn()) {
            Severity expected = rule.definition().defaultSeverity() == Severity.INFO ? Severity.WARNING : Severity.ERROR;
            assertThat(selection.severities()).containsEntry(rule.definition().id(), expected);
        }
    }

    @Test
    void securityRunsOnlySecurityRules() throws Exception {
        RuleSelection selection = RuleSelection.of(RuleRegistry.builtIn(), "security", List.of());
        assertThat(selection.rules()).allSatisfy(r -> assertThat(r.definition().category().id()).isIn("security", "errors"));
        assertThat(ids(selection)).doesNotContain("controller-data-access");
    }

    @Test
    void rulesOnTopOfThePresetDisableRaiseAndParameterise() throws Exception {
        RuleSelection selection = RuleSelection.of(RuleRegistry.builtIn(), "recommended", List.of(
                rule("controller-data-access", false, null, null),
                rule("controller-business-logic", null, "error", Map.of("maxComplexity", "12"))));
        assertThat(ids(selection)).doesNotContain("controller-data-access").contains("controller-business-logic");
        assertThat(selection.severities()).containsExactlyEntriesOf(Map.of("controller-business-logic", Severity.ERROR));
        assertThat(selection.parameters()).containsExactlyEntriesOf(
                Map.of("controller-business-logic", Map.of("maxComplexity", "12")));
    }

    @Test
    void aMisspelledRuleIdFailsWithTheValidIdsAndTheLikelyOne() {
        assertThatThrownBy(() -> RuleSelection.of(RuleRegistry.builtIn(), null,
                List.of(rule("controller-bussiness-logic", false, null, null))))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<rules><rule><id> has an invalid value 'controller-bussiness-logic'; valid values are ")
                .hasMessageContaining("connection-per-call, controller-business-logic, controller-data-access")
                .hasMessageEndingWith("Did you mean 'controller-business-logic'?");
    }

    @Test
    void aMisspelledParameterOrABadValueFailsWithTheValidOnes() {
        assertThatThrownBy(() -> RuleSelection.of(RuleRegistry.builtIn(), null,
                List.of(rule("controller-business-logic", null, null, Map.of("maxComplexty", "12")))))
                .hasMessage("<properties> of rule controller-business-logic has an invalid value 'maxComplexty'; "
                        + "valid values are maxComplexity, maxStatements. Did you mean 'maxComplexity'?");
        assertThatThrownBy(() -> RuleSelection.of(RuleRegistry.builtIn(), null,
                List.of(rule("controller-business-logic", null, null, Map.of("maxComplexity", "high")))))
                .hasMessageStartingWith("Parameter maxComplexity of rule controller-business-logic must be a whole number, not 'high'");
        assertThatThrownBy(() -> RuleSelection.of(RuleRegistry.builtIn(), null,
                List.of(rule("controller-data-access", null, "FATAL", null))))
                .hasMessageStartingWith("<severity> of rule controller-data-access has an invalid value 'FATAL'");
        assertThatThrownBy(() -> RuleSelection.of(RuleRegistry.builtIn(), "paranoid", null))
                .hasMessageStartingWith("archlint.preset has an invalid value 'paranoid'; valid values are recommended, strict, security.");
    }
}
