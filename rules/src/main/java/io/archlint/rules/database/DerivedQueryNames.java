package io.archlint.rules.database;

import io.archlint.rules.database.QueryConditions.Comparison;
import io.archlint.rules.database.QueryConditions.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Data's derived query names ({@code findDistinctByCustomerEmailAndStatusOrderByPlacedAtDesc}),
 * read the way Spring Data Commons' {@code PartTree} reads them.
 */
final class DerivedQueryNames {

    /** The subject prefix up to the first {@code By}; what lies between is the subject (Distinct, First10, All...). */
    private static final Pattern PREFIX =
            Pattern.compile("^(find|read|get|query|search|stream|count|exists|delete|remove)(\\p{Lu}.*?)??By");

    private static final Pattern ALL_IGNORE_CASE = Pattern.compile("AllIgnor(?:ing|e)Case$");
    private static final Pattern IGNORE_CASE = Pattern.compile("Ignor(?:ing|e)Case$");

    /** A keyword counts where an upper-case letter (or a non-ASCII one) follows it, as in {@code PartTree}. */
    private static final String KEYWORD = "%s(?=(\\p{Lu}|\\P{InBASIC_LATIN}))";

    /** One operator type of Spring Data's {@code Part.Type}, with its keywords longest first. */
    private record Operator(Comparison comparison, List<String> keywords) {}

    /** In {@code Part.Type.ALL} order: the first type with a keyword the part ends with wins. */
    private static final List<Operator> OPERATORS = List.of(
            new Operator(Comparison.OTHER, List.of("IsNotNull", "NotNull")),
            new Operator(Comparison.OTHER, List.of("IsNull", "Null")),
            new Operator(Comparison.RANGE, List.of("IsBetween", "Between")),
            new Operator(Comparison.RANGE, List.of("IsLessThan", "LessThan")),
            new Operator(Comparison.RANGE, List.of("IsLessThanEqual", "LessThanEqual")),
            new Operator(Comparison.RANGE, List.of("IsGreaterThan", "GreaterThan")),
            new Operator(Comparison.RANGE, List.of("IsGreaterThanEqual", "GreaterThanEqual")),
            new Operator(Comparison.RANGE, List.of("IsBefore", "Before")),
            new Operator(Comparison.RANGE, List.of("IsAfter", "After")),
            new Operator(Comparison.OTHER, List.of("IsNotLike", "NotLike")),
            new Operator(Comparison.OTHER, List.of("IsLike", "Like")),
            new Operator(Comparison.OTHER, List.of("IsStartingWith", "StartingWith", "StartsWith")),
            new Operator(Comparison.OTHER, List.of("IsEndingWith", "EndingWith", "EndsWith")),
            new Operator(Comparison.OTHER, List.of("IsNotEmpty", "NotEmpty")),
            new Operator(Comparison.OTHER, List.of("IsEmpty", "Empty")),
            new Operator(Comparison.OTHER, List.of("IsNotContaining", "NotContaining", "NotContains")),
            new Operator(Comparison.OTHER, List.of("IsContaining", "Containing", "Contains")),
            new Operator(Comparison.OTHER, List.of("IsNotIn", "NotIn")),
            new Operator(Comparison.EQUAL, List.of("IsIn", "In")),
            new Operator(Comparison.OTHER, List.of("IsNear", "Near")),
            new Operator(Comparison.OTHER, List.of("IsWithin", "Within")),
            new Operator(Comparison.OTHER, List.of("MatchesRegex", "Matches", "Regex")),
            new Operator(Comparison.OTHER, List.of("Exists")),
            new Operator(Comparison.FLAG, List.of("IsTrue", "True")),
            new Operator(Comparison.FLAG, List.of("IsFalse", "False")),
            new Operator(Comparison.OTHER, List.of("IsNot", "Not")),
            new Operator(Comparison.EQUAL, List.of("Is", "Equals")));

    private DerivedQueryNames() {}

