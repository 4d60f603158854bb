package io.tributary.warehouse.load;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JDBC connection that answers nothing but records what is sent, so the SQL of a dialect that cannot run here
 * (Redshift) can be checked statement by statement. Queries answer from {@code answers}: one string cell or no row.
 */
final class RecordingConnection {
    /** One executed statement and the parameters bound to it. */
    record Executed(String sql, List<Object> params) {
    }

    final List<Executed> executed = new ArrayList<>();
    private final Function<String, Optional<String>> answers;

    RecordingConnection(Function<String, Optional<String>> answers) {
        this.answers = answers;
    }

    List<String> sql() {
        return executed.stream().map(Executed::sql).toList();
    }

    Connection connection() {
        return proxy(Connection.class, (p, m, args) -> switch (m.getName()) {
            case "getAutoCommit" -> true;
            case "setAutoCommit", "close" -> null;
            case "commit" -> record("COMMIT", List.of());
            case "rollback" -> record("ROLLBACK", List.of());
            case "createStatement" -> statement();
            case "prepareStatement" -> prepared((String) args[0]);
            default -> throw new SQLFeatureNotSupportedException("Connection." + m.getName());
        });
    }

    private Statement statement() {
        return proxy(Statement.class, (p, m, args) -> switch (m.getName()) {
            case "execute" -> {
                record((String) args[0], List.of());
                yield false;
            }
            case "executeUpdate" -> update((String) args[0], List.of());
            case "executeQuery" -> query((String) args[0], List.of());
            case "close" -> null;
            default -> throw new SQLFeatureNotSupportedException("Statement." + m.getName());
        });
    }

    private PreparedStatement prepared(String sql) {
        List<Object> params = new ArrayList<>();
        return proxy(PreparedStatement.class, (p, m, args) -> {
            if (m.getName().startsWith("set")) {
                params.add(m.getName().equals("setNull") ? null : args[1]);
                return null;
            }
            return switch (m.getName()) {
                case "executeUpdate" -> update(sql, Collections.unmodifiableList(new ArrayList<>(params)));
                case "executeQuery" -> query(sql, Collections.unmodifiableList(new ArrayList<>(params)));
                case "addBatch" -> {
                    record(sql, Collections.unmodifiableList(new ArrayList<>(params)));
                    params.clear();
                    yield null;
                }
                case "executeBatch" -> new int[0];
                case "close" -> null;
                default -> throw new SQLFeatureNotSupportedException("PreparedStatement." + m.getName());
            };
        });
    }

    private Object record(String sql, List<Object> params) {
        executed.add(new Executed(sql, params));
        return null;
    }

    private int update(String sql, List<Object> params) {
        record(sql, params);
        return answers.apply(sql).map(Integer::parseInt).orElse(0);
    }

    private ResultSet query(String sql, List<Object> params) {
        record(sql, params);
        Optional<String> cell = answers.apply(sql);
        boolean[] consumed = {false};
        return proxy(ResultSet.class, (p, m, args) -> switch (m.getName()) {
            case "next" -> {
                boolean hasRow = cell.isPresent() && !consumed[0];
                consumed[0] = true;
                yield hasRow;
            }
            case "getString" -> cell.orElseThrow();
            case "getLong" -> Long.parseLong(cell.orElseThrow());
            case "close" -> null;
            default -> throw new SQLFeatureNotSupportedException("ResultSet." + m.getName());
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> isObjectMethod(m) ? objectMethod(p, m, args) : handler.invoke(p, m, args)));
    }

    private static boolean isObjectMethod(Method m) {
        return m.getDeclaringClass() == Object.class;
    }

    private static Object objectMethod(Object proxy, Method m, Object[] args) {
        return switch (m.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "RecordingConnection proxy";
        };
    }
}
