package io.archlint.rules.resilience;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.RuleParameter;
import io.archlint.engine.Severity;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.bytecode.CallGraph;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** See {@code dual-write.md}. */
@RuleInfo(
        id = "dual-write",
        title = "Method writes to the database and publishes to a broker",
        category = Category.RESILIENCE,
        severity = Severity.WARNING,
        facets = Facet.CLASSES,
        scope = Scope.FILE_AND_SUBTYPES,
        since = "0.1.0",
        parameters = @RuleParameter(name = DualWriteRule.MAX_CALL_DEPTH, defaultValue = "3",
                description = "how many calls deep the rule follows a method into the module's own methods"),
        reason = "A database commit and a broker send are two systems with no shared transaction: when one succeeds "
                + "and the other fails, the data and the events disagree (partial failures in distributed systems, "
                + "in the backend challenges article: sagas and compensations, or an outbox)")
public final class DualWriteRule implements Rule {

    static final String MAX_CALL_DEPTH = "maxCallDepth";
    /** A write to a table or repository named so stores the event for a relay: it is the fix, not a second write. */
    private static final String OUTBOX = "outbox";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        Stereotypes stereotypes = codebase.stereotypes();
        CallGraph graph = codebase.classes().callGraph();
        int depth = Math.max(1, codebase.intParameter(this, MAX_CALL_DEPTH));
        Predicate<JavaCall<?>> write = call -> CallTargets.isDatabaseWrite(call, stereotypes)
                && !isOutbox(codebase, call);
        Predicate<JavaCall<?>> publish = CallTargets::isPublish;
        for (JavaClass type : codebase.classes().ownClasses()) {
            for (JavaMethod method : CallSites.declaredMethods(type)) {
                CallGraph.Search search = graph.from(method).depth(depth);
                List<CallGraph.Path> publishes = search.find(publish);
                if (publishes.isEmpty()) {
                    continue;
                }
                List<CallGraph.Path> writes = search.find(write);
                if (writes.isEmpty()) {
                    continue;
                }
                Set<JavaCall<?>> writeCalls = writes.stream()
                        .map(CallGraph.Path::firstCall)
                        .collect(Collectors.toSet());
                // A call that both writes and publishes is a dual write of its own, reported there.
                publishes.stream()
                        .filter(p -> !writeCalls.contains(p.firstCall()))
                        .findFirst()
                        .ifPresent(p -> report(codebase, findings, method, writes.get(0), p));
            }
        }
    }

    private static void report(Codebase codebase, FindingCollector findings, JavaMethod method, CallGraph.Path write,
            CallGraph.Path publish) {
        String broker = CallTargets.publishesTo(publish.target()).orElse("a broker");
        String name = CallSites.shortSymbol(method.getOwner(), method.getName());
        String message = "`" + name + "` writes to the database (`" + write.describe() + "`) and publishes to "
                + broker + " (`" + publish.describe() + "`) with no "
                + "transaction spanning both; store the event in an outbox table in the same transaction and "
                + "relay it to the broker";
        CallSites.report(codebase, findings, publish, CallSites.symbol(method.getOwner(), method.getName()), message,
                "write " + write.describe() + " publish " + publish.describe());
    }

    /** An outbox write: to an outbox repository or entity, or an SQL statement naming the outbox table. */
    private static boolean isOutbox(Codebase codebase, JavaCall<?> call) {
        return CallTargets.lower(call.getTargetOwner().getSimpleName()).contains(OUTBOX)
                || CallSites.mentions(codebase, call, OUTBOX);
    }
}
