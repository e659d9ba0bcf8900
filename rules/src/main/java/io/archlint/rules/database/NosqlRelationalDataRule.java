package io.archlint.rules.database;

import com.github.javaparser.Position;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.RuleParameter;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See {@code nosql-relational-data.md}. */
@RuleInfo(
        id = "nosql-relational-data",
        title = "Relational data kept in MongoDB",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES},
        since = "0.1.0",
        parameters = @RuleParameter(name = NosqlRelationalDataRule.THRESHOLD, defaultValue = "3",
                description = "a module with at least this many references between Mongo documents is reported"),
        reason = "Documents that reference each other rebuild joins in the application or in $lookup stages; the "
                + "backend technologies article's first pitfall is choosing NoSQL for relational data: use "
                + "PostgreSQL if data has clear relationships")
public final class NosqlRelationalDataRule implements ModuleFactsRule {

    static final String THRESHOLD = "threshold";

    /** Field annotations that store a reference to another document instead of embedding it. */
    private static final List<String> REFERENCE_ANNOTATIONS = List.of(
            "org.springframework.data.mongodb.core.mapping.DBRef",
            "org.springframework.data.mongodb.core.mapping.DocumentReference",
            "dev.morphia.annotations.Reference", "org.mongodb.morphia.annotations.Reference");

    /** Spring Data's and the driver's builders of a {@code $lookup} stage. */
    private static final List<String> LOOKUP_BUILDERS = List.of(
            "org.springframework.data.mongodb.core.aggregation.Aggregation",
            "com.mongodb.client.model.Aggregates");
    private static final List<String> LOOKUP_OPERATION = List.of(
            "org.springframework.data.mongodb.core.aggregation.LookupOperation");

    /** A {@code $lookup} stage key in a pipeline string, or the literal key itself. */
    private static final Pattern LOOKUP = Pattern.compile("\\$lookup[\"']?\\s*:|^\\$lookup$");
    /** {@code from: 'customers'}, {@code "from": "customers"} inside a pipeline string. */
    private static final Pattern FROM = Pattern.compile("[\"']?from[\"']?\\s*:\\s*[\"']([\\w.-]+)[\"']");

    /** One reference between documents: where it is written and what it links. */
    private record Reference(SourceFile file, Node at, String from, String to) {
        String describe() {
            return "`" + from + "` → `" + to + "`";
        }
    }

    private static final String REFERENCE = "reference";

    /** Per file: its references between documents (position, symbol, what it links), in position order. */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        DataAccessCalls calls = new DataAccessCalls(codebase.sources(), codebase.stereotypes());
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (SourceFile file : codebase.sources().files()) {
            List<Reference> inFile = new ArrayList<>();
            collectReferenceFields(file, inFile);
            collectLookupStrings(calls, file, inFile);
            collectLookupCalls(file, inFile);
            inFile.sort(Comparator.comparing((Reference r) -> position(r.at()).line)
                    .thenComparing(r -> position(r.at()).column));
            if (inFile.isEmpty()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (Reference reference : inFile) {
                Position at = position(reference.at());
                lines.add(FactLines.join(REFERENCE, at.line, at.column, Symbols.of(file, reference.at()),
                        reference.describe()));
            }
            facts.put(file.path(), lines);
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        String firstFile = null;
        List<String> first = null;
        int references = 0;
        Set<String> links = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            for (String fact : file.getValue()) {
                List<String> fields = FactLines.split(fact);
                if (!fields.get(0).equals(REFERENCE)) {
                    continue;
                }
                references++;
                if (first == null) {
                    firstFile = file.getKey();
                    first = fields;
                }
                links.add(fields.get(4));
            }
        }
        int threshold = codebase.intParameter(this, THRESHOLD);
        if (references == 0 || references < threshold) {
            return;
        }
        List<String> shown = links.stream().limit(5).toList();
        String more = links.size() > shown.size() ? " and " + (links.size() - shown.size()) + " more" : "";
        findings.report(firstFile, Integer.parseInt(first.get(1)), Integer.parseInt(first.get(2)), first.get(3),
                "module `" + codebase.moduleName() + "` links its Mongo documents in " + references
                        + " places (" + String.join(", ", shown) + more + "), at least " + threshold + "; data with "
                        + "relationships belongs in a relational database such as PostgreSQL: move the related "
                        + "documents there, or embed what is read together",
                "nosql-relational-data " + codebase.moduleName());
    }

    /** {@code @DBRef private Customer customer;}, {@code @DocumentReference List<Product> products;}. */
    private static void collectReferenceFields(SourceFile file, List<Reference> into) {
        for (FieldDeclaration field : file.findAll(FieldDeclaration.class)) {
            Optional<AnnotationExpr> reference = file.annotation(field, REFERENCE_ANNOTATIONS);
            if (reference.isPresent()) {
                String owner = Symbols.enclosingType(field).map(TypeDeclaration::getNameAsString).orElse("?");
                into.add(new Reference(file, reference.get(), owner, target(field.getVariable(0).getType())));
            }
        }
    }

