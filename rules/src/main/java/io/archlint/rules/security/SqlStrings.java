package io.archlint.rules.security;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a string expression is SQL built from values: follows concatenation, format
 * calls, builders and lists of the same method, and private helpers of the same class, a little.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class SqlStrings {

    enum Kind {
        /** Literals, constants, numbers, allow-listed values: nothing a caller can inject. */
        SAFE,
        /** Built here from values the analysis cannot prove safe: the finding. */
        BUILT,
        /** A value from elsewhere (a parameter, a call): unknown, so not reported on its own. */
        OPAQUE
    }

    /**
     * What the analysis knows about a string.
     *
     * @param parts the values it is built from (code, for messages)
     * @param how   how it was built, for messages
     */
    record Value(Kind kind, Set<String> parts, String how) {
        static final Value SAFE = new Value(Kind.SAFE, Set.of(), "");

        static Value opaque(String label) {
            return new Value(Kind.OPAQUE, Set.of(label), "");
        }
    }

    /** Types whose values cannot carry SQL: numbers, booleans, identifiers, dates. */
    private static final List<String> SAFE_TYPES = List.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Number",
            "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.Instant", "java.time.OffsetDateTime",
            "java.time.ZonedDateTime", "java.time.Duration", "java.time.Year", "java.time.YearMonth",
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong");

    private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "byte", "double", "float", "boolean");

    /** Locals whose content is built by calls on them: builders, joiners and collections. */
    private static final Set<String> ACCUMULATORS = Set.of("StringBuilder", "StringBuffer", "StringJoiner", "List",
            "ArrayList", "LinkedList", "Collection", "Set", "LinkedHashSet", "TreeSet", "HashSet", "Deque",
            "ArrayDeque");

    /** Calls that add to an accumulator; the text added is the last argument. */
    private static final Set<String> ADDING = Set.of("append", "insert", "add", "addFirst", "addLast", "push",
            "offer", "setLength", "addAll");

    /** String methods whose result carries the receiver's content. */
    private static final Set<String> KEEPING = Set.of("trim", "strip", "stripLeading", "stripTrailing",
            "toLowerCase", "toUpperCase", "intern", "repeat", "indent", "stripIndent", "toString", "substring");

    /** No-argument calls that return numbers. */
    private static final Set<String> NUMERIC_CALLS = Set.of("size", "length", "ordinal", "count", "hashCode",
            "intValue", "longValue", "getAsInt", "getAsLong");

    /** Static helpers on number types: {@code Integer.parseInt}, {@code Math.max}. */
    private static final Set<String> NUMERIC_OWNERS = Set.of("Integer", "Long", "Short", "Byte", "Double", "Float",
            "Boolean", "Math", "StrictMath", "java.lang.Math");

    /** Checks that keep a value to a known set: {@code ALLOWED.contains(v)}, {@code v.matches("[a-z_]+")}. */
    private static final Set<String> ALLOW_LIST_CHECKS = Set.of("contains", "containsKey", "containsValue");

    /** A format specifier: index, flags, width, precision, conversion. */
    private static final Pattern FORMAT_SPECIFIER =
            Pattern.compile("%(\\d{1,3}\\$|<)?[-#+ 0,(]*\\d*(?:\\.\\d+)?([tT]?[a-zA-Z%])");

    private static final int MAX_HELPER_DEPTH = 3;

    private final JavaTypes types;
    private final SourceFile file;
    private final Set<Node> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
    private int helperDepth;

    SqlStrings(JavaTypes types, SourceFile file) {
        this.types = types;
        this.file = file;
    }

    Value of(Expression expression) {
        if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr
                || expression instanceof IntegerLiteralExpr || expression instanceof LongLiteralExpr
                || expression instanceof DoubleLiteralExpr || expression instanceof BooleanLiteralExpr
                || expression instanceof CharLiteralExpr || expression instanceof NullLiteralExpr
                || expression instanceof UnaryExpr) {
            return Value.SAFE;
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return of(enclosed.getInner());
        }
        if (expression instanceof CastExpr cast) {
            return isSafeType(file, cast.getType().asString()) ? Value.SAFE : of(cast.getExpression());
        }
        if (expression instanceof BinaryExpr binary) {
            return binary.getOperator() == BinaryExpr.Operator.PLUS ? concatenation(binary) : Value.SAFE;
        }
        if (expression instanceof ConditionalExpr conditional) {
            return combine(List.of(conditional.getThenExpr(), conditional.getElseExpr()), null);
        }
        if (expression instanceof SwitchExpr switchExpr) {
            return switchValue(switchExpr);
        }
        if (expression instanceof NameExpr name) {
            return name(name);
        }
        if (expression instanceof FieldAccessExpr access) {
            return fieldAccess(access);
        }
        if (expression instanceof MethodCallExpr call) {
            return call(call);
        }
        if (expression instanceof ObjectCreationExpr created && ACCUMULATORS.contains(created.getType().getNameAsString())) {
            return combine(created.getArguments(), null); // new StringBuilder(base), new ArrayList<>()
        }
        return Value.opaque(label(expression));
    }

    /** Whether a variable is declared with a type whose values cannot carry SQL. */
    boolean isSafeType(SourceFile in, String written) {
        String name = JavaTypes.stripGenerics(written).replace("[]", "");
        if (PRIMITIVES.contains(name) || in.refersToAny(name, SAFE_TYPES)) {
            return true;
        }
        Optional<SourceFacet.DeclaredType> declared = types.moduleType(new JavaTypes.TypeName(in, name));
        if (declared.isPresent()) {
            return declared.get().declaration().isEnumDeclaration();
        }
        // Collections of safe values: List<Long>, Set<UUID>.
        int open = written.indexOf('<');
        if (open > 0 && written.endsWith(">")) {
            String[] arguments = written.substring(open + 1, written.length() - 1).split(",");
            for (String argument : arguments) {
                if (!isSafeType(in, argument.strip())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private Value concatenation(BinaryExpr binary) {
        List<Expression> operands = new ArrayList<>();
        flatten(binary, operands);
        return combine(operands, "concatenation");
    }

    private static void flatten(Expression expression, List<Expression> operands) {
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(binary.getLeft(), operands);
            flatten(binary.getRight(), operands);
        } else {
            operands.add(expression);
        }
    }

    /** The parts of several values: built if any is not safe. */
    private Value combine(List<? extends Expression> expressions, String how) {
        Set<String> parts = new LinkedHashSet<>();
        String innerHow = null;
        boolean built = false;
        for (Expression expression : expressions) {
            Value value = of(expression);
            parts.addAll(value.parts());
            if (value.kind() == Kind.BUILT) {
                built = true;
                innerHow = innerHow == null ? value.how() : innerHow;
            }
        }
        if (parts.isEmpty()) {
            return Value.SAFE;
        }
        if (how == null) {
            // A choice between values, not a construction: built only if a branch is.
            return built ? new Value(Kind.BUILT, parts, innerHow) : new Value(Kind.OPAQUE, parts, "");
        }
        return new Value(Kind.BUILT, parts, how);
    }

    private Value switchValue(SwitchExpr switchExpr) {
        List<Expression> results = new ArrayList<>();
        for (SwitchEntry entry : switchExpr.getEntries()) {
            switch (entry.getType()) {
                case EXPRESSION -> entry.getStatements().stream()
                        .filter(ExpressionStmt.class::isInstance)
                        .map(s -> ((ExpressionStmt) s).getExpression())
                        .forEach(results::add);
                case BLOCK, STATEMENT_GROUP -> entry.findAll(YieldStmt.class).stream()
                        .map(YieldStmt::getExpression)
                        .forEach(results::add);
                default -> { } // a throwing entry yields nothing
            }
        }
        return combine(results, null);
    }

    private Value name(NameExpr name) {
        Optional<JavaTypes.Declaration> found = types.declaration(file, name);
        if (found.isEmpty()) {
            return staticallyImported(name.getNameAsString())
                    .orElseGet(() -> isConstantName(name.getNameAsString()) ? Value.SAFE
                            : Value.opaque(name.getNameAsString()));
        }
        JavaTypes.Declaration declaration = found.get();
        if (declaration.type() != null && declaration.type().file() != null
                && isSafeType(declaration.type().file(), declaration.type().written())) {
            return Value.SAFE;
        }
        if (declaration.field()) {
            // Final fields are set once, from constants or configuration, not from a request.
            return declaration.isFinal() || isConstantName(declaration.name()) ? Value.SAFE
                    : Value.opaque(declaration.name());
        }
        if (isAllowListed(declaration)) {
            return Value.SAFE;
        }
        if (declaration.node() instanceof com.github.javaparser.ast.body.Parameter && !isAssigned(declaration)) {
            return Value.opaque(declaration.name());
        }
        return local(declaration);
    }

    /**
     * A local variable: what it is set to (a choice) and what is appended to it (a construction):
     * {@code +=}, and for builders and lists every append and add.
     */
    private Value local(JavaTypes.Declaration declaration) {
        if (!visiting.add(declaration.node())) {
            return Value.SAFE; // sql = sql + ...: the variable's own earlier content is counted elsewhere
        }
        try {
            List<Expression> set = new ArrayList<>();
            List<Expression> appended = new ArrayList<>();
            if (declaration.initializer() != null) {
                set.add(declaration.initializer());
            }
            for (AssignExpr assign : declaration.root().findAll(AssignExpr.class)) {
                if (assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(declaration.name())
                        && sameDeclaration(target, declaration)) {
                    (assign.getOperator() == AssignExpr.Operator.PLUS ? appended : set).add(assign.getValue());
                }
            }
            String how = "concatenation";
            String typeName = declaration.type() == null ? "" : JavaTypes.stripGenerics(declaration.type().written());
            typeName = typeName.substring(typeName.lastIndexOf('.') + 1);
            if (ACCUMULATORS.contains(typeName)) {
                appended.addAll(additions(declaration));
                how = isBuilderType(typeName) ? "a `" + typeName + "`" : "a list of SQL fragments";
            }
            if (set.isEmpty() && appended.isEmpty()) {
                return Value.opaque(declaration.name());
            }
            boolean parameter = declaration.node() instanceof com.github.javaparser.ast.body.Parameter;
            Value base = parameter ? Value.opaque(declaration.name()) : combine(set, null);
            Value added = combine(appended, how);
            if (added.kind() == Kind.SAFE) {
                return base;
            }
            Set<String> parts = new LinkedHashSet<>(base.parts());
            parts.addAll(added.parts());
            return new Value(Kind.BUILT, parts, base.kind() == Kind.BUILT ? base.how() : added.how());
        } finally {
            visiting.remove(declaration.node());
        }
    }

    private boolean isAssigned(JavaTypes.Declaration declaration) {
        return declaration.root().findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NameExpr target
                        && target.getNameAsString().equals(declaration.name()));
    }

    private boolean sameDeclaration(NameExpr use, JavaTypes.Declaration declaration) {
        return types.declaration(file, use).map(d -> d.node() == declaration.node()).orElse(false);
    }

    /** The text appended or added to an accumulator local by calls on it, directly or chained. */
    private List<Expression> additions(JavaTypes.Declaration declaration) {
        List<Expression> added = new ArrayList<>();
        for (MethodCallExpr call : declaration.root().findAll(MethodCallExpr.class)) {
            if (ADDING.contains(call.getNameAsString()) && !call.getArguments().isEmpty()
                    && !call.getNameAsString().equals("setLength")
                    && chainRoot(call) instanceof NameExpr root && root.getNameAsString().equals(declaration.name())
                    && sameDeclaration(root, declaration)) {
                added.add(call.getArguments().getLast().orElseThrow());
            }
        }
        return added;
    }

    /** The receiver at the start of a fluent chain {@code sb.append(a).append(b)}. */
    private static Expression chainRoot(MethodCallExpr call) {
        Expression current = call;
        while (current instanceof MethodCallExpr c && c.getScope().isPresent()) {
            current = c.getScope().get();
        }
        return current;
    }

    /** Whether a value was checked against an allow-list, a pattern or an enum before use. */
    private boolean isAllowListed(JavaTypes.Declaration declaration) {
        String name = declaration.name();
        for (MethodCallExpr call : declaration.root().findAll(MethodCallExpr.class)) {
            String method = call.getNameAsString();
            boolean argument = call.getArguments().stream()
                    .anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(name));
            boolean receiver = call.getScope().filter(s -> s instanceof NameExpr n
                    && n.getNameAsString().equals(name)).isPresent();
            if (argument && ALLOW_LIST_CHECKS.contains(method) && !receiver) {
                return true;
            }
            if (receiver && method.equals("matches")) {
                return true;
            }
            if (argument && method.equals("matcher")) {
                return true;
            }
            if (argument && method.equals("valueOf") && call.getScope().isPresent()
                    && Character.isUpperCase(call.getScope().get().toString().charAt(0))
                    && !NUMERIC_OWNERS.contains(call.getScope().get().toString())
                    && !call.getScope().get().toString().equals("String")) {
                return true; // Enum.valueOf throws on anything but a constant's name
            }
        }
        return false;
    }

    private Optional<Value> staticallyImported(String name) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (imported.isStatic() && !imported.isAsterisk() && imported.getName().getIdentifier().equals(name)) {
                String owner = imported.getName().getQualifier().map(q -> q.asString()).orElse("");
                return Optional.of(constantOf(owner, name));
            }
        }
        return Optional.empty();
    }

    /** A field of another type: safe when final (or named like a constant and not the module's). */
    private Value constantOf(String ownerName, String name) {
        Optional<SourceFacet.DeclaredType> owner = types.sources().type(ownerName);
        if (owner.isEmpty()) {
            return isConstantName(name) ? Value.SAFE : Value.opaque(name);
        }
        return types.fieldOf(owner.get().file(), owner.get().declaration(), name)
                .filter(JavaTypes.Declaration::isFinal)
                .map(d -> Value.SAFE)
                .orElseGet(() -> Value.opaque(name));
    }

    private Value fieldAccess(FieldAccessExpr access) {
        Expression scope = access.getScope();
        String name = access.getNameAsString();
        if (scope instanceof ThisExpr) {
            return types.field(file, access, name)
                    .map(d -> d.isFinal() ? Value.SAFE : Value.opaque(name))
                    .orElseGet(() -> Value.opaque(name));
        }
        String owner = scope.toString();
        if ((scope instanceof NameExpr || scope instanceof FieldAccessExpr) && Character.isUpperCase(lastSegment(owner)
                .charAt(0)) && !(scope instanceof NameExpr n && types.declaration(file, n).isPresent())) {
            return constantOf(file.resolve(owner), name);
        }
        return Value.opaque(owner + "." + name);
    }

    private Value call(MethodCallExpr call) {
        String method = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
            return helper(call);
        }
        Expression receiver = scope.get();
        if (types.isTypeName(file, receiver, "java.lang.String")) {
            return switch (method) {
                case "format" -> format(call.getArguments(), "`String.format`");
                case "join" -> combine(call.getArguments(), "`String.join`");
                case "valueOf", "copyValueOf" -> combine(call.getArguments(), null);
                default -> Value.opaque(label(call));
            };
        }
        if (receiver instanceof NameExpr || receiver instanceof FieldAccessExpr) {
            String owner = receiver.toString();
            if (NUMERIC_OWNERS.contains(owner)) {
                return Value.SAFE;
            }
            if ((owner.equals("Collections") || owner.equals("java.util.Collections")) && method.equals("nCopies")
                    && call.getArguments().size() == 2) {
                return of(call.getArgument(1));
            }
            if ((owner.equals("List") || owner.equals("Set") || owner.equals("Stream") || owner.equals("Arrays"))
                    && (method.equals("of") || method.equals("asList"))) {
                return combine(call.getArguments(), null);
            }
            if ((owner.equals("Objects") || owner.equals("java.util.Objects")) && method.equals("toString")
                    && !call.getArguments().isEmpty()) {
                return combine(call.getArguments().subList(0, 1), null);
            }
        }
        if (method.equals("formatted")) {
            List<Expression> arguments = new ArrayList<>();
            arguments.add(receiver);
            arguments.addAll(call.getArguments());
            return format(arguments, "`formatted`");
        }
        if (method.equals("concat")) {
            List<Expression> parts = new ArrayList<>();
            parts.add(receiver);
            parts.addAll(call.getArguments());
            return combine(parts, "`concat`");
        }
        if (method.equals("collect") && call.getArguments().size() == 1
                && call.getArgument(0).toString().matches("(Collectors\\.)?joining\\(.*")) {
            return joined(call);
        }
        if (method.equals("toString") && call.getArguments().isEmpty() || method.equals("append")) {
            Expression root = chainRoot(call);
            if (root instanceof ObjectCreationExpr created && isBuilderType(created.getType().getNameAsString())) {
                return chain(call, created);
            }
        }
        if (method.equals("name") && call.getArguments().isEmpty()) {
            return enumName(call, receiver);
        }
        if (NUMERIC_CALLS.contains(method) && call.getArguments().isEmpty()) {
            return Value.SAFE;
        }
        if ((method.equals("get") || method.equals("getOrDefault")) && isConstantHolder(receiver)) {
            return Value.SAFE; // looked up in an allow-list map of columns
        }
        Optional<JavaTypes.TypeName> returned = types.typeOf(file, receiver)
                .flatMap(t -> types.memberType(t, method, call.getArguments().size()));
        if (returned.isPresent() && isSafeType(returned.get().file(), returned.get().written())) {
            return Value.SAFE;
        }
        if (KEEPING.contains(method)) {
            Value inner = of(receiver);
            return inner.kind() == Kind.SAFE ? Value.SAFE : inner;
        }
        return Value.opaque(label(call));
    }

    /** {@code String.format(fmt, args)}: arguments formatted as numbers cannot carry SQL. */
    private Value format(List<Expression> arguments, String how) {
        if (arguments.isEmpty()) {
            return Value.SAFE;
        }
        Expression template = arguments.get(0);
        if (template.toString().startsWith("Locale") && arguments.size() > 1) {
            arguments = arguments.subList(1, arguments.size());
            template = arguments.get(0);
        }
        List<Expression> values = new ArrayList<>(arguments.subList(1, arguments.size()));
        List<Expression> consulted = new ArrayList<>();
        consulted.add(template);
        Optional<String> text = literal(template);
        if (text.isPresent()) {
            Set<Integer> numeric = numericArguments(text.get());
            for (int i = 0; i < values.size(); i++) {
                if (!numeric.contains(i)) {
                    consulted.add(values.get(i));
                }
            }
        } else {
            consulted.addAll(values);
        }
        return combine(consulted, how);
    }

    /** Indexes (0-based) of the format arguments only ever formatted as numbers. */
    private static Set<Integer> numericArguments(String template) {
        Set<Integer> numeric = new LinkedHashSet<>();
        Set<Integer> textual = new LinkedHashSet<>();
        Matcher matcher = FORMAT_SPECIFIER.matcher(template);
        int next = 0;
        int last = -1;
        while (matcher.find()) {
            String conversion = matcher.group(2);
            if (conversion.equals("%") || conversion.equals("n")) {
                continue;
            }
            String index = matcher.group(1);
            int argument = index == null ? next++ : index.equals("<") ? last
                    : Integer.parseInt(index.substring(0, index.length() - 1)) - 1;
            last = argument;
            ("dxXofeEgGaA".contains(conversion) ? numeric : textual).add(argument);
        }
        numeric.removeAll(textual);
        return numeric;
    }

    private static Optional<String> literal(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.getValue());
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return Optional.of(block.getValue());
        }
        return Optional.empty();
    }

    /** {@code cols.stream().map(c -> c + " = ?").collect(joining(" and "))}. */
    private Value joined(MethodCallExpr collect) {
        Expression current = collect.getScope().orElse(null);
        while (current instanceof MethodCallExpr step) {
            if (step.getNameAsString().equals("map") && step.getArguments().size() == 1
                    && step.getArgument(0) instanceof LambdaExpr lambda) {
                List<Expression> results = new ArrayList<>();
                lambda.getExpressionBody().ifPresentOrElse(results::add, () -> lambda.getBody()
                        .findAll(ReturnStmt.class).forEach(r -> r.getExpression().ifPresent(results::add)));
                return combine(results, "`Collectors.joining`");
            }
            if (step.getScope().isEmpty()) {
                break;
            }
            if (step.getNameAsString().equals("stream") && step.getArguments().isEmpty()) {
                Value source = of(step.getScope().get());
                return source.kind() == Kind.SAFE ? source
                        : new Value(Kind.BUILT, source.parts(), "`Collectors.joining`");
            }
            current = step.getScope().get();
        }
        return Value.opaque(label(collect));
    }

    /** {@code new StringBuilder("select").append(a).append(b).toString()}. */
    private Value chain(MethodCallExpr last, ObjectCreationExpr created) {
        List<Expression> parts = new ArrayList<>();
        Expression current = last;
        while (current instanceof MethodCallExpr step) {
            if (ADDING.contains(step.getNameAsString()) && !step.getArguments().isEmpty()) {
                parts.add(step.getArguments().getLast().orElseThrow());
            }
            current = step.getScope().orElse(null);
        }
        Value added = combine(parts, "a `" + created.getType().getNameAsString() + "`");
        if (added.kind() == Kind.SAFE) {
            return combine(created.getArguments(), null);
        }
        Set<String> all = new LinkedHashSet<>(combine(created.getArguments(), null).parts());
        all.addAll(added.parts());
        return new Value(Kind.BUILT, all, added.how());
    }

    /** {@code status.name()}: safe on enums; a record's {@code name()} accessor is not. */
    private Value enumName(MethodCallExpr call, Expression receiver) {
        Optional<JavaTypes.TypeName> type = types.typeOf(file, receiver);
        if (type.isPresent() && type.get().file() != null) {
            Optional<SourceFacet.DeclaredType> declared = types.moduleType(type.get());
            if (declared.isEmpty() || declared.get().declaration().isEnumDeclaration()) {
                return Value.SAFE;
            }
            Optional<JavaTypes.TypeName> returned = types.memberType(type.get(), "name", 0);
            return returned.isPresent() && isSafeType(returned.get().file(), returned.get().written())
                    ? Value.SAFE : Value.opaque(label(call));
        }
        return Value.opaque(label(call));
    }

    /** A call of a method of the same class: what its {@code return}s build. */
    private Value helper(MethodCallExpr call) {
        List<MethodDeclaration> methods = types.ownMethods(call, call.getNameAsString(), call.getArguments().size());
        if (methods.isEmpty()) {
            return Value.opaque(label(call)); // inherited or statically imported: not followed
        }
        MethodDeclaration method = methods.get(0);
        if (isSafeType(file, method.getType().asString())) {
            return Value.SAFE;
        }
        if (!method.isPrivate() || method.getBody().isEmpty() || helperDepth >= MAX_HELPER_DEPTH
                || !visiting.add(method)) {
            return Value.opaque(label(call));
        }
        helperDepth++;
        try {
            List<Expression> returned = new ArrayList<>();
            for (ReturnStmt statement : method.getBody().get().findAll(ReturnStmt.class)) {
                if (enclosingLambdaOrType(statement, method)) {
                    continue;
                }
                statement.getExpression().ifPresent(returned::add);
            }
            Value value = combine(returned, null);
            if (value.kind() == Kind.BUILT) {
                return new Value(Kind.BUILT, value.parts(), "`" + method.getNameAsString() + "()`");
            }
            return value.kind() == Kind.SAFE ? Value.SAFE : Value.opaque(label(call));
        } finally {
            helperDepth--;
            visiting.remove(method);
        }
    }

    private static boolean enclosingLambdaOrType(Node node, MethodDeclaration method) {
        for (Node n = node.getParentNode().orElse(null); n != null && n != method; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr || n instanceof TypeDeclaration<?>
                    || n instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A final field or a constant-named holder: {@code SORT_COLUMNS.get(key)}. */
    private boolean isConstantHolder(Expression receiver) {
        if (receiver instanceof NameExpr name) {
            return types.declaration(file, name)
                    .map(d -> d.field() && d.isFinal())
                    .orElse(isConstantName(name.getNameAsString()));
        }
        if (receiver instanceof FieldAccessExpr access) {
            return isConstantName(access.getNameAsString());
        }
        return false;
    }

    private static boolean isBuilderType(String simpleName) {
        return simpleName.equals("StringBuilder") || simpleName.equals("StringBuffer")
                || simpleName.equals("StringJoiner");
    }

    /** {@code ORDER_TABLE}: the naming convention of constants. */
    private static boolean isConstantName(String name) {
        return name.length() > 1 && name.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_')
                && Character.isUpperCase(name.charAt(0));
    }

    private static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** A short name for a value in messages: the variable, or the call without its arguments. */
    static String label(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access) {
            return access.getScope() instanceof ThisExpr ? access.getNameAsString() : access.toString();
        }
        if (expression instanceof MethodCallExpr call) {
            String scope = call.getScope().map(s -> s instanceof MethodCallExpr || s instanceof NameExpr
                    || s instanceof FieldAccessExpr ? label(s) + "." : "").orElse("");
            return scope + call.getNameAsString() + "()";
        }
        String text = expression.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
