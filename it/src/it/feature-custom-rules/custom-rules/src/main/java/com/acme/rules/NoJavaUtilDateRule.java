package com.acme.rules;

import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFile;

/** The house style: java.time, never java.util.Date. */
@RuleInfo(id = "acme-no-java-util-date", title = "java.util.Date is used", category = Category.LAYERING,
        severity = Severity.WARNING, facets = Facet.SOURCES, since = "1.0", reason = "Date is mutable and zone-less")
public final class NoJavaUtilDateRule implements Rule {

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        for (SourceFile file : codebase.sources().files()) {
            for (ClassOrInterfaceType type : file.unit().findAll(ClassOrInterfaceType.class)) {
                if (file.refersTo(type.getNameWithScope(), "java.util.Date")) {
                    findings.report(file, type, file.packageName(), "`java.util.Date` is used; use `java.time.Instant`");
                }
            }
        }
    }
}
