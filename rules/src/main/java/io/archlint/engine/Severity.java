package io.archlint.engine;

/** How serious a finding is; declared from the most to the least severe. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Whether this severity is at least as serious as {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }
}
