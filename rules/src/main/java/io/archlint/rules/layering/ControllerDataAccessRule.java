package io.archlint.rules.layering;

import com.github.javaparser.Position;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.bytecode.SourcePositions;
import io.archlint.engine.source.SourceFile;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** See {@code controller-data-access.md}. */
@RuleInfo(
        id = "controller-data-access",
        title = "Controller uses a data access type directly",
        category = Category.LAYERING,
        severity = Severity.WARNING,
        facets = {Facet.CLASSES, Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Controllers that query the database mix request handling with persistence; keep them to "
                + "request handling and put data access behind a service (mistake #2 of the backend article)")
public final class ControllerDataAccessRule implements Rule {

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        Stereotypes stereotypes = codebase.stereotypes();
        for (JavaClass type : codebase.classes().ownClasses()) {
            if (type.isInterface() || type.isAnnotation() || !isController(type, stereotypes)) {
                continue;
            }
            Optional<SourceFile> source = codebase.sourceOf(type);
            String file = codebase.sourcePathOf(type);
            Set<String> reported = new LinkedHashSet<>();
            // Injection points first, so a type is reported where it is injected, not where it is called.
            for (JavaField field : type.getFields().stream().sorted(Comparator.comparing(JavaField::getName)).toList()) {
                JavaClass fieldType = field.getRawType();
                if (isDataAccess(fieldType, stereotypes) && reported.add(fieldType.getName())) {
                    Position at = source.flatMap(s -> SourcePositions.field(s, type, field.getName()))
                            .orElse(new Position(type.getSourceCodeLocation().getLineNumber(), 0));
                    report(findings, file, at, type, fieldType, "injects", "field " + field.getName());
                }
            }
            type.getConstructors().stream()
                    .flatMap(c -> c.getRawParameterTypes().stream())
                    .filter(p -> isDataAccess(p, stereotypes))
                    .sorted(Comparator.comparing(JavaClass::getName))
                    .filter(p -> reported.add(p.getName()))
                    .forEach(p -> {
                        Position at = source.flatMap(s -> SourcePositions.constructorParameter(s, type, p.getSimpleName()))
                                .orElse(new Position(type.getSourceCodeLocation().getLineNumber(), 0));
                        report(findings, file, at, type, p, "injects", "constructor");
                    });
            type.getMethodCallsFromSelf().stream()
                    .sorted(Comparator.comparingInt(JavaMethodCall::getLineNumber))
                    .filter(call -> isDataAccess(call.getTargetOwner(), stereotypes))
                    .filter(call -> reported.add(call.getTargetOwner().getName()))
                    .forEach(call -> {
                        Position at = SourcePositions.call(source, call.getLineNumber(), call.getName());
                        report(findings, file, at, type, call.getTargetOwner(), "calls",
                                "call " + call.getName());
                    });
        }
    }

    private static void report(FindingCollector findings, String file, Position at, JavaClass controller,
            JavaClass dataType, String verb, String how) {
        String message = "`" + controller.getSimpleName() + "` " + verb + " `" + dataType.getSimpleName()
                + "`; move the data access into a service and call the service from the controller";
        findings.report(file, at.line, at.column, controller.getName(), message, how + " " + dataType.getName());
    }

    private static boolean isController(JavaClass type, Stereotypes stereotypes) {
        return stereotypes.controllerAnnotations().stream()
                .anyMatch(a -> type.isAnnotatedWith(a) || type.isMetaAnnotatedWith(a));
    }

    /** Data access by name, by annotation or by any supertype the module's classes show. */
    static boolean isDataAccess(JavaClass type, Stereotypes stereotypes) {
        if (stereotypes.isDataAccessTypeName(type.getName())) {
            return true;
        }
        if (stereotypes.dataAccessAnnotations().stream().anyMatch(type::isAnnotatedWith)) {
            return true;
        }
        return Stream.concat(type.getAllRawInterfaces().stream(), type.getAllRawSuperclasses().stream())
                .anyMatch(parent -> stereotypes.isDataAccessTypeName(parent.getName()));
    }
}
