package io.archlint.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the fields of one {@link ModuleFactsRule} fact: tab-separated, with tabs, line
 * breaks and backslashes escaped, so messages and symbols of any text survive the cache.
 */
public final class FactLines {

    private FactLines() {}

    /** One fact with the file it was read in; field 0 is its kind. */
    public record Fact(String file, List<String> fields) {
        public String field(int index) {
            return fields.get(index);
        }

        public int intField(int index) {
            return Integer.parseInt(fields.get(index));
        }
    }

    /** The facts of one kind, in path order and then in the order each file gave them. */
    public static List<Fact> ofKind(java.util.SortedMap<String, List<String>> facts, String kind) {
        List<Fact> found = new ArrayList<>();
        facts.forEach((file, lines) -> {
            for (String line : lines) {
                List<String> fields = split(line);
                if (fields.get(0).equals(kind)) {
                    found.add(new Fact(file, fields));
                }
            }
        });
        return found;
    }

    /** One fact from its fields. */
    public static String join(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            String field = String.valueOf(fields[i]);
            for (int j = 0; j < field.length(); j++) {
                char c = field.charAt(j);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
        return line.toString();
    }

    /** The fields of a fact {@link #join} wrote. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                field.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
