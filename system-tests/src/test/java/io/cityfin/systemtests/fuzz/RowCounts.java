package io.cityfin.systemtests.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The number of rows of every table of every app's database, over JDBC: taken before and after a refused write, two
 * of them show whether the refusal stored anything. Each count is exact ({@code count(*)}), not the planner's guess.
 */
public final class RowCounts implements AutoCloseable {

    private final Map<String, Connection> databases;

    private final Set<String> ignored;

    private final Map<String, List<String>> tables = new LinkedHashMap<>();

    /**
     * @param databases an open connection per database name
     * @param ignored {@code database.table} names whose rows change without a write by the client (say a request log)
     */
    public RowCounts(Map<String, Connection> databases, Set<String> ignored) throws SQLException {
        this.databases = new LinkedHashMap<>(databases);
        this.ignored = Set.copyOf(ignored);
        for (Map.Entry<String, Connection> database : this.databases.entrySet()) {
            List<String> names = new ArrayList<>();
            try (Statement statement = database.getValue().createStatement();
                    ResultSet rows = statement.executeQuery("select table_schema || '.' || table_name from information_schema.tables"
                            + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')"
                            + " order by 1")) {
                while (rows.next()) {
                    if (!this.ignored.contains(database.getKey() + "." + rows.getString(1))) {
                        names.add(rows.getString(1));
                    }
                }
            }
            tables.put(database.getKey(), names);
        }
    }

    /** How many tables it counts. */
    public int tables() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    /** {@code database.schema.table} → rows, now. */
    public Map<String, Long> snapshot() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, List<String>> database : tables.entrySet()) {
            if (database.getValue().isEmpty()) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            for (String table : database.getValue()) {
                query.append(query.length() == 0 ? "" : " union all ")
                    .append("select '").append(table).append("', count(*) from ").append(quote(table));
            }
            try (Statement statement = databases.get(database.getKey()).createStatement();
                    ResultSet rows = statement.executeQuery(query.toString())) {
                while (rows.next()) {
                    counts.put(database.getKey() + "." + rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The tables whose counts differ, as {@code table: before -> after}; empty when none does. */
    public static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name + ": " + before.get(name) + " -> " + after.get(name));
            }
        }
        return changed;
    }

    private static String quote(String table) {
        String[] parts = table.split("\\.", 2);
        return "\"" + parts[0].replace("\"", "\"\"") + "\".\"" + parts[1].replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : databases.values()) {
            connection.close();
        }
    }
}
