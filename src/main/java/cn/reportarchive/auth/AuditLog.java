package cn.reportarchive.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log: an {@code audit} table in the SQLite catalog file that only grows. Two triggers
 * make the database itself refuse any UPDATE or DELETE of it, whatever code asks, so nothing in
 * the product (nor a bug in it) can change what was recorded. Ids come from AUTOINCREMENT and are
 * never reused, so a gap would show. Writes go through their own connection, fsynced like the
 * catalog: an entry acknowledged is on disk.
 */
public final class AuditLog implements AutoCloseable {
    private static final int MAX_TEXT = 2000;

    public record Page(long total, List<AuditEntry> entries) {
    }

    public interface EntrySink {
        void accept(AuditEntry entry) throws Exception;
    }

    private final Connection db;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Path file, Clock clock) throws SQLException {
        this.clock = clock;
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS audit (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      at INTEGER NOT NULL,
                      username TEXT,
                      address TEXT,
                      action TEXT NOT NULL,
                      target TEXT,
                      detail TEXT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS audit_at ON audit(at)");
            s.execute("CREATE INDEX IF NOT EXISTS audit_user_at ON audit(username, at)");
            s.execute("""
                    CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改。'); END""");
            s.execute("""
                    CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除。'); END""");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Appends one entry stamped with the current time and returns it. Long texts are cut at 2,000
     * characters (a query pasted in whole must not bloat the log).
     */
    public AuditEntry append(String user, String address, AuditAction action, String target,
                             Map<String, ?> detail) throws SQLException {
        Instant at = clock.instant();
        String detailJson = toJson(detail == null ? Map.of() : detail);
        synchronized (this) {
            try (PreparedStatement q = db.prepareStatement(
                    "INSERT INTO audit (at, username, address, action, target, detail) VALUES (?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                q.setLong(1, at.toEpochMilli());
                q.setString(2, cut(user));
                q.setString(3, cut(address));
                q.setString(4, action.key());
                q.setString(5, cut(target));
                q.setString(6, detailJson);
                q.executeUpdate();
                try (ResultSet keys = q.getGeneratedKeys()) {
                    long id = keys.next() ? keys.getLong(1) : 0;
                    return new AuditEntry(id, Instant.ofEpochMilli(at.toEpochMilli()), cut(user), cut(address),
                            action.key(), cut(target), fromJson(detailJson));
                }
            }
        }
    }

    /** One page of the entries that match, newest first, and how many match in all. */
    public synchronized Page query(AuditQuery query) throws SQLException {
        long total;
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM audit" + where)) {
            bind(q, args);
            try (ResultSet rs = q.executeQuery()) {
                total = rs.next() ? rs.getLong(1) : 0;
            }
        }
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT * FROM audit" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            bind(q, args);
            q.setInt(args.size() + 1, query.size());
            q.setLong(args.size() + 2, (long) (query.page() - 1) * query.size());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    entries.add(row(rs));
                }
            }
        }
        return new Page(total, entries);
    }

    /**
     * Every entry that matches (paging ignored), oldest first, handed over one at a time. Read a
     * thousand at a time, so that a long export does not hold up the entries being written meanwhile.
     */
    public void forEach(AuditQuery query, EntrySink sink) throws Exception {
        long after = 0;
        while (true) {
            List<AuditEntry> chunk = new ArrayList<>();
            synchronized (this) {
                List<Object> args = new ArrayList<>();
                String where = where(query, args) + " AND id > ?";
                args.add(after);
                try (PreparedStatement q = db.prepareStatement("SELECT * FROM audit" + where + " ORDER BY id LIMIT 1000")) {
                    bind(q, args);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            chunk.add(row(rs));
                        }
                    }
                }
            }
            for (AuditEntry e : chunk) {
                sink.accept(e);
            }
            if (chunk.size() < 1000) {
                return;
            }
            after = chunk.get(chunk.size() - 1).id();
        }
    }

    private static String where(AuditQuery query, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE 1=1");
        if (query.user() != null) {
            sql.append(" AND username = ?");
            args.add(query.user());
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            args.add(query.action());
        }
        if (query.target() != null) {
            sql.append(" AND target = ?");
            args.add(query.target());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            args.add(query.to().toEpochMilli());
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement q, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            q.setObject(i + 1, args.get(i));
        }
    }

    private AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("username"),
                rs.getString("address"), rs.getString("action"), rs.getString("target"),
                fromJson(rs.getString("detail")));
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }

    private String toJson(Map<String, ?> detail) throws SQLException {
        Map<String, Object> cut = new java.util.LinkedHashMap<>();
        detail.forEach((k, v) -> cut.put(k, v instanceof String s ? cut(s) : v));
        try {
            return json.writeValueAsString(cut);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode an audit detail", e);
        }
    }

    private Map<String, Object> fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode an audit detail", e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
