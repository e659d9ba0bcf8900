package io.archlint.engine;

import io.archlint.rules.database.ConnectionPerCallRule;
import io.archlint.rules.database.DestructiveMigrationRule;
import io.archlint.rules.database.MissingIndexRule;
import io.archlint.rules.database.NoConnectionPoolRule;
import io.archlint.rules.errors.LogStringConcatRule;
import io.archlint.rules.errors.MissingGlobalErrorHandlerRule;
import io.archlint.rules.errors.PrintStackTraceRule;
import io.archlint.rules.errors.SensitiveDataLoggedRule;
import io.archlint.rules.errors.StackTraceExposureRule;
import io.archlint.rules.errors.SwallowedExceptionRule;
import io.archlint.rules.errors.SystemOutLoggingRule;
import io.archlint.rules.layering.ControllerBusinessLogicRule;
import io.archlint.rules.layering.ControllerDataAccessRule;
import io.archlint.rules.layering.TransactionalControllerRule;
import io.archlint.rules.operations.NoObservabilityRule;
import io.archlint.rules.resilience.MissingIdempotencyKeyRule;
import io.archlint.rules.resilience.NonIdempotentConsumerRule;
import io.archlint.rules.security.CorsWildcardCredentialsRule;
import io.archlint.rules.security.CsrfDisabledRule;
import io.archlint.rules.security.HardcodedSecretRule;
import io.archlint.rules.security.MissingInputValidationRule;
import io.archlint.rules.security.NoAuthenticationRule;
import io.archlint.rules.security.PermitAllEndpointsRule;
import io.archlint.rules.security.SqlInjectionRule;
import io.archlint.rules.security.WeakPasswordHashingRule;
import java.util.List;

/** The built-in rules, one line each, sorted by id. */
public final class RuleRegistry {

    private static final List<Rule> BUILT_IN = List.of(
            new ConnectionPerCallRule(),
            new ControllerBusinessLogicRule(),
            new ControllerDataAccessRule(),
            new CorsWildcardCredentialsRule(),
            new CsrfDisabledRule(),
            new DestructiveMigrationRule(),
            new HardcodedSecretRule(),
            new LogStringConcatRule(),
            new MissingGlobalErrorHandlerRule(),
            new MissingIdempotencyKeyRule(),
            new MissingIndexRule(),
            new MissingInputValidationRule(),
            new NoAuthenticationRule(),
            new NoConnectionPoolRule(),
            new NoObservabilityRule(),
            new NonIdempotentConsumerRule(),
            new PermitAllEndpointsRule(),
            new PrintStackTraceRule(),
            new SensitiveDataLoggedRule(),
            new SqlInjectionRule(),
            new StackTraceExposureRule(),
            new SwallowedExceptionRule(),
            new SystemOutLoggingRule(),
            new TransactionalControllerRule(),
            new WeakPasswordHashingRule());

    private RuleRegistry() {}

    /** Every built-in rule, in id order. */
    public static List<Rule> builtIn() {
        return BUILT_IN;
    }
}
