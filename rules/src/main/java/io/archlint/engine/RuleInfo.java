package io.archlint.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, declared once on its class.
 *
 * <p>The registry, the documentation renderer and every report writer read it from here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Kebab-case id that says what is wrong; never changes once released. */
    String id();

    /** One line summary, sentence case, no trailing period. */
    String title();

    Category category();

    Severity severity();

    /** The facets the rule reads; a rule whose facet is unavailable is skipped with a note. */
    Facet[] facets();

    /** The version that introduced the rule. */
    String since();

    /** Why it matters, from the source articles. */
    String reason();

    /** The settings users may change; integers unless the description says otherwise. */
    RuleParameter[] parameters() default {};

    /**
     * What a finding in one file depends on; an incremental analysis analyses again only the files a
     * change can reach. The default is always correct: the rule runs on the whole module.
     */
    Scope scope() default Scope.MODULE;
}
