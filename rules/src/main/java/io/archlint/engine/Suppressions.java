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
    private final List<Exclusion> exclusions;
    /** "file:line" of every comment or annotation that suppressed or expired a finding. */
    private final java.util.Set<String> used = new java.util.HashSet<>();

    Suppressions(Codebase codebase, LocalDate today, Charset charset, List<Exclusion> exclusions) {
        this.codebase = codebase;
        this.today = today;
        this.charset = charset;
        this.exclusions = List.copyOf(exclusions);
    }

    Outcome check(Finding finding) {
        for (Exclusion exclusion : exclusions) {
            if (exclusion.matches(finding)) {
                if (exclusion.until() != null && exclusion.until().isBefore(today)) {
                    return new Outcome(false, exclusion.describe() + " expired on " + exclusion.until());
                }
                return new Outcome(true, null);
            }
        }
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
        for (int line : markerLines(text, finding.line())) {
            Matcher marker = COMMENT.matcher(text.get(line - 1));
            if (!marker.find() || !matches(marker.group(1), finding.ruleId())) {
                continue;
            }
            used.add(finding.file() + ":" + line);
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

    /**
     * Where a marker for a finding may stand: its own line, and the line above it, skipping the
     * annotations between, so a comment above {@code @PostMapping} covers the method below.
     */
    private static List<Integer> markerLines(List<String> text, int findingLine) {
        List<Integer> candidates = new ArrayList<>();
        if (findingLine <= text.size()) {
            candidates.add(findingLine);
        }
        int above = findingLine - 1;
        while (above >= 1 && above <= text.size() && text.get(above - 1).strip().startsWith("@")) {
            candidates.add(above);
            above--;
        }
        if (above >= 1 && above <= text.size()) {
            candidates.add(above);
        }
        return candidates;
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
            if (node instanceof NodeWithAnnotations<?> annotated) {
                Optional<AnnotationExpr> annotation = suppressing(annotated, finding.ruleId());
                if (annotation.isPresent()) {
                    used.add(finding.file() + ":" + annotation.get().getBegin().map(p -> p.line).orElse(0));
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(Node node, int line) {
        return node.getRange().map(r -> r.begin.line <= line && line <= r.end.line).orElse(false);
    }

    private static Optional<AnnotationExpr> suppressing(NodeWithAnnotations<?> annotated, String ruleId) {
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
                    return Optional.of(annotation);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Suppression comments and {@code archlint:<id>} annotations that matched no finding, in the
     * module's sources, configuration, migrations and pom; only for rules that ran, since a rule that did not
     * run cannot tell whether its suppression is still needed.
     */
    List<Finding> unused(java.util.Set<String> rulesRun) {
        List<Finding> result = new ArrayList<>();
        List<String> files = new ArrayList<>();
        codebase.sources().files().forEach(f -> files.add(f.path()));
        files.addAll(codebase.config().files());
        // Migrations only when a rule had them read: reading them here could report input no rule needed.
        codebase.migrationsIfRead().ifPresent(migrations -> {
            migrations.files().stream().filter(f -> !files.contains(f)).forEach(files::add);
            migrations.changes().stream().map(c -> c.file()).distinct()
                    .filter(f -> !files.contains(f)).forEach(files::add);
        });
        files.add("pom.xml");
        for (String file : files) {
            List<String> text = lines(file);
            for (int i = 0; i < text.size(); i++) {
                Matcher marker = COMMENT.matcher(text.get(i));
                if (!marker.find() || used.contains(file + ":" + (i + 1))) {
                    continue;
                }
                List<String> ids = List.of(marker.group(1).split(","));
                if (ids.stream().allMatch(rulesRun::contains)) {
                    result.add(unusedFinding(file, i + 1, commentStart(text.get(i), marker.start()) + 1,
                            "archlint:ignore " + marker.group(1)));
                }
            }
        }
        for (SourceFile file : codebase.sources().files()) {
            for (AnnotationExpr annotation : file.findAll(AnnotationExpr.class)) {
                String name = annotation.getNameAsString();
                int line = annotation.getBegin().map(p -> p.line).orElse(0);
                if ((!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings"))
                        || used.contains(file.path() + ":" + line)) {
                    continue;
                }
                for (StringLiteralExpr literal : annotation.findAll(StringLiteralExpr.class)) {
                    String value = literal.getValue();
                    if (value.startsWith("archlint:") && rulesRun.contains(value.substring("archlint:".length()))) {
                        result.add(unusedFinding(file.path(), line, annotation.getBegin().map(p -> p.column).orElse(0),
                                "@SuppressWarnings(\"" + value + "\")"));
                    }
                }
            }
        }
        return result;
    }

    /** The column where the comment holding a marker starts: its {@code //}, {@code #}, {@code <!--} or {@code --}. */
    private static int commentStart(String line, int marker) {
        for (String token : List.of("//", "#", "<!--", "--", "/*")) {
            int at = line.lastIndexOf(token, marker);
            if (at >= 0) {
                return at;
            }
        }
        return marker;
    }

    private static Finding unusedFinding(String file, int line, int column, String what) {
        return new Finding(UNUSED_SUPPRESSION.id(), Severity.INFO, "`" + what + "` suppresses nothing; remove it",
                file, line, column, "", Fingerprints.of(UNUSED_SUPPRESSION.id(), file, "", what), Finding.Status.NEW);
    }

    /** Reported by the engine itself when a suppression no longer matches anything. */
    static final RuleDefinition UNUSED_SUPPRESSION = new RuleDefinition("unused-suppression",
            "Suppression that matches no finding", Category.OPERATIONS, Severity.INFO, java.util.Set.of(Facet.SOURCES),
            "0.1.0", "Dead suppressions pile up and hide the next real finding at the same place", List.of(),
            Rule.class, Scope.MODULE);

    private List<String> lines(String file) {
        return lines.computeIfAbsent(file, f -> {
            Path path = codebase.baseDir().resolve(f);
            try {
                // Leniently decoded, like the parser does: a stray byte in a comment must not cost the
                // file its suppression comments.
                return Files.isRegularFile(path) ? new String(Files.readAllBytes(path), charset).lines().toList()
                        : List.of();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }
}
