package io.tributary.warehouse.schema;

import java.util.ArrayList;
import java.util.List;

/** Splits a migration script into statements at semicolons outside quotes and comments; drops comments. */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? script.length() : eol;
            } else if (c == '\'' || c == '"') {
                int close = script.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("Unterminated " + c + " quote in migration script");
                }
                current.append(script, i, close + 1);
                i = close + 1;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
