package io.archlint.engine;

import io.archlint.rules.concurrency.MutableSingletonStateRule;
import io.archlint.rules.concurrency.ReadModifyWriteRaceRule;
import io.archlint.rules.concurrency.StaticCollectionLeakRule;
import io.archlint.rules.concurrency.ThreadlocalLeakRule;
import io.archlint.rules.database.ConnectionPerCallRule;
import io.archlint.rules.database.DestructiveMigrationRule;
import io.archlint.rules.database.EagerFetchRule;
import io.archlint.rules.database.MissingIndexRule;
import io.archlint.rules.database.NPlusOneQueryRule;
import io.archlint.rules.database.NoCachingRule;
import io.archlint.rules.database.NoConnectionPoolRule;
import io.archlint.rules.database.NoSchemaMigrationsRule;
import io.archlint.rules.database.NosqlRelationalDataRule;
import io.archlint.rules.database.SchemaAutoDdlRule;
import io.archlint.rules.database.UnboundedQueryRule;
import io.archlint.rules.errors.LogStringConcatRule;
import io.archlint.rules.errors.MissingGlobalErrorHandlerRule;
import io.archlint.rules.errors.PrintStackTraceRule;
import io.archlint.rules.errors.SensitiveDataLoggedRule;
import io.archlint.rules.errors.StackTraceExposureRule;
import io.archlint.rules.errors.SwallowedExceptionRule;
import io.archlint.rules.errors.SystemOutLoggingRule;
import io.archlint.rules.layering.ControllerBusinessLogicRule;
import io.archlint.rules.layering.ControllerDataAccessRule;
import io.archlint.rules.layering.PrematureMicroservicesRule;
import io.archlint.rules.layering.TransactionalControllerRule;
import io.archlint.rules.layering.TransactionalProxyBypassRule;
import io.archlint.rules.operations.NoObservabilityRule;
import io.archlint.rules.resilience.BlockingWorkInRequestRule;
import io.archlint.rules.resilience.CacheStampedeRule;
import io.archlint.rules.resilience.DualWriteRule;
import io.archlint.rules.resilience.HttpClientNoTimeoutRule;
import io.archlint.rules.resilience.MissingCircuitBreakerRule;
import io.archlint.rules.resilience.MissingIdempotencyKeyRule;
import io.archlint.rules.resilience.NonIdempotentConsumerRule;
import io.archlint.rules.resilience.RetryWithoutBackoffRule;
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
            new BlockingWorkInRequestRule(),
            new CacheStampedeRule(),
            new ConnectionPerCallRule(),
            new ControllerBusinessLogicRule(),
            new ControllerDataAccessRule(),
            new CorsWildcardCredentialsRule(),
            new CsrfDisabledRule(),
            new DestructiveMigrationRule(),
            new DualWriteRule(),
            new EagerFetchRule(),
            new HardcodedSecretRule(),
            new HttpClientNoTimeoutRule(),
            new LogStringConcatRule(),
            new MissingCircuitBreakerRule(),
            new MissingGlobalErrorHandlerRule(),
            new MissingIdempotencyKeyRule(),
            new MissingIndexRule(),
            new MissingInputValidationRule(),
            new MutableSingletonStateRule(),
            new NPlusOneQueryRule(),
            new NoAuthenticationRule(),
            new NoCachingRule(),
            new NoConnectionPoolRule(),
            new NoObservabilityRule(),
            new NoSchemaMigrationsRule(),
            new NonIdempotentConsumerRule(),
            new NosqlRelationalDataRule(),
            new PermitAllEndpointsRule(),
            new PrematureMicroservicesRule(),
            new PrintStackTraceRule(),
            new ReadModifyWriteRaceRule(),
            new RetryWithoutBackoffRule(),
            new SchemaAutoDdlRule(),
            new SensitiveDataLoggedRule(),
            new SqlInjectionRule(),
            new StackTraceExposureRule(),
            new StaticCollectionLeakRule(),
            new SwallowedExceptionRule(),
            new SystemOutLoggingRule(),
            new ThreadlocalLeakRule(),
            new TransactionalControllerRule(),
            new TransactionalProxyBypassRule(),
            new UnboundedQueryRule(),
            new WeakPasswordHashingRule());

    private RuleRegistry() {}

    /** Every built-in rule, in id order. */
    public static List<Rule> builtIn() {
        return BUILT_IN;
    }

}
