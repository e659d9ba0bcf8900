package io.archlint.engine.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small SQL lexer for the DDL recogniser: words, quoted names, literals and symbols, comments dropped. */
final class SqlTokens {

    enum Type { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /** One token; {@code text} as written. */
    record Token(Type type, String text) {

        boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        boolean isName() {
            return type == Type.WORD || type == Type.QUOTED;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlTokens() {}

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int end = close(sql, i, '\'');
                tokens.add(new Token(Type.STRING, sql.substring(i, end)));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = close(sql, i, c);
                tokens.add(new Token(Type.QUOTED, sql.substring(i, end)));
                i = end;
            } else if (c == '[' && isBracketName(sql, i)) {
                int end = sql.indexOf(']', i);
                tokens.add(new Token(Type.QUOTED, sql.substring(i, end + 1)));
                i = end + 1;
            } else if (c == '$' && dollarEnd(sql, i) > 0) {
                int end = dollarEnd(sql, i);
                tokens.add(new Token(Type.STRING, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || "_$#".indexOf(sql.charAt(j)) >= 0)) {
                    j++;
                }
                tokens.add(new Token(Type.WORD, sql.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Type.NUMBER, sql.substring(i, j)));
                i = j;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Type.SYMBOL, "::"));
                i += 2;
            } else {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** {@code [dbo]} is a name, {@code [3]} or {@code []} of an array type is not. */
    private static boolean isBracketName(String sql, int open) {
        int end = sql.indexOf(']', open);
        if (end < 0) {
            return false;
        }
        String inside = sql.substring(open + 1, end).strip();
        return !inside.isEmpty() && !inside.chars().allMatch(Character::isDigit) && inside.indexOf('\n') < 0;
    }

    private static int close(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int dollarEnd(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$' || (j > i + 1 && Character.isDigit(sql.charAt(i + 1)))) {
            return -1;
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    /** Tokens written back as SQL: {@code numeric(12, 2)}, {@code timestamp with time zone}. */
    static String render(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            boolean tight = previous == null || token.isSymbol(")") || token.isSymbol(",") || token.isSymbol(".")
                    || token.isSymbol("::") || token.isSymbol("[") || token.isSymbol("]")
                    || previous.isSymbol("(") || previous.isSymbol(".") || previous.isSymbol("::")
                    || previous.isSymbol("[") || (token.isSymbol("(") && previous.isName());
            if (!tight) {
                out.append(' ');
            }
            out.append(token.text());
            previous = token;
        }
        return out.toString();
    }
}
