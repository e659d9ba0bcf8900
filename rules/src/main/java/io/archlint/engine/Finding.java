package io.archlint.engine;

import java.util.Comparator;

/**
 * One reported problem.
 *
 * @param file        path relative to the module base directory, with forward slashes
 * @param line        1-based; 0 for project-level findings
 * @param column      1-based; 0 when unknown
 * @param symbol      the enclosing element, such as {@code com.acme.OrderController#create}
 * @param fingerprint stable identity across unrelated edits
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        String file,
        int line,
        int column,
        String symbol,
        String fingerprint,
        Status status) {

    /** Whether a finding is new or was accepted in the baseline. */
    public enum Status {
        NEW,
        BASELINE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Report order: file, line, column, then rule id. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, severity, newMessage, file, line, column, symbol, fingerprint, status);
    }

    public Finding withStatus(Status newStatus) {
        return new Finding(ruleId, severity, message, file, line, column, symbol, fingerprint, newStatus);
    }
}
