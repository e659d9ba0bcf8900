package io.archlint.engine;

import io.archlint.rules.database.ConnectionPerCallRule;
import io.archlint.rules.database.NoConnectionPoolRule;
import io.archlint.rules.layering.ControllerBusinessLogicRule;
import io.archlint.rules.layering.ControllerDataAccessRule;
import io.archlint.rules.layering.TransactionalControllerRule;
import io.archlint.rules.resilience.MissingIdempotencyKeyRule;
import io.archlint.rules.resilience.NonIdempotentConsumerRule;
import io.archlint.rules.security.CorsWildcardCredentialsRule;
import io.archlint.rules.security.CsrfDisabledRule;
import io.archlint.rules.security.PermitAllEndpointsRule;
import java.util.List;
import java.util.Optional;

/** The built-in rules, one line each, sorted by id. */
public final class RuleRegistry {

    private static final List<Rule> BUILT_IN = List.of(
            new ConnectionPerCallRule(),
            new ControllerBusinessLogicRule(),
            new ControllerDataAccessRule(),
            new CorsWildcardCredentialsRule(),
            new CsrfDisabledRule(),
            new MissingIdempotencyKeyRule(),
            new NoConnectionPoolRule(),
            new NonIdempotentConsumerRule(),
            new PermitAllEndpointsRule(),
            new TransactionalControllerRule());

    private RuleRegistry() {}

    /** Every built-in rule, in id order. */
    public static List<Rule> builtIn() {
        return BUILT_IN;
    }

    public static Optional<Rule> find(String id) {
        return BUILT_IN.stream().filter(r -> r.definition().id().equals(id)).findFirst();
    }
}
