package io.archlint.rules.layering;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds calculations and decisions on domain values (money, quantities, stock) in a method body.
 *
 * <p>Without a symbol solver, a value is a domain value when its name says so: {@code price},
 * {@code item.getUnitPrice()}, {@code TAX_RATE}; names that also say paging or counting
 * ({@code totalPages}, {@code rateLimit}) are not. Types are read from the declarations in the
 * method and the controller only, to tell string concatenation and {@code BigDecimal} arithmetic
 * apart from the rest.
 */
final class DomainComputation {

    /** Words that name money or quantities. */
    static final Set<String> DOMAIN_WORDS = Set.of(
            "price", "amount", "total", "subtotal", "quantity", "qty", "discount", "tax", "vat", "balance",
            "cost", "fee", "rate", "interest", "stock", "money", "salary", "commission", "profit", "revenue",
            "surcharge");
    /** Words that turn a name into paging, indexing, counting or timing: never a domain value. */
    static final Set<String> INDEX_WORDS = Set.of(
            "page", "pages", "size", "index", "idx", "offset", "limit", "length", "count", "position", "pos",
            "elements", "row", "rows", "attempt", "attempts", "retry", "retries", "millis", "ms", "seconds",
            "timeout", "version", "hash", "hits", "results", "records", "entries", "requests", "calls", "errors",
            "duration", "time", "nanos", "bytes");
    /** Words that name text: a {@code +} with such an operand joins strings ({@code currencySymbol + amount}). */
    static final Set<String> TEXT_WORDS = Set.of(
            "name", "label", "text", "message", "prefix", "suffix", "symbol", "currency", "title", "description",
            "url", "uri", "path", "separator", "unit");
    /** Types whose arithmetic goes through methods. */
    static final Set<String> MONEY_TYPES = Set.of(
            "BigDecimal", "BigInteger", "Money", "MonetaryAmount", "FastMoney", "RoundedMoney");
    /** {@code BigDecimal} and JSR-354 arithmetic. */
    static final Set<String> ARITHMETIC_METHODS = Set.of("multiply", "add", "subtract", "divide", "setScale");
    private static final Set<BinaryExpr.Operator> ARITHMETIC_OPERATORS = Set.of(
            BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.PLUS,
            BinaryExpr.Operator.MINUS);
    private static final Set<AssignExpr.Operator> COMPOUND_OPERATORS = Set.of(
            AssignExpr.Operator.MULTIPLY, AssignExpr.Operator.DIVIDE, AssignExpr.Operator.PLUS,
            AssignExpr.Operator.MINUS);
    /** Calls that unwrap a value: the name worth reading is the receiver's. */
    private static final Set<String> UNWRAPPING = Set.of(
            "doubleValue", "intValue", "longValue", "floatValue", "get", "getAsInt", "getAsLong", "getAsDouble",
            "orElse", "orElseThrow", "orElseGet", "abs", "negate");
    /** Calls whose result is a string. */
    private static final Set<String> STRING_CALLS = Set.of(
            "toString", "formatted", "format", "valueOf", "join", "repeat", "substring", "trim", "strip",
            "toUpperCase", "toLowerCase", "getMessage", "toPlainString");
    private static final Set<String> STRING_TYPES = Set.of("String", "CharSequence", "StringBuilder");
    private static final Pattern GETTER = Pattern.compile("(get|is|has)[A-Z].*");
    private static final Set<String> SUMS = Set.of("mapToInt", "mapToLong", "mapToDouble");
    private static final Set<String> SUMMING_COLLECTORS = Set.of(
            "summingInt", "summingLong", "summingDouble", "averagingInt", "averagingLong", "averagingDouble");

    private final MethodDeclaration method;
    private final Map<String, Declared> declarations = new HashMap<>();

    private record Declared(Type type, Optional<Expression> initializer) {}