    /**
     * The conditions a derived query name states; empty when the name is not a derived query
     * or has no criteria ({@code findAll}, {@code findTop10}).
     */
    static QueryConditions parse(String methodName) {
        Matcher prefix = PREFIX.matcher(methodName);
        if (!prefix.find()) {
            return QueryConditions.none();
        }
        String predicate = methodName.substring(prefix.end());
        boolean allIgnoreCase = false;
        Matcher all = ALL_IGNORE_CASE.matcher(predicate);
        if (all.find()) {
            allIgnoreCase = true;
            predicate = predicate.substring(0, all.start());
        }
        String[] orderBy = split(predicate, "OrderBy");
        if (orderBy.length == 0 || orderBy[0].isEmpty()) {
            return QueryConditions.none();
        }
        List<List<Condition>> branches = new ArrayList<>();
        for (String branch : split(orderBy[0], "Or")) {
            List<Condition> conditions = new ArrayList<>();
            for (String part : split(branch, "And")) {
                if (part.isEmpty()) {
                    return QueryConditions.of(Condition.unknown());
                }
                conditions.add(part(part, allIgnoreCase));
            }
            branches.add(conditions);
        }
        return new QueryConditions(List.copyOf(branches));
    }

    private static String[] split(String text, String keyword) {
        return Pattern.compile(String.format(KEYWORD, keyword)).split(text);
    }

    private static Condition part(String part, boolean allIgnoreCase) {
        boolean ignoreCase = allIgnoreCase;
        Matcher ignore = IGNORE_CASE.matcher(part);
        if (ignore.find()) {
            ignoreCase = true;
            part = part.substring(0, ignore.start());
        }
        for (Operator operator : OPERATORS) {
            for (String keyword : operator.keywords()) {
                if (part.endsWith(keyword) && part.length() > keyword.length()) {
                    String property = part.substring(0, part.length() - keyword.length());
                    return new Condition(property, ignoreCase ? Comparison.OTHER : operator.comparison());
                }
            }
        }
        return new Condition(part, ignoreCase ? Comparison.OTHER : Comparison.EQUAL);
    }

    /**
     * Resolves a part's property expression ({@code CustomerAddressCity}, {@code Customer_Id}) to
     * property names the way Spring Data's {@code PropertyPath} does: {@code _} separates
     * explicitly, otherwise the longest camel-case head that names a property wins, backtracking
     * when the rest does not resolve.
     *
     * @param propertyType the type a property of an owner type has, or empty when there is no such property
     */
    static Optional<List<String>> resolve(String rootType, String expression,
            BiFunction<String, String, Optional<String>> propertyType) {
        List<String> names = new ArrayList<>();
        String owner = rootType;
        for (String segment : expression.split("_")) {
            if (segment.isEmpty()) {
                continue;
            }
            Optional<List<String>> resolved = camel(owner, segment, propertyType, 0);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            for (String name : resolved.get()) {
                owner = propertyType.apply(owner, name).orElse("");
            }
            names.addAll(resolved.get());
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    private static Optional<List<String>> camel(String owner, String source,
            BiFunction<String, String, Optional<String>> propertyType, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        for (int end = source.length(); end > 0; end--) {
            if (end < source.length() && !Character.isUpperCase(source.charAt(end))) {
                continue;
            }
            for (String name : candidates(source.substring(0, end))) {
                Optional<String> type = propertyType.apply(owner, name);
                if (type.isEmpty()) {
                    continue;
                }
                if (end == source.length()) {
                    return Optional.of(List.of(name));
                }
                Optional<List<String>> rest = camel(type.get(), source.substring(end), propertyType, depth + 1);
                if (rest.isPresent()) {
                    List<String> path = new ArrayList<>(List.of(name));
                    path.addAll(rest.get());
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code CustomerEmail} names {@code customerEmail}; {@code URL} may name {@code URL}. */
    private static List<String> candidates(String head) {
        String uncapitalized = Character.toLowerCase(head.charAt(0)) + head.substring(1);
        return uncapitalized.equals(head) ? List.of(head) : List.of(uncapitalized, head);
    }
}
