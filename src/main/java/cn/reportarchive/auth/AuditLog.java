package cn.reportarchive.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
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
 * never reused, so a gap would show.
 *
 * <p>An entry acknowledged is on disk (fsynced, like the catalog). An fsync costs milliseconds, so
 * entries that arrive while one is under way are written together in the next transaction (group
 * commit): each caller still waits for its own entry, but concurrent searches do not queue behind
 * one fsync each. Reading goes through a second connection and never waits for a write.
 */
public final class AuditLog implements AutoCloseable {
    private static final int MAX_TEXT = 2000;

    public record Page(long total, List<AuditEntry> entries) {
    }

    public interface EntrySink {
        void accept(AuditEntry entry) throws Exception;
    }

    /** An entry waiting for the transaction that writes it. */
    private static final class Pending {
        final AuditEntry entry;
        final String detailJson;
        long id;
        SQLException error;
        boolean done;

        Pending(AuditEntry entry, String detailJson) {
            this.entry = entry;
            this.detailJson = detailJson;
        }
    }

    private final Connection writer;
    private final Connection db;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Object queue = new Object();
    private List<Pending> pending = new ArrayList<>();
    private boolean flushing;

    public AuditLog(Path file, Clock clock) throws SQLException {
        this.clock = clock;
        writer = Sqlite.open(file);
        try (Statement s = writer.createStatement()) {
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
            db = Sqlite.open(file);
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
    }

    /** Appends one entry stamped with the log's clock. */
    public AuditEntry append(String user, String address, AuditAction action, String target,
                             Map<String, ?> detail) throws SQLException {
        return append(clock.instant(), user, address, action, target, detail);
    }

    /**
     * Appends one entry stamped with this time and returns it. Long texts are cut at 2,000
     * characters (a query pasted in whole must not bloat the log).
     */
    public AuditEntry append(Instant time, String user, String address, AuditAction action, String target,
                             Map<String, ?> detail) throws SQLException {
        Instant at = Instant.ofEpochMilli(time.toEpochMilli());
        String detailJson = toJson(detail == null ? Map.of() : detail);
        Pending p = new Pending(new AuditEntry(0, at, cut(user), cut(address), action.key(), cut(target),
                fromJson(detailJson)), detailJson);
        List<Pending> batch = null;
        boolean interrupted = false;
        synchronized (queue) {
            pending.add(p);
            while (!p.done && batch == null) {
                if (!flushing) { // lead: write what is waiting, this entry among it
                    flushing = true;
                    batch = pending;
                    pending = new ArrayList<>();
                } else {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the entry is queued: wait for it all the same
                    }
                }
            }
        }
        if (batch != null) {
            SQLException failure = write(batch);
            synchronized (queue) {
                for (Pending b : batch) {
                    b.error = failure;
                    b.done = true;
                }
                flushing = false;
                queue.notifyAll();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (p.error != null) {
            throw new SQLException("audit entry not written", p.error);
        }
        AuditEntry e = p.entry;
        return new AuditEntry(p.id, e.at(), e.user(), e.address(), e.action(), e.target(), e.detail());
    }

    /** Writes a batch in one transaction; the failure, if any, is every entry's. */
    private SQLException write(List<Pending> batch) {
        try {
            writer.setAutoCommit(false);
            try (PreparedStatement q = writer.prepareStatement(
                    "INSERT INTO audit (at, username, address, action, target, detail) VALUES (?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (Pending p : batch) {
                    AuditEntry e = p.entry;
                    q.setLong(1, e.at().toEpochMilli());
                    q.setString(2, e.user());
                    q.setString(3, e.address());
                    q.setString(4, e.action());
                    q.setString(5, e.target());
                    q.setString(6, p.detailJson);
                    q.executeUpdate();
                    try (ResultSet keys = q.getGeneratedKeys()) {
                        p.id = keys.next() ? keys.getLong(1) : 0;
                    }
                }
                writer.commit();
                return null;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                return e instanceof SQLException s ? s : new SQLException(e);
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return e;
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
        synchronized (queue) {
            while (flushing) {
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            db.close();
        } finally {
            writer.close();
        }
    }
}
