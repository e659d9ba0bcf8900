package io.archlint.engine;

/**
 * What a rule's findings in one Java file depend on, so that an incremental analysis knows which
 * files to analyse again after a change. A file <em>refers to</em> another when its text (code,
 * comments or strings) holds the simple name of a type the other declares; the engine follows that
 * relation from the text of the files, without parsing them.
 *
 * <p>Every scope but {@link #MODULE} also promises that the rule's findings in configuration files,
 * migrations and the pom depend only on those files, the dependency graph and the rule's parameters.
 * Rules that do not say otherwise are {@code MODULE}: always correct, never incremental.
 */
public enum Scope {
    /**
     * A finding in a file depends only on that file and the files it refers to, directly or
     * through others.
     */
    FILE,
    /**
     * As {@link #FILE}, and also on the subtypes of the types reached, with what they refer to: rules
     * that follow a call on an interface into its implementations.
     */
    FILE_AND_SUBTYPES,
    /**
     * As {@link #FILE}, and also on the files that refer to it directly: rules that look for uses of
     * a field elsewhere in the module.
     */
    FILE_AND_USERS,
    /** A finding may depend on any file of the module: the rule runs on the whole module every time. */
    MODULE
}
