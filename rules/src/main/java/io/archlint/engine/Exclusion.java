package io.archlint.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.Set;

/**
 * A suppression from the configuration: findings in files matching a path glob, or in types of a
 * package glob, for some rules or all, optionally until a date.
 *
 * @param pathGlob    glob over the finding's file relative to the module ({@code src/main/java/com/acme/legacy/**}), or null
 * @param packageGlob package pattern ({@code com.acme.generated..*}, {@code *} one segment, {@code **} any), or null
 * @param ruleIds     the rules it applies to; empty for every rule
 * @param until       the last day it applies, or null
 */
public record Exclusion(String pathGlob, String packageGlob, Set<String> ruleIds, LocalDate until, String reason) {

    public Exclusion {
        ruleIds = Set.copyOf(ruleIds);
    }

    boolean matches(Finding finding) {
        if (!ruleIds.isEmpty() && !ruleIds.contains(finding.ruleId())) {
            return false;
        }
        if (pathGlob != null && !pathGlob.isBlank()) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pathGlob.strip());
            if (!matcher.matches(Path.of(finding.file()))) {
                return false;
            }
        }
        if (packageGlob != null && !packageGlob.isBlank()) {
            String symbol = finding.symbol().contains("#") ? finding.symbol().substring(0, finding.symbol().indexOf('#'))
                    : finding.symbol();
            String packageName = symbol.contains(".") ? symbol.substring(0, symbol.lastIndexOf('.')) : "";
            String regex = packageGlob.strip().replace(".", "\\.").replace("\\.**", "(\\..+)?").replace("**", ".*")
                    .replace("*", "[^.]*");
            if (!packageName.matches(regex)) {
                return false;
            }
        }
        return (pathGlob != null && !pathGlob.isBlank()) || (packageGlob != null && !packageGlob.isBlank());
    }

    String describe() {
        return pathGlob != null && !pathGlob.isBlank() ? "exclusion " + pathGlob.strip() : "exclusion " + packageGlob.strip();
    }
}
