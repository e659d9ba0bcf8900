package io.archlint.maven;

import io.archlint.engine.Exclusion;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * One {@code <exclusion>}: findings in matching files or packages are suppressed, for the listed
 * rules or all of them, until a date if one is given.
 * {@code <exclusion><path>src/main/java/com/acme/legacy/**</path><rules><rule>controller-data-access</rule></rules><until>2027-03-31</until><reason>rewrite in Q1</reason></exclusion>}
 */
public class ExclusionConfiguration {

    private String path;
    private String packageName;
    private List<String> rules = new ArrayList<>();
    private String until;
    private String reason;

    Exclusion toExclusion(Set<String> validRuleIds) throws MojoExecutionException {
        boolean hasPath = path != null && !path.isBlank();
        boolean hasPackage = packageName != null && !packageName.isBlank();
        if (!hasPath && !hasPackage) {
            throw new MojoExecutionException("An <exclusion> needs a <path> glob (src/main/java/com/acme/legacy/**) "
                    + "or a <packageName> pattern (com.acme.generated.**)");
        }
        if (reason == null || reason.isBlank()) {
            throw new MojoExecutionException("The <exclusion> of " + (hasPath ? path : packageName)
                    + " needs a <reason>: say why these findings are accepted");
        }
        List<String> ids = rules == null ? List.of() : rules.stream().map(String::strip).toList();
        for (String id : ids) {
            if (!validRuleIds.contains(id)) {
                throw Options.invalid("<exclusion><rules><rule>", id, validRuleIds.stream().sorted().toList());
            }
        }
        LocalDate expiry = null;
        if (until != null && !until.isBlank()) {
            try {
                expiry = LocalDate.parse(until.strip());
            } catch (DateTimeParseException e) {
                throw new MojoExecutionException("<until> of the exclusion " + (hasPath ? path : packageName)
                        + " must be a date like 2027-03-31, not '" + until + "'");
            }
        }
        return new Exclusion(hasPath ? path : null, hasPackage ? packageName : null, Set.copyOf(ids), expiry, reason);
    }
}
