package cn.reportarchive.archive;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit directory's tables in the catalog database (so that backup copies them with the rest):
 * {@code unit_units} (each unit, its display name, the unit it was merged into), {@code unit_names}
 * (each recorded name, its key, the unit it was first recorded in), {@code unit_uses} (the name each
 * report was stored under) and {@code unit_state} (whether the catalog's rows were brought in, and
 * whether a merge is under way). The SQL only: {@link UnitDirectory} decides. Not thread-safe; the
 * directory calls it under its own lock.
 */
final class UnitTables implements AutoCloseable {
    record UnitRow(long id, String display, Long mergedInto) {
    }

    record NameRow(String name, long home) {
    }

    private final Connection db;

    private UnitTables(Connection db) {
        this.db = db;
    }

    /** The tables in the catalog database at this path, created when missing. */
    static UnitTables open(Path catalogFile) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS unit_units (
                      id INTEGER PRIMARY KEY,
                      display TEXT NOT NULL UNIQUE,
                      merged_into INTEGER REFERENCES unit_units(id),
                      merged_at TEXT,
                      merged_by TEXT)""");
            s.execute("CREATE TABLE IF NOT EXISTS unit_names (name TEXT PRIMARY KEY, key TEXT NOT NULL, home INTEGER NOT NULL)");
            // the name each report was stored under (typed, read or corrected), for the units listing
            s.execute("CREATE TABLE IF NOT EXISTS unit_uses (report_id TEXT PRIMARY KEY, name TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS unit_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            return new UnitTables(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    // --- transactions

    void begin() throws SQLException {
        db.setAutoCommit(false);
    }

    void commit() throws SQLException {
        db.commit();
        db.setAutoCommit(true);
    }

    void rollback() throws SQLException {
        try {
            db.rollback();
        } finally {
            db.setAutoCommit(true);
        }
    }

    // --- units and names

    List<UnitRow> units() throws SQLException {
        List<UnitRow> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, display, merged_into FROM unit_units")) {
            while (rs.next()) {
                long up = rs.getLong(3);
                Long mergedInto = rs.wasNull() ? null : up;
                out.add(new UnitRow(rs.getLong(1), rs.getString(2), mergedInto));
            }
        }
        return out;
    }

    /** In the order they were recorded: the first name of a key decides the key's unit. */
    List<NameRow> names() throws SQLException {
        List<NameRow> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT name, home FROM unit_names ORDER BY rowid")) {
            while (rs.next()) {
                out.add(new NameRow(rs.getString(1), rs.getLong(2)));
            }
        }
        return out;
    }

    long insertUnit(String display) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("INSERT INTO unit_units (display) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            q.setString(1, display);
            q.executeUpdate();
            try (ResultSet rs = q.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void insertName(String name, String key, long home) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("INSERT INTO unit_names (name, key, home) VALUES (?,?,?)")) {
            q.setString(1, name);
            q.setString(2, key);
            q.setLong(3, home);
            q.executeUpdate();
        }
    }

    /** The unit now merged into {@code into} (null: merged into none), by whom. */
    void setMerged(long unit, Long into, String by) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "UPDATE unit_units SET merged_into = ?, merged_at = ?, merged_by = ? WHERE id = ?")) {
            if (into == null) {
                q.setNull(1, java.sql.Types.INTEGER);
                q.setNull(2, java.sql.Types.VARCHAR);
                q.setNull(3, java.sql.Types.VARCHAR);
            } else {
                q.setLong(1, into);
                q.setString(2, Instant.now().toString());
                q.setString(3, by);
            }
            q.setLong(4, unit);
            q.executeUpdate();
        }
    }

    // --- the name each report was stored under

    String usedName(String reportId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT name FROM unit_uses WHERE report_id = ?")) {
            q.setString(1, reportId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    Map<String, String> usedNames() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT report_id, name FROM unit_uses")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    void putUse(String reportId, String name) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("INSERT OR REPLACE INTO unit_uses (report_id, name) VALUES (?,?)")) {
            q.setString(1, reportId);
            q.setString(2, name);
            q.executeUpdate();
        }
    }

    void deleteUse(String reportId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("DELETE FROM unit_uses WHERE report_id = ?")) {
            q.setString(1, reportId);
            q.executeUpdate();
        }
    }

    /** (name, year or null, reports) of every report in the catalog that has a recorded name. */
    List<UnitEntry.Use> uses() throws SQLException {
        List<UnitEntry.Use> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT u.name, r.year, count(*) FROM unit_uses u JOIN reports r ON r.id = u.report_id GROUP BY u.name, r.year")) {
            while (rs.next()) {
                int y = rs.getInt(2);
                out.add(new UnitEntry.Use(rs.getString(1), rs.wasNull() ? null : y, rs.getInt(3)));
            }
        }
        return out;
    }

    // --- state

    boolean needsReconcile() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT key FROM unit_state WHERE key IN ('migrated', 'dirty')")) {
            Set<String> keys = new HashSet<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            return !keys.contains("migrated") || keys.contains("dirty");
        }
    }

    void markDirty() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT OR REPLACE INTO unit_state (key, value) VALUES ('dirty', '1')");
        }
    }

    void reconciled() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT OR REPLACE INTO unit_state (key, value) VALUES ('migrated', '1')");
            s.executeUpdate("DELETE FROM unit_state WHERE key = 'dirty'");
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
