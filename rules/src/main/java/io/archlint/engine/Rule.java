package io.archlint.engine;

/**
 * One check of the catalog.
 *
 * <p>Implementations are stateless and annotated with {@link RuleInfo}; one instance may check
 * several modules at once on different threads.
 */
public interface Rule {

    /** Reads the facets it declared and reports what it finds. */
    void check(Codebase codebase, FindingCollector findings);

    default RuleDefinition definition() {
        return RuleDefinition.of(getClass());
    }
}
