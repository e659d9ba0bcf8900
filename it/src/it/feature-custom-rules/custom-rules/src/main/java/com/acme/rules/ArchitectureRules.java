package com.acme.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Plain ArchUnit rules, as a team writes them for its tests. */
public final class ArchitectureRules {

    public static final ArchRule DOMAIN_DOES_NOT_USE_WEB = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAPackage("..web..");

    private ArchitectureRules() {}
}
