package io.archlint.rules.resilience;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
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
import io.archlint.engine.bytecode.CallGraph;
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.WebControllers;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** See {@code blocking-work-in-request.md}. */
@RuleInfo(
        id = "blocking-work-in-request",
        title = "Request handler does slow work inline",
        category = Category.RESILIENCE,
        severity = Severity.WARNING,
        facets = {Facet.CLASSES, Facet.SOURCES},
        scope = Scope.FILE_AND_SUBTYPES,
        since = "0.1.0",
        parameters = @RuleParameter(name = BlockingWorkInRequestRule.MAX_CALL_DEPTH, defaultValue = "3",
                description = "how many calls deep the rule follows a handler into the module's own methods"),
        reason = "Sending mail, rendering reports or calling other services one by one while the client waits "
                + "holds a request thread and the client's patience; offload heavy work to a background queue "
                + "and answer 202 (asynchronous processing, in the backend articles)")
public final class BlockingWorkInRequestRule implements Rule {

    static final String MAX_CALL_DEPTH = "maxCallDepth";

    /** Mail clients and their sending methods. */
    private static final Map<String, Set<String>> MAIL = Map.of(
            "org.springframework.mail.MailSender", Set.of("send"),
            "org.springframework.mail.javamail.JavaMailSender", Set.of("send"),
            "org.springframework.mail.javamail.JavaMailSenderImpl", Set.of("send"),
            "jakarta.mail.Transport", Set.of("send", "sendMessage"),
            "javax.mail.Transport", Set.of("send", "sendMessage"),
            "org.simplejavamail.api.mailer.Mailer", Set.of("sendMail"),
            "org.apache.commons.mail.Email", Set.of("send"),
            "org.apache.commons.mail.SimpleEmail", Set.of("send"),
            "org.apache.commons.mail.HtmlEmail", Set.of("send"),
            "io.quarkus.mailer.Mailer", Set.of("send"));
    /** Sleeping on the current thread. */
    private static final Map<String, Set<String>> SLEEP = Map.of(
            "java.lang.Thread", Set.of("sleep"),
            "java.util.concurrent.TimeUnit", Set.of("sleep"));
    /** Report and document rendering that takes seconds on real data: JasperReports, POI, PDF renderers. */
    private static final Map<String, Set<String>> REPORTS = Map.ofEntries(
            Map.entry("net.sf.jasperreports.engine.JasperFillManager",
                    Set.of("fillReport", "fillReportToFile", "fillReportToStream")),
            Map.entry("net.sf.jasperreports.engine.JasperExportManager",
                    Set.of("exportReportToPdf", "exportReportToPdfFile", "exportReportToPdfStream",
                            "exportReportToHtmlFile", "exportReportToXml", "exportReportToXmlFile")),
            Map.entry("net.sf.jasperreports.engine.JasperRunManager", Set.of("runReportToPdf", "runReportToPdfFile",
                    "runReportToPdfStream", "runReportToHtmlFile")),
            Map.entry("net.sf.jasperreports.engine.JasperCompileManager",
                    Set.of("compileReport", "compileReportToFile")),
            Map.entry("org.apache.poi.ss.usermodel.Workbook", Set.of("write")),
            Map.entry("org.apache.poi.xssf.usermodel.XSSFWorkbook", Set.of("write")),
            Map.entry("org.apache.poi.xssf.streaming.SXSSFWorkbook", Set.of("write")),
            Map.entry("org.apache.poi.hssf.usermodel.HSSFWorkbook", Set.of("write")),
            Map.entry("org.apache.poi.xwpf.usermodel.XWPFDocument", Set.of("write")),
            Map.entry("com.itextpdf.text.pdf.PdfWriter", Set.of("getInstance")),
            Map.entry("com.lowagie.text.pdf.PdfWriter", Set.of("getInstance")),
            Map.entry("com.itextpdf.html2pdf.HtmlConverter", Set.of("convertToPdf")),
            Map.entry("org.xhtmlrenderer.pdf.ITextRenderer", Set.of("createPDF")),
            Map.entry("com.openhtmltopdf.pdfboxout.PdfRendererBuilder", Set.of("run")));
    /** Annotations that make a method run on another thread when called through its bean. */
    private static final List<String> ASYNC = List.of(
            "org.springframework.scheduling.annotation.Async",
            "jakarta.ejb.Asynchronous", "javax.ejb.Asynchronous",
            "io.micronaut.scheduling.annotation.Async",
            "org.eclipse.microprofile.faulttolerance.Asynchronous");
    /** Return types whose lambda Spring MVC runs on its task executor, after the request thread is released. */
    private static final Set<String> DEFERRING_RETURN_TYPES = Set.of("java.util.concurrent.Callable",
            "org.springframework.web.context.request.async.WebAsyncTask");
    /** Methods that hand a task (a lambda or an anonymous class) to another thread. */
    private static final Set<String> HANDOFF_METHODS = Set.of("execute", "submit", "submitListenable",
            "submitCompletable", "invokeAll", "invokeAny", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay",
            "runAsync", "supplyAsync", "start", "startVirtualThread", "subscribeOn", "publishOn");
    /** Types with such methods; own executors and schedulers are recognised by their names. */
    private static final Set<String> HANDOFF_TYPES = Set.of("java.lang.Thread", "java.lang.Thread$Builder",
            "java.lang.Thread$Builder$OfVirtual", "java.lang.Thread$Builder$OfPlatform",
            "java.util.concurrent.CompletableFuture", "java.util.concurrent.ForkJoinPool",
            "reactor.core.publisher.Mono", "reactor.core.publisher.Flux");