    DomainComputation(ClassOrInterfaceDeclaration controller, MethodDeclaration method) {
        this.method = method;
        for (FieldDeclaration field : controller.getFields()) {
            field.getVariables().forEach(this::declare);
        }
        // The method's own declarations shadow the fields.
        for (Parameter parameter : method.findAll(Parameter.class)) {
            if (parameter.getType().isUnknownType()) {
                continue; // an untyped lambda parameter says nothing
            }
            declarations.put(parameter.getNameAsString(), new Declared(parameter.getType(), Optional.empty()));
        }
        method.findAll(VariableDeclarator.class).forEach(this::declare);
    }

    private void declare(VariableDeclarator variable) {
        declarations.put(variable.getNameAsString(), new Declared(variable.getType(), variable.getInitializer()));
    }

    /** The first calculation on domain values, in source order. */
    Optional<Node> firstCalculation() {
        List<Node> found = new ArrayList<>();
        method.getBody().ifPresent(body -> body.walk(node -> {
            if (isCalculation(node)) {
                found.add(node);
            }
        }));
        return found.stream().findFirst();
    }

    /** The first branch condition on a domain value inside a loop, in source order. */
    Optional<Expression> firstBranchInLoop() {
        List<Expression> found = new ArrayList<>();
        method.getBody().ifPresent(body -> body.walk(node -> {
            Optional<Expression> condition = branchCondition(node);
            if (condition.isPresent() && isInLoop(node) && mentionsDomainValue(condition.get())) {
                found.add(condition.get());
            }
        }));
        return found.stream().findFirst();
    }

    private boolean isCalculation(Node node) {
        if (node instanceof BinaryExpr binary && ARITHMETIC_OPERATORS.contains(binary.getOperator())) {
            if (binary.getOperator() == BinaryExpr.Operator.PLUS && isConcatenation(binary)) {
                return false;
            }
            return isDomainValue(binary.getLeft()) || isDomainValue(binary.getRight());
        }
        if (node instanceof AssignExpr assign && COMPOUND_OPERATORS.contains(assign.getOperator())) {
            if (assign.getOperator() == AssignExpr.Operator.PLUS
                    && (isString(assign.getTarget()) || isString(assign.getValue()))) {
                return false;
            }
            return isDomainValue(assign.getTarget()) || isDomainValue(assign.getValue());
        }
        if (node instanceof MethodCallExpr call) {
            return isMoneyArithmetic(call) || isDomainSum(call);
        }
        if (node instanceof MethodReferenceExpr reference) {
            // reduce(BigDecimal.ZERO, BigDecimal::add)
            return ARITHMETIC_METHODS.contains(reference.getIdentifier())
                    && reference.getScope() instanceof TypeExpr type
                    && MONEY_TYPES.contains(simpleName(type.getType().asString()));
        }
        return false;
    }

    /**
     * {@code price.multiply(quantity)}, {@code subtotal.add(tax)}: a money type's arithmetic.
     * {@code add} is every collection's method too, so it needs a money receiver or a receiver
     * named after a single domain value; a receiver declared with any other type never counts.
     */
    private boolean isMoneyArithmetic(MethodCallExpr call) {
        if (!ARITHMETIC_METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
            return false;
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || scope.get() instanceof NameExpr name && declaredNonMoney(name)) {
            return false;
        }
        if (isMoney(scope.get()) || isDomainValue(scope.get())) {
            return true;
        }
        return !call.getNameAsString().equals("add")
                && call.getArguments().stream().anyMatch(a -> isMoney(a) || isDomainValue(a));
    }

    /** {@code items.stream().mapToInt(Item::quantity).sum()}, {@code Collectors.summingInt(Item::quantity)}. */
    private boolean isDomainSum(MethodCallExpr call) {
        if (call.getNameAsString().equals("sum") && call.getScope().orElse(null) instanceof MethodCallExpr mapping
                && SUMS.contains(mapping.getNameAsString()) && mapping.getArguments().size() == 1) {
            return isDomainMapper(mapping.getArgument(0));
        }
        return SUMMING_COLLECTORS.contains(call.getNameAsString()) && call.getArguments().size() == 1
                && isDomainMapper(call.getArgument(0));
    }

