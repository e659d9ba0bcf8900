package io.archlint.rules.database;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.List;
import java.util.Optional;

/** See {@code eager-fetch.md}. */
@RuleInfo(
        id = "eager-fetch",
        title = "To-many association fetched eagerly",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "An eager collection is loaded with every query of its owner, needed or not, in a join or one extra "
                + "query per row; the backend articles call for database optimisation and performant data fetching")
public final class EagerFetchRule implements Rule {

    /** To-many mappings, whose JPA default is LAZY. To-one mappings default to EAGER and are left alone. */
    private static final List<String> TO_MANY = List.of(
            "jakarta.persistence.OneToMany", "javax.persistence.OneToMany",
            "jakarta.persistence.ManyToMany", "javax.persistence.ManyToMany",
            "jakarta.persistence.ElementCollection", "javax.persistence.ElementCollection");

    private static final List<String> FETCH_TYPES = List.of("jakarta.persistence.FetchType", "javax.persistence.FetchType");

    /** Hibernate's own ways to make a collection eager: {@code @Fetch(FetchMode.JOIN)}, {@code @LazyCollection(FALSE)}. */
    private static final List<String> HIBERNATE_FETCH = List.of("org.hibernate.annotations.Fetch");
    private static final List<String> HIBERNATE_FETCH_MODE = List.of("org.hibernate.annotations.FetchMode");
    private static final List<String> HIBERNATE_LAZY_COLLECTION = List.of("org.hibernate.annotations.LazyCollection");
    private static final List<String> HIBERNATE_LAZY_OPTION = List.of("org.hibernate.annotations.LazyCollectionOption");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        for (SourceFile file : codebase.sources().files()) {
            for (BodyDeclaration<?> member : file.findAll(BodyDeclaration.class)) {
                if (!(member instanceof FieldDeclaration) && !(member instanceof MethodDeclaration)) {
                    continue;
                }
                NodeWithAnnotations<?> annotated = (NodeWithAnnotations<?>) member;
                Optional<AnnotationExpr> mapping = file.annotation(annotated, TO_MANY);
                if (mapping.isEmpty()) {
                    continue;
                }
                String how = null;
                AnnotationExpr at = mapping.get();
                if (attribute(mapping.get(), "fetch").filter(v -> isConstant(file, v, FETCH_TYPES, "EAGER")).isPresent()) {
                    how = "`@" + mapping.get().getName().getIdentifier() + "(fetch = EAGER)`";
                } else {
                    Optional<AnnotationExpr> fetch = file.annotation(annotated, HIBERNATE_FETCH);
                    Optional<AnnotationExpr> lazy = file.annotation(annotated, HIBERNATE_LAZY_COLLECTION);
                    if (fetch.isPresent() && value(fetch.get())
                            .filter(v -> isConstant(file, v, HIBERNATE_FETCH_MODE, "JOIN")).isPresent()) {
                        how = "`@Fetch(FetchMode.JOIN)`";
                        at = fetch.get();
                    } else if (lazy.isPresent() && value(lazy.get())
                            .filter(v -> isConstant(file, v, HIBERNATE_LAZY_OPTION, "FALSE")).isPresent()) {
                        how = "`@LazyCollection(FALSE)`";
                        at = lazy.get();
                    }
                }
                if (how != null) {
                    report(findings, file, member, at, how);
                }
            }
        }
    }

    private static void report(FindingCollector findings, SourceFile file, BodyDeclaration<?> member,
            AnnotationExpr at, String how) {
        String owner = Symbols.enclosingType(member).map(t -> t.getNameAsString()).orElse("");
        String property = member instanceof FieldDeclaration field ? field.getVariable(0).getNameAsString()
                : property(((MethodDeclaration) member).getNameAsString());
        findings.report(file, at, Symbols.of(file, at), "`" + owner + "." + property + "` is fetched eagerly (" + how
                + "): every query that loads `" + owner + "` loads the whole collection too; make it LAZY (the "
                + "default) and fetch it where it is needed with `JOIN FETCH` or an `@EntityGraph`");
    }

    /** {@code getLines} is the property {@code lines}. */
    private static String property(String getter) {
        if (getter.startsWith("get") && getter.length() > 3) {
            return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
        }
        return getter;
    }

    private static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Expression> value(AnnotationExpr annotation) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return Optional.of(single.getMemberValue());
        }
        return attribute(annotation, "value");
    }

    /**
     * Whether an expression is the enum constant {@code constant} of one of {@code enums}:
     * {@code FetchType.EAGER}, a qualified name, or {@code EAGER} statically imported.
     */
    private static boolean isConstant(SourceFile file, Expression value, List<String> enums, String constant) {
        if (value instanceof FieldAccessExpr access) {
            return access.getNameAsString().equals(constant) && file.refersToAny(access.getScope().toString(), enums);
        }
        if (value instanceof NameExpr name && name.getNameAsString().equals(constant)) {
            for (ImportDeclaration imported : file.unit().getImports()) {
                String importedName = imported.getNameAsString();
                if (imported.isStatic() && (imported.isAsterisk() ? enums.contains(importedName)
                        : enums.stream().anyMatch(e -> importedName.equals(e + "." + constant)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
