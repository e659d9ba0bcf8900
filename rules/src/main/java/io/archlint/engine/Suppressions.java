package io.archlint.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.archlint.engine.source.SourceFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions written where a finding stands: {@code @SuppressWarnings("archlint:<id>")} (or
 * {@code "archlint"} for every rule) on an enclosing type, member or parameter, and a comment
 * {@code archlint:ignore <id> [until=YYYY-MM-DD] <reason>} on the offending line or the line above
 * — in Java, properties, YAML, XML or SQL alike. A suppression past its {@code until} date no
 * longer suppresses, and the finding says so.
 */
final class Suppressions {

    /** {@code archlint:ignore no-connection-pool,connection-per-call until=2027-03-31 the reason}. */
    private static final Pattern COMMENT =
            Pattern.compile("archlint:ignore\\s+([a-z0-9*][a-z0-9,*-]*)(?:\\s+until=(\\S+))?(?:\\s+(.*))?");

    /** What happened to one finding. */
    record Outcome(boolean suppressed, String expiredNote) {
        static final Outcome KEEP = new Outcome(false, null);
    }

    private final Codebase codebase;
    private final LocalDate today;
    private final Charset charset;
    private final Map<String, List<String>> lines = new HashMap<>();

    Suppressions(Codebase codebase, LocalDate today, Charset charset) {
        this.codebase = codebase;
        this.today = today;
        this.charset = charset;
    }

    Outcome check(Finding finding) {
        Outcome byComment = byComment(finding);
        if (byComment.suppressed()) {
            return byComment;
        }
        if (finding.file().endsWith(".java") && finding.line() > 0 && byAnnotation(finding)) {
            return new Outcome(true, null);
        }
        return byComment;
    }

    private Outcome byComment(Finding finding) {
        if (finding.line() <= 0) {
            return Outcome.KEEP;
        }
        List<String> text = lines(finding.file());
        for (int line = finding.line(); line >= Math.max(1, finding.line() - 1); line--) {
            if (line > text.size()) {
                continue;
            }
            Matcher marker = COMMENT.matcher(text.get(line - 1));
            if (!marker.find() || !matches(marker.group(1), finding.ruleId())) {
                continue;
            }
            String until = marker.group(2);
            if (until != null) {
                try {
                    LocalDate expiry = LocalDate.parse(until);
                    if (expiry.isBefore(today)) {
                        return new Outcome(false, "suppression expired on " + until);
                    }
                } catch (DateTimeParseException e) {
                    return new Outcome(false, "suppression ignored: until=" + until + " is not a date (YYYY-MM-DD)");
                }
            }
            return new Outcome(true, null);
        }
        return Outcome.KEEP;
    }

    private static boolean matches(String ids, String ruleId) {
        for (String id : ids.split(",")) {
            if (id.equals(ruleId) || id.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private boolean byAnnotation(Finding finding) {
        Optional<SourceFile> file = codebase.sources().file(finding.file());
        if (file.isEmpty()) {
            return false;
        }
        List<Node> candidates = new ArrayList<>();
        file.get().unit().walk(node -> {
            if ((node instanceof BodyDeclaration<?> || node instanceof Parameter) && contains(node, finding.line())) {
                candidates.add(node);
            }
        });
        for (Node node : candidates) {
            if (node instanceof NodeWithAnnotations<?> annotated && suppresses(annotated, finding.ruleId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Node node, int line) {
        return node.getRange().map(r -> r.begin.line <= line && line <= r.end.line).orElse(false);
    }

    private static boolean suppresses(NodeWithAnnotations<?> annotated, String ruleId) {
        for (AnnotationExpr annotation : annotated.getAnnotations()) {
            String name = annotation.getNameAsString();
            if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
                continue;
            }
            Expression value = annotation instanceof SingleMemberAnnotationExpr single ? single.getMemberValue()
                    : annotation instanceof NormalAnnotationExpr normal ? normal.getPairs().stream()
                            .filter(p -> p.getNameAsString().equals("value")).map(p -> p.getValue()).findFirst()
                            .orElse(null)
                    : null;
            List<Expression> values = value instanceof ArrayInitializerExpr array ? array.getValues()
                    : value == null ? List.of() : List.of(value);
            for (Expression element : values) {
                if (element instanceof StringLiteralExpr literal
                        && (literal.getValue().equals("archlint") || literal.getValue().equals("archlint:" + ruleId))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> lines(String file) {
        return lines.computeIfAbsent(file, f -> {
            Path path = codebase.baseDir().resolve(f);
            try {
                return Files.isRegularFile(path) ? Files.readAllLines(path, charset) : List.of();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }
}
