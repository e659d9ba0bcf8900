package io.archlint.rules.layering;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cognitive complexity of a method, as G. Ann Campbell's SonarSource white paper defines it.
 *
 * <p>+1 for each {@code if}, {@code else if}, {@code else}, ternary, {@code switch}, loop,
 * {@code catch}, labelled jump, sequence of like logical operators and recursive call; the
 * structures that nest ({@code if}, ternary, {@code switch}, loops, {@code catch}) add the
 * nesting level they sit at, and lambdas and nested methods raise the nesting level without an
 * increment of their own. {@code else if} and {@code else} do not pay for nesting.
 */
final class CognitiveComplexity {

    private final MethodDeclaration method;

    private CognitiveComplexity(MethodDeclaration method) {
        this.method = method;
    }

    static int of(MethodDeclaration method) {
        return method.getBody().map(body -> new CognitiveComplexity(method).walk(body, 0)).orElse(0);
    }

    /**
     * Statements in the body, nested ones included; blocks, empty statements, labels and the
     * expression bodies of lambdas are not statements of their own.
     */
    static int statements(MethodDeclaration method) {
        return method.getBody().map(body -> (int) body.findAll(Statement.class).stream()
                .filter(s -> !(s instanceof BlockStmt) && !(s instanceof EmptyStmt) && !(s instanceof LabeledStmt))
                .filter(s -> !(s instanceof ExpressionStmt && s.getParentNode().orElse(null) instanceof LambdaExpr))
                .count()).orElse(0);
    }

    private int walk(Node node, int nesting) {
        if (node instanceof IfStmt statement) {
            return ifChain(statement, nesting);
        }
        if (node instanceof ConditionalExpr ternary) {
            return 1 + nesting + walk(ternary.getCondition(), nesting)
                    + walk(ternary.getThenExpr(), nesting + 1) + walk(ternary.getElseExpr(), nesting + 1);
        }
        if (node instanceof SwitchStmt statement) {
            return 1 + nesting + walk(statement.getSelector(), nesting) + walkAll(statement.getEntries(), nesting + 1);
        }
        if (node instanceof SwitchExpr expression) {
            return 1 + nesting + walk(expression.getSelector(), nesting) + walkAll(expression.getEntries(), nesting + 1);
        }
        if (node instanceof ForStmt loop) {
            return 1 + nesting + walkAll(loop.getInitialization(), nesting)
                    + loop.getCompare().map(c -> walk(c, nesting)).orElse(0)
                    + walkAll(loop.getUpdate(), nesting) + walk(loop.getBody(), nesting + 1);
        }
        if (node instanceof ForEachStmt loop) {
            return 1 + nesting + walk(loop.getIterable(), nesting) + walk(loop.getBody(), nesting + 1);
        }
        if (node instanceof WhileStmt loop) {
            return 1 + nesting + walk(loop.getCondition(), nesting) + walk(loop.getBody(), nesting + 1);
        }
        if (node instanceof DoStmt loop) {
            return 1 + nesting + walk(loop.getBody(), nesting + 1) + walk(loop.getCondition(), nesting);
        }
        if (node instanceof CatchClause clause) {
            return 1 + nesting + walk(clause.getBody(), nesting + 1);
        }
        if (node instanceof BreakStmt jump) {
            return jump.getLabel().isPresent() ? 1 : 0;
        }
        if (node instanceof ContinueStmt jump) {
            return jump.getLabel().isPresent() ? 1 : 0;
        }
        if (node instanceof LambdaExpr lambda) {
            return walk(lambda.getBody(), nesting + 1);
        }
        if (node instanceof CallableDeclaration<?> || node instanceof InitializerDeclaration) {
            // A method of a local or anonymous class nests like a lambda.
            return walkAll(node.getChildNodes(), nesting + 1);
        }
        if (node instanceof BinaryExpr binary && isLogical(binary.getOperator())) {
            return logicalSequence(binary, nesting);
        }
        int recursion = node instanceof MethodCallExpr call && isRecursive(call) ? 1 : 0;
        return recursion + walkAll(node.getChildNodes(), nesting);
    }

    private int ifChain(IfStmt statement, int nesting) {
        int total = 1 + nesting + walk(statement.getCondition(), nesting) + walk(statement.getThenStmt(), nesting + 1);
        Optional<Statement> otherwise = statement.getElseStmt();
        while (otherwise.isPresent()) {
            if (otherwise.get() instanceof IfStmt elseIf) {
                total += 1 + walk(elseIf.getCondition(), nesting) + walk(elseIf.getThenStmt(), nesting + 1);
                otherwise = elseIf.getElseStmt();
            } else {
                total += 1 + walk(otherwise.get(), nesting + 1);
                otherwise = Optional.empty();
            }
        }
        return total;
    }

    /** {@code a && b && c || d}: +1 for the first operator and +1 each time the operator changes. */
    private int logicalSequence(BinaryExpr root, int nesting) {
        List<BinaryExpr.Operator> operators = new ArrayList<>();
        List<Expression> operands = new ArrayList<>();
        flatten(root, operators, operands);
        int total = 1;
        for (int i = 1; i < operators.size(); i++) {
            if (operators.get(i) != operators.get(i - 1)) {
                total++;
            }
        }
        return total + walkAll(operands, nesting);
    }

    /** Operators in source order; parentheses do not break a sequence, a negation does. */
    private static void flatten(Expression expression, List<BinaryExpr.Operator> operators, List<Expression> operands) {
        Expression inner = expression;
        while (inner instanceof EnclosedExpr enclosed) {
            inner = enclosed.getInner();
        }
        if (inner instanceof BinaryExpr binary && isLogical(binary.getOperator())) {
            flatten(binary.getLeft(), operators, operands);
            operators.add(binary.getOperator());
            flatten(binary.getRight(), operators, operands);
        } else {
            operands.add(inner);
        }
    }

    private static boolean isLogical(BinaryExpr.Operator operator) {
        return operator == BinaryExpr.Operator.AND || operator == BinaryExpr.Operator.OR;
    }

    private boolean isRecursive(MethodCallExpr call) {
        return call.getNameAsString().equals(method.getNameAsString())
                && call.getScope().map(ThisExpr.class::isInstance).orElse(true)
                && call.getArguments().size() == method.getParameters().size()
                && call.findAncestor(CallableDeclaration.class).map(c -> c == method).orElse(false);
    }

    private int walkAll(List<? extends Node> nodes, int nesting) {
        int total = 0;
        for (Node node : nodes) {
            total += walk(node, nesting);
        }
        return total;
    }
}
