package io.archlint.engine.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements, keeping the line each starts on. Knows comments, string
 * literals, quoted names, PostgreSQL dollar quotes ({@code $$ ... $$}, {@code $body$ ... $body$}),
 * MySQL's {@code DELIMITER} command, and batch separators on a line of their own ({@code GO},
 * Oracle's {@code /}).
 */
final class SqlScript {

    /** One statement: its text without the delimiter, trimmed, and its 1-based first line. */
    record Statement(String text, int line) {}

    private SqlScript() {}

    static List<Statement> split(String script) {
        return split(script, ";", 1);
    }

    /**
     * @param delimiter the statement delimiter ({@code ;} unless a Liquibase change says otherwise)
     * @param firstLine the line of the script's first character in its file
     */
    static List<Statement> split(String script, String delimiter, int firstLine) {
        List<Statement> statements = new ArrayList<>();
        String delim = delimiter == null || delimiter.isBlank() ? ";" : delimiter.strip();
        int line = firstLine;
        int start = -1;
        int startLine = line;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            boolean atLineStart = i == 0 || script.charAt(i - 1) == '\n';
            if (atLineStart && start < 0) {
                // Commands that stand on a line of their own, between statements.
                int end = lineEnd(script, i);
                String whole = script.substring(i, end).strip();
                String upper = whole.toUpperCase(Locale.ROOT);
                if (upper.startsWith("DELIMITER ") || upper.equals("DELIMITER")) {
                    String next = whole.substring("DELIMITER".length()).strip();
                    delim = next.isEmpty() ? ";" : next;
                    i = end;
                    continue;
                }
            }
            if (atLineStart && isSeparatorLine(script, i)) {
                if (start >= 0) {
                    statements.add(new Statement(script.substring(start, i).strip(), startLine));
                    start = -1;
                }
                i = lineEnd(script, i);
                continue;
            }
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                i = lineEnd(script, i);
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int close = script.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                line += count(script, i, end);
                i = end;
                continue;
            }
            if (script.startsWith(delim, i)) {
                if (start >= 0) {
                    statements.add(new Statement(script.substring(start, i).strip(), startLine));
                    start = -1;
                }
                i += delim.length();
                continue;
            }
            if (start < 0) {
                start = i;
                startLine = line;
            }
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(script, i, c);
            } else if (c == '$') {
                String tag = dollarTag(script, i);
                if (tag != null) {
                    int close = script.indexOf(tag, i + tag.length());
                    end = close < 0 ? n : close + tag.length();
                }
            }
            line += count(script, i, end);
            i = end;
        }
        if (start >= 0) {
            String rest = script.substring(start).strip();
            if (!rest.isEmpty()) {
                statements.add(new Statement(rest, startLine));
            }
        }
        return statements;
    }

    /** A line holding only {@code GO} (SQL Server) or {@code /} (Oracle SQL*Plus). */
    private static boolean isSeparatorLine(String script, int lineStart) {
        String whole = script.substring(lineStart, lineEnd(script, lineStart)).strip();
        return whole.equals("/") || whole.equalsIgnoreCase("GO");
    }

    private static int lineEnd(String script, int from) {
        int end = script.indexOf('\n', from);
        return end < 0 ? script.length() : end;
    }

    private static int closingQuote(String script, int open, char quote) {
        int i = open + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null ({@code $1} is a parameter). */
    private static String dollarTag(String script, int i) {
        int j = i + 1;
        while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
            j++;
        }
        if (j >= script.length() || script.charAt(j) != '$') {
            return null;
        }
        if (j > i + 1 && Character.isDigit(script.charAt(i + 1))) {
            return null;
        }
        return script.substring(i, j + 1);
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int k = from; k < Math.min(to, text.length()); k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