    private boolean isDomainMapper(Expression mapper) {
        if (mapper instanceof MethodReferenceExpr reference) {
            return isDomainName(reference.getIdentifier());
        }
        if (mapper instanceof LambdaExpr lambda && lambda.getExpressionBody().isPresent()) {
            return isDomainValue(lambda.getExpressionBody().get());
        }
        return false;
    }

    /** A {@code +} chain with a string anywhere in it joins text, it does not add numbers. */
    private boolean isConcatenation(BinaryExpr plus) {
        BinaryExpr root = plus;
        while (root.getParentNode().orElse(null) instanceof BinaryExpr parent
                && parent.getOperator() == BinaryExpr.Operator.PLUS) {
            root = parent;
        }
        return anyStringOperand(root);
    }

    private boolean anyStringOperand(Expression expression) {
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            return anyStringOperand(binary.getLeft()) || anyStringOperand(binary.getRight());
        }
        return isString(expression) || nameOf(expression)
                .map(name -> words(name).stream().anyMatch(TEXT_WORDS::contains) && !isDomainName(name))
                .orElse(false);
    }

    private boolean isString(Expression expression) {
        Expression value = unwrap(expression);
        if (value instanceof StringLiteralExpr || value instanceof TextBlockLiteralExpr) {
            return true;
        }
        if (value instanceof MethodCallExpr call) {
            return STRING_CALLS.contains(call.getNameAsString())
                    && (!call.getNameAsString().equals("valueOf") && !call.getNameAsString().equals("join")
                            || call.getScope().map(s -> s instanceof NameExpr n && n.getNameAsString().equals("String"))
                                    .orElse(false));
        }
        return value instanceof NameExpr name && declaredType(name.getNameAsString())
                .map(t -> STRING_TYPES.contains(simpleName(t))).orElse(false);
    }

    /** Whether an expression is a money-typed value: {@code BigDecimal.ZERO}, {@code new BigDecimal(..)}, a declared one. */
    private boolean isMoney(Expression expression) {
        Expression value = unwrap(expression);
        if (value instanceof ObjectCreationExpr creation) {
            return MONEY_TYPES.contains(creation.getType().getNameAsString());
        }
        if (value instanceof FieldAccessExpr field) {
            return field.getScope() instanceof NameExpr type && MONEY_TYPES.contains(type.getNameAsString());
        }
        if (value instanceof MethodCallExpr call) {
            Optional<Expression> scope = call.getScope();
            if (scope.isEmpty()) {
                return false;
            }
            if (scope.get() instanceof NameExpr type && MONEY_TYPES.contains(type.getNameAsString())) {
                return true; // BigDecimal.valueOf(..), Money.of(..)
            }
            return (ARITHMETIC_METHODS.contains(call.getNameAsString()) || UNWRAPPING.contains(call.getNameAsString()))
                    && isMoney(scope.get());
        }
        if (value instanceof NameExpr name) {
            Optional<Declared> declared = Optional.ofNullable(declarations.get(name.getNameAsString()));
            return declared.map(d -> MONEY_TYPES.contains(simpleName(d.type().asString()))
                    || d.type().isVarType() && d.initializer().map(this::isMoney).orElse(false)).orElse(false);
        }
        return false;
    }

    private boolean declaredNonMoney(NameExpr name) {
        return declaredType(name.getNameAsString())
                .map(t -> !t.equals("var") && !MONEY_TYPES.contains(simpleName(t)) && !isNumeric(t))
                .orElse(false);
    }

    private Optional<String> declaredType(String name) {
        return Optional.ofNullable(declarations.get(name)).map(d -> d.type().asString());
    }

    /** Whether the expression reads a value named after money or quantities. */
    boolean isDomainValue(Expression expression) {
        return nameOf(expression).map(DomainComputation::isDomainName).orElse(false);
    }

    /** The name a reader sees in an operand: the variable, the field or the getter. */
    private static Optional<String> nameOf(Expression expression) {
        Expression value = unwrap(expression);
        if (value instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (value instanceof FieldAccessExpr field) {
            return Optional.of(field.getNameAsString());
        }
        if (value instanceof ArrayAccessExpr array) {
            return nameOf(array.getName());
        }
        if (value instanceof MethodCallExpr call) {
            if (UNWRAPPING.contains(call.getNameAsString())) {
                return call.getScope().flatMap(DomainComputation::nameOf);
            }
            return Optional.of(call.getNameAsString());
        }
        return Optional.empty();
    }

    static boolean isDomainName(String name) {
        List<String> words = words(name);
        return words.stream().anyMatch(DOMAIN_WORDS::contains) && words.stream().noneMatch(INDEX_WORDS::contains);
    }

    /** {@code getUnitPrice} -> get, unit, price; {@code TAX_RATE} -> tax, rate. */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2");
        return Arrays.stream(spaced.split("[\\s_$]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * A condition that decides on a domain value; null checks are not decisions on the value, and
     * the owner of a getter or field ({@code stock} in {@code stock.getSymbol()}) is an object, not a value.
     */
    private boolean mentionsDomainValue(Expression condition) {
        if (isNullCheck(condition)) {
            return false;
        }
        if (isDomainValue(condition)) {
            return true;
        }
        if (condition instanceof FieldAccessExpr) {
            return false;
        }
        if (condition instanceof MethodCallExpr call && GETTER.matcher(call.getNameAsString()).matches()) {
            return call.getArguments().stream().anyMatch(this::mentionsDomainValue);
        }
        for (Node child : condition.getChildNodes()) {
            if (child instanceof Expression expression && mentionsDomainValue(expression)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNullCheck(Expression expression) {
        if (expression instanceof BinaryExpr binary
                && (binary.getOperator() == BinaryExpr.Operator.EQUALS
                        || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
            return binary.getLeft() instanceof NullLiteralExpr || binary.getRight() instanceof NullLiteralExpr;
        }
        return expression instanceof MethodCallExpr call
                && Set.of("isNull", "nonNull", "isPresent", "isEmpty", "requireNonNull").contains(call.getNameAsString());
    }

    private static Optional<Expression> branchCondition(Node node) {
        if (node instanceof IfStmt statement) {
            return Optional.of(statement.getCondition());
        }
        if (node instanceof ConditionalExpr ternary) {
            return Optional.of(ternary.getCondition());
        }
        if (node instanceof SwitchStmt statement) {
            return Optional.of(statement.getSelector());
        }
        if (node instanceof SwitchExpr expression) {
            return Optional.of(expression.getSelector());
        }
        return Optional.empty();
    }

    /** Inside a loop's body, or inside the lambda of a {@code forEach}; a loop's own header is not. */
    private boolean isInLoop(Node node) {
        Node child = node;
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && parent.get() != method) {
            Node current = parent.get();
            if (current instanceof ForStmt loop && loop.getBody() == child
                    || current instanceof ForEachStmt each && each.getBody() == child
                    || current instanceof WhileStmt loop && loop.getBody() == child
                    || current instanceof DoStmt loop && loop.getBody() == child
                    || current instanceof LambdaExpr && isForEachArgument(current)) {
                return true;
            }
            child = current;
            parent = current.getParentNode();
        }
        return false;
    }

    private static boolean isForEachArgument(Node lambda) {
        return lambda.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("forEach") && call.getArguments().contains(lambda);
    }

    private static Expression unwrap(Expression expression) {
        Expression value = expression;
        while (value instanceof EnclosedExpr || value instanceof CastExpr) {
            value = value instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) value).getExpression();
        }
        return value;
    }

    private static boolean isNumeric(String type) {
        return Set.of("int", "long", "double", "float", "short", "Integer", "Long", "Double", "Float", "Short",
                "Number").contains(type);
    }

    private static String simpleName(String type) {
        int generic = type.indexOf('<');
        String raw = generic < 0 ? type : type.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /**
     * Expression text on one line, for a message. Printed from a detached copy: printing a node
     * of the shared tree makes JavaParser cache a printer in its compilation unit, a write that
     * rules running in parallel must not race on.
     */
    static String snippet(Node node, int max) {
        String text = node.clone().toString().replaceAll("\\s+", " ").strip();
        return text.length() <= max ? text : text.substring(0, max - 3).stripTrailing() + "...";
    }
}