    /** The referenced document: the element type of a collection, the value type of a map. */
    private static String target(Type type) {
        if (type instanceof ClassOrInterfaceType declared) {
            Optional<NodeList<Type>> arguments = declared.getTypeArguments();
            if (arguments.isPresent() && !arguments.get().isEmpty()) {
                return target(arguments.get().get(arguments.get().size() - 1));
            }
            return declared.getNameAsString();
        }
        if (type.isArrayType()) {
            return target(type.asArrayType().getComponentType());
        }
        return type.asString();
    }

    /**
     * {@code $lookup} stages written as strings: {@code @Aggregation} pipelines, {@code Document.parse(..)},
     * {@code new Document("$lookup", ..)}.
     */
    private static void collectLookupStrings(DataAccessCalls calls, SourceFile file, List<Reference> into) {
        for (LiteralStringValueExpr literal : file.findAll(LiteralStringValueExpr.class)) {
            if (!(literal instanceof StringLiteralExpr) && !(literal instanceof TextBlockLiteralExpr)) {
                continue;
            }
            String text = literal instanceof TextBlockLiteralExpr block ? block.asString() : literal.getValue();
            Matcher lookup = LOOKUP.matcher(text);
            String owner = pipelineOwner(calls, file, literal);
            while (lookup.find()) {
                Matcher from = FROM.matcher(text);
                String target = from.find(lookup.end()) ? from.group(1) : fromArgument(literal).orElse("another collection");
                into.add(new Reference(file, literal, owner, target));
            }
        }
    }

    /** {@code new Document("$lookup", new Document("from", "customers")..)}: the literal after {@code "from"}. */
    private static Optional<String> fromArgument(Node lookup) {
        Node statement = lookup;
        while (statement.getParentNode().isPresent() && statement.getParentNode().get() instanceof Expression) {
            statement = statement.getParentNode().get();
        }
        List<StringLiteralExpr> literals = statement.findAll(StringLiteralExpr.class);
        for (int i = 0; i + 1 < literals.size(); i++) {
            if (literals.get(i).getValue().equals("from")) {
                return Optional.of(literals.get(i + 1).getValue());
            }
        }
        return Optional.empty();
    }

    /** The document a pipeline starts from: a repository method's domain type, else "`$lookup`". */
    private static String pipelineOwner(DataAccessCalls calls, SourceFile file, Node literal) {
        for (Node n = literal.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof MethodDeclaration) {
                continue;
            }
            if (n instanceof TypeDeclaration<?> type) {
                Optional<SourceFacet.DeclaredType> declared = calls.sources().type(file.qualifiedName(type));
                if (declared.isPresent() && calls.isDataAccess(declared.get())) {
                    List<Type> arguments = calls.repositoryTypeArguments(declared.get());
                    if (!arguments.isEmpty()) {
                        return target(arguments.get(0));
                    }
                }
                break;
            }
        }
        return "$lookup";
    }

    /** {@code Aggregation.lookup("customers", ..)}, {@code LookupOperation.newLookup().from("customers")}. */
    private static void collectLookupCalls(SourceFile file, List<Reference> into) {
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            boolean lookup = name.equals("lookup") && !call.getArguments().isEmpty() && isBuilder(file, call, LOOKUP_BUILDERS);
            boolean newLookup = name.equals("newLookup") && isBuilder(file, call, LOOKUP_OPERATION);
            if (!lookup && !newLookup) {
                continue;
            }
            Optional<Expression> from = lookup ? Optional.of(call.getArgument(0)) : fromInChain(call);
            String target = from.map(e -> e instanceof StringLiteralExpr s ? s.getValue()
                    : e instanceof NameExpr n ? n.getNameAsString() : e.toString()).orElse("another collection");
            into.add(new Reference(file, call, "$lookup", target));
        }
    }

    /** {@code newLookup().from("customers")}: the argument of {@code from} further up the chain. */
    private static Optional<Expression> fromInChain(MethodCallExpr newLookup) {
        Node current = newLookup;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr outer
                && outer.getScope().orElse(null) == current) {
            if (outer.getNameAsString().equals("from") && outer.getArguments().size() == 1) {
                return Optional.of(outer.getArgument(0));
            }
            current = outer;
        }
        return Optional.empty();
    }

    /** {@code Aggregation.lookup(..)}, or {@code lookup(..)} statically imported from one of the builders. */
    private static boolean isBuilder(SourceFile file, MethodCallExpr call, List<String> owners) {
        if (call.getScope().isPresent()) {
            return file.refersToAny(call.getScope().get().toString(), owners);
        }
        for (ImportDeclaration imported : file.unit().getImports()) {
            String name = imported.getNameAsString();
            if (imported.isStatic() && (imported.isAsterisk() ? owners.contains(name)
                    : owners.stream().anyMatch(o -> name.equals(o + "." + call.getNameAsString())))) {
                return true;
            }
        }
        return false;
    }

    private static Position position(Node node) {
        return node.getBegin().orElse(new Position(0, 0));
    }
}
