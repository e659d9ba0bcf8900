package io.archlint.maven;

import io.archlint.engine.Severity;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** Parses and validates the user-facing parameters, with messages that name the valid values. */
final class Options {

    /** Every output; the first four are the default, the CI formats are opt-in. */
    static final List<String> FORMATS = List.of("console", "html", "json", "sarif", "codequality", "checkstyle", "junit");
    static final List<String> THRESHOLDS = List.of("ERROR", "WARNING", "INFO", "NONE");

    private Options() {}

    /** The severity at which the build fails, or {@code null} for {@code NONE}. */
    static Severity failOnSeverity(String value) throws MojoExecutionException {
        String normalised = value == null ? "ERROR" : value.strip().toUpperCase(Locale.ROOT);
        if (normalised.equals("NONE")) {
            return null;
        }
        if (normalised.equals("WARN")) {
            normalised = "WARNING";
        }
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(normalised)) {
                return severity;
            }
        }
        throw invalid("archlint.failOnSeverity", value, THRESHOLDS);
    }

    static Set<String> formats(String value) throws MojoExecutionException {
        Set<String> formats = new LinkedHashSet<>();
        for (String part : (value == null ? "" : value).split(",")) {
            String format = part.strip().toLowerCase(Locale.ROOT);
            if (format.isEmpty()) {
                continue;
            }
            if (!FORMATS.contains(format)) {
                throw invalid("archlint.formats", part.strip(), FORMATS);
            }
            formats.add(format);
        }
        return formats;
    }

    /** A rule severity: {@code ERROR}, {@code WARNING} or {@code INFO}. */
    static Severity severity(String parameter, String value) throws MojoExecutionException {
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(normalised)) {
                return severity;
            }
        }
        throw invalid(parameter, value, List.of("ERROR", "WARNING", "INFO"));
    }

    static MojoExecutionException invalid(String parameter, String value, List<String> valid) {
        String suggestion = valid.stream()
                .min(Comparator.comparingInt(v -> distance(v.toLowerCase(Locale.ROOT), String.valueOf(value).toLowerCase(Locale.ROOT))))
                .filter(v -> distance(v.toLowerCase(Locale.ROOT), String.valueOf(value).toLowerCase(Locale.ROOT)) <= 3)
                .map(v -> " Did you mean '" + v + "'?")
                .orElse("");
        return new MojoExecutionException(parameter + " has an invalid value '" + value + "'; valid values are "
                + String.join(", ", valid) + "." + suggestion);
    }

    /** Levenshtein distance, for did-you-mean suggestions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
