package io.archlint.engine.migrations;

import java.util.Locale;

/** Normalises SQL names the way the facet reports them: lower case, unquoted, without schema. */
final class Names {

    private Names() {}

    /** {@code "Public"."Orders"} and {@code `shop`.`orders`} both become {@code orders}. */
    static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String last = lastPart(name.strip());
        return unquote(last).toLowerCase(Locale.ROOT);
    }

    static String unquote(String part) {
        String p = part.strip();
        if (p.length() >= 2 && ((p.startsWith("\"") && p.endsWith("\"")) || (p.startsWith("`") && p.endsWith("`"))
                || (p.startsWith("[") && p.endsWith("]")))) {
            return p.substring(1, p.length() - 1);
        }
        return p;
    }

    /** The part after the last dot that is not inside quotes. */
    private static String lastPart(String name) {
        int start = 0;
        char quote = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                start = i + 1;
            }
        }
        return name.substring(start);
    }

    /** A type written the same way whatever its spelling: {@code INTEGER} and {@code int4} alike. */
    static String normalizeType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?\\( ?", "(")
                .replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")").strip();
        // MySQL display widths (bigint(20)) mean nothing for the stored values.
        t = t.replaceAll("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)", "$1");
        return switch (t) {
            case "int", "int4", "integer", "serial", "serial4" -> "integer";
            case "int8", "bigint", "bigserial", "serial8" -> "bigint";
            case "int2", "smallint", "smallserial", "serial2" -> "smallint";
            case "bool", "boolean" -> "boolean";
            case "float8", "double precision", "double" -> "double precision";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            default -> t.replaceFirst("^character varying", "varchar").replaceFirst("^varchar2", "varchar")
                    .replaceFirst("^(decimal|numeric)", "numeric");
        };
    }
}