    private enum Work {
        MAIL("sends mail inline", "hand it to a queue or `@Async` and answer 202"),
        SLEEP("sleeps on the request thread", "schedule the delayed work instead of holding the request thread, "
                + "or queue it and answer 202"),
        REPORT("generates a report inline", "generate it in a background job and answer 202 with a link to fetch "
                + "the result"),
        REMOTE_IN_LOOP("calls a remote service in a loop", "fetch everything in one batch request, or queue the "
                + "work and answer 202");

        final String does;
        final String fix;

        Work(String does, String fix) {
            this.does = does;
            this.fix = fix;
        }
    }

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        CallGraph graph = codebase.classes().callGraph();
        int depth = Math.max(1, codebase.intParameter(this, MAX_CALL_DEPTH));
        Map<String, JavaClass> classes = new HashMap<>();
        codebase.classes().ownClasses().forEach(c -> classes.put(c.getName().replace('$', '.'), c));
        Map<JavaCodeUnit, Boolean> handsOff = new HashMap<>();
        for (Endpoint endpoint : new WebControllers(codebase.sources(), codebase.stereotypes()).endpoints()) {
            JavaClass controller = classes.get(endpoint.file().qualifiedName(endpoint.controller()));
            if (controller == null) {
                continue;
            }
            for (JavaMethod handler : handlers(controller, endpoint.method())) {
                if (CallTargets.isAnnotated(handler, ASYNC)) {
                    continue;
                }
                Predicate<JavaCall<?>> inline = call -> !deferred(call, handler, handsOff) && !callsAsync(graph, call);
                // One walk of the graph for every kind of work; each kind then takes its first path.
                List<CallGraph.Path> paths = graph.from(handler).depth(depth).through(inline)
                        .find(call -> Arrays.stream(Work.values()).anyMatch(work -> isTarget(work, call)));
                for (Work work : Work.values()) {
                    first(codebase, paths, work).ifPresent(path -> report(codebase, findings, endpoint, work, path));
                }
            }
        }
    }

    private static boolean isTarget(Work work, JavaCall<?> call) {
        return switch (work) {
            case MAIL -> matches(call, MAIL);
            case SLEEP -> matches(call, SLEEP);
            case REPORT -> matches(call, REPORTS);
            case REMOTE_IN_LOOP -> CallTargets.isRemoteCall(call);
        };
    }

    private static Optional<CallGraph.Path> first(Codebase codebase, List<CallGraph.Path> paths, Work work) {
        return paths.stream()
                .filter(path -> isTarget(work, path.target()))
                .filter(path -> work != Work.REMOTE_IN_LOOP
                        || path.calls().stream().anyMatch(call -> CallSites.isInLoop(codebase, call)))
                .findFirst();
    }

    private static void report(Codebase codebase, FindingCollector findings, Endpoint endpoint, Work work,
            CallGraph.Path path) {
        String handler = endpoint.controller().getNameAsString() + "#" + endpoint.method().getNameAsString();
        String message = "`" + handler + "` " + work.does + " (`" + path.describe() + "`); " + work.fix;
        CallSites.report(codebase, findings, path, endpoint.symbol(), message, work.name() + " " + path.describe());
    }

    /** The compiled methods of a handler: same name and parameters, matched by simple type names on overloads. */
    private static List<JavaMethod> handlers(JavaClass controller, MethodDeclaration declaration) {
        List<JavaMethod> candidates = CallSites.declaredMethods(controller).stream()
                .filter(m -> m.getName().equals(declaration.getNameAsString()))
                .filter(m -> m.getRawParameterTypes().size() == declaration.getParameters().size())
                .toList();
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<String> written = declaration.getParameters().stream()
                .map(BlockingWorkInRequestRule::simpleTypeName)
                .toList();
        List<JavaMethod> exact = candidates.stream()
                .filter(m -> IntStream.range(0, written.size())
                        .allMatch(i -> m.getRawParameterTypes().get(i).getSimpleName().equals(written.get(i))))
                .toList();
        return exact.isEmpty() ? candidates : exact;
    }

    private static String simpleTypeName(Parameter parameter) {
        String written = parameter.getType().asString().replaceAll("<.*>", "");
        return written.substring(written.lastIndexOf('.') + 1) + (parameter.isVarArgs() ? "[]" : "");
    }

    private static boolean matches(JavaCall<?> call, Map<String, Set<String>> methods) {
        Set<String> names = methods.get(call.getTargetOwner().getName());
        return names != null && names.contains(call.getName());
    }

    /**
     * Whether a call runs later on another thread: written in a lambda or an inline anonymous class of a
     * method that hands tasks to an executor, or of a handler that returns a {@code Callable}.
     */
    private static boolean deferred(JavaCall<?> call, JavaMethod handler, Map<JavaCodeUnit, Boolean> handsOff) {
        boolean task = call.isDeclaredInLambda()
                || call instanceof JavaConstructorCall && call.getTargetOwner().isAnonymousClass();
        if (!task) {
            return false;
        }
        JavaCodeUnit origin = call.getOrigin();
        if (origin.equals(handler) && DEFERRING_RETURN_TYPES.contains(handler.getRawReturnType().getName())) {
            return true;
        }
        return handsOff.computeIfAbsent(origin,
                unit -> unit.getCallsFromSelf().stream().anyMatch(BlockingWorkInRequestRule::isHandoff));
    }

    private static boolean isHandoff(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String simple = call.getTargetOwner().getSimpleName();
        boolean executor = HANDOFF_TYPES.contains(owner) || simple.endsWith("Executor")
                || simple.endsWith("ExecutorService") || simple.endsWith("Scheduler");
        String name = call.getName();
        return executor && (HANDOFF_METHODS.contains(name)
                || owner.equals("java.util.concurrent.CompletableFuture") && name.endsWith("Async"));
    }

    /**
     * A call into {@code @Async} methods of another class returns at once; Spring's proxy does not see calls
     * within the same class, so those still run inline.
     */
    private static boolean callsAsync(CallGraph graph, JavaCall<?> call) {
        if (call.getTargetOwner().getName().equals(call.getOriginOwner().getName())) {
            return false;
        }
        List<JavaCodeUnit> callees = graph.callees(call);
        return !callees.isEmpty() && callees.stream()
                .allMatch(unit -> CallTargets.isAnnotated(unit, ASYNC)
                        || CallTargets.isAnnotated(unit.getOwner(), ASYNC));
    }
}
