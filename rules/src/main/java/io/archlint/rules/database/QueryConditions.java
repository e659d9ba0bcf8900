package io.archlint.rules.database;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's filter in disjunctive normal form: OR-branches of AND-ed conditions.
 *
 * <p>A condition's subject is a property path (a derived query's Spring expression such as
 * {@code CustomerAddressCity}, or a JPQL path such as {@code customer.address.city}), a column of
 * a native query, or a document field; {@code null} when the condition is something the rule
 * does not model (a function, a subquery, two columns compared), which makes its branch
 * undecidable.
 */
record QueryConditions(List<List<Condition>> branches) {

    /** More branches than this and the filter is treated as unknown. */
    static final int MAX_BRANCHES = 32;

    /** How a condition compares, as far as a plain B-tree (or Mongo) index on the column is concerned. */
    enum Comparison {
        /** {@code =}, {@code IN}: an index lookup. */
        EQUAL,
        /** {@code <}, {@code >}, {@code BETWEEN}, before/after: an index range scan. */
        RANGE,
        /** A boolean literal: too few distinct values for an index to pay off. */
        FLAG,
        /** Not equal, null checks, {@code LIKE}, containing, case-insensitive: a plain index does not serve it. */
        OTHER
    }

    /** One condition; {@code subject} is null when the rule does not understand it. */
    record Condition(String subject, Comparison comparison) {

        static Condition unknown() {
            return new Condition(null, Comparison.OTHER);
        }

        boolean known() {
            return subject != null;
        }
    }

    static QueryConditions none() {
        return new QueryConditions(List.of());
    }

    static QueryConditions of(Condition condition) {
        return new QueryConditions(List.of(List.of(condition)));
    }

    boolean isEmpty() {
        return branches.isEmpty();
    }

    /** {@code this OR other}. */
    QueryConditions or(QueryConditions other) {
        List<List<Condition>> all = new ArrayList<>(branches);
        all.addAll(other.branches);
        return bounded(all);
    }

    /** {@code this AND other}, distributed over the branches. */
    QueryConditions and(QueryConditions other) {
        if (branches.isEmpty()) {
            return other;
        }
        if (other.branches.isEmpty()) {
            return this;
        }
        List<List<Condition>> all = new ArrayList<>();
        for (List<Condition> left : branches) {
            for (List<Condition> right : other.branches) {
                List<Condition> both = new ArrayList<>(left);
                both.addAll(right);
                all.add(both);
                if (all.size() > MAX_BRANCHES) {
                    return of(Condition.unknown());
                }
            }
        }
        return bounded(all);
    }

    private static QueryConditions bounded(List<List<Condition>> branches) {
        return branches.size() > MAX_BRANCHES ? of(Condition.unknown()) : new QueryConditions(List.copyOf(branches));
    }
}
