package cn.reportarchive.auth;

import cn.reportarchive.json.JsonMappers;
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
 * The audit log: an {@code audit} table in the SQLite catalog file that only grows. Triggers make
 * the database itself refuse any UPDATE or DELETE of it and any INSERT that is not a new last entry
 * (REPLACE INTO would rewrite one in place without a delete), whatever code asks. The entries are a
 * hash chain ({@link AuditChain}): each holds the hash of the one before, and ids run without a
 * gap, so {@code verify} finds an entry rewritten, removed or put out of order. A trigger found
 * missing when the log is opened is put back, and that itself is recorded.
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
    private final ObjectMapper json = JsonMappers.create();
    private final Object queue = new Object();
    private List<Pending> pending = new ArrayList<>();
    private boolean flushing;

    public AuditLog(Path file, Clock clock) throws SQLException {
        this.clock = clock;
        writer = Sqlite.openImmediate(file);
        try (Statement s = writer.createStatement()) {
            boolean existed = has(s, "table", "audit");
            List<String> missing = new ArrayList<>();
            if (existed) {
                for (String t : AuditChain.TRIGGERS) {
                    if (!has(s, "trigger", t)) {
                        missing.add(t);
                    }
                }
            }
            s.execute("""
                    CREATE TABLE IF NOT EXISTS audit (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      at INTEGER NOT NULL,
                      username TEXT,
                      address TEXT,
                      action TEXT NOT NULL,
                      target TEXT,
                      detail TEXT NOT NULL,
                      prev TEXT,
                      hash TEXT)""");
            s.execute("CREATE INDEX IF NOT EXISTS audit_at ON audit(at)");
            s.execute("CREATE INDEX IF NOT EXISTS audit_user_at ON audit(username, at)");
            boolean migrating = existed && !hasColumn(s, "hash");
            if (migrating) {
                chainExisting(s);
                missing.remove("audit_append_only"); // logs from before the chain never had it
            }
            createTriggers(s);
            db = Sqlite.open(file);
            if (!missing.isEmpty()) {
                append(null, "系统", AuditAction.AUDIT_TRIGGERS_RESTORED, null,
                        Map.of("缺失的触发器", String.join("、", missing)));
            }
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
    }

    private static void createTriggers(Statement s) throws SQLException {
        s.execute("""
                CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改。'); END""");
        s.execute("""
                CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除。'); END""");
        s.execute("""
                CREATE TRIGGER IF NOT EXISTS audit_append_only BEFORE INSERT ON audit
                WHEN NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit)
                  OR NEW.hash IS NULL OR NEW.prev IS NOT (SELECT hash FROM audit ORDER BY id DESC LIMIT 1)
                     AND EXISTS (SELECT 1 FROM audit)
                BEGIN SELECT RAISE(ABORT, '审计日志只能在末尾追加。'); END""");
    }

    /**
     * A log from before the chain: the columns added and every entry chained from the first on, in
     * one transaction (the update trigger is lifted for it and put back before the commit).
     */
    private void chainExisting(Statement s) throws SQLException {
        writer.setAutoCommit(false);
        try {
            s.execute("ALTER TABLE audit ADD COLUMN prev TEXT");
            s.execute("ALTER TABLE audit ADD COLUMN hash TEXT");
            s.execute("DROP TRIGGER IF EXISTS audit_no_update");
            String prev = AuditChain.GENESIS;
            try (PreparedStatement read = writer.prepareStatement(
                    "SELECT id, at, username, address, action, target, detail FROM audit ORDER BY id");
                 PreparedStatement update = writer.prepareStatement("UPDATE audit SET prev = ?, hash = ? WHERE id = ?");
                 ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String hash = AuditChain.hash(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), prev);
                    update.setString(1, prev);
                    update.setString(2, hash);
                    update.setLong(3, rs.getLong(1));
                    update.executeUpdate();
                    prev = hash;
                }
            }
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    private static boolean has(Statement s, String type, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = '" + type + "' AND name = '" + name + "'")) {
            return rs.next();
        }
    }

    private static boolean hasColumn(Statement s, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(audit)")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The chain checked: what verify and the backup check report. */
    public synchronized AuditChain.Report check() throws SQLException {
        return AuditChain.check(db);
    }

    /** Who acts from the command line, as the address column says it: the operating system's user. */
    public static String commandLineAddress() {
        return "命令行（系统用户 " + System.getProperty("user.name", "?") + "）";
    }

    /**
     * Records an action of a command-line command (import, edit, delete, backup, restore, template,
     * user, units merge…): no account name, the system user as the address. For the commands of
     * every part of the product, so they are all recorded alike:
     *
     * <pre>{@code
     * app.auth().audit().recordCommandLine(AuditAction.DELETE, id, Map.of("title", r.title()));
     * }</pre>
     */
    public AuditEntry recordCommandLine(AuditAction action, String target, Map<String, ?> detail) throws SQLException {
        return append(null, commandLineAddress(), action, target, detail);
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

    /**
     * Writes a batch in one transaction, each entry chained to the last one written (by this
     * process or another: the last is read inside the transaction, which holds the write lock from
     * its start); the failure, if any, is every entry's.
     */
    private SQLException write(List<Pending> batch) {
        try {
            writer.setAutoCommit(false);
            try (PreparedStatement last = writer.prepareStatement("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
                 PreparedStatement q = writer.prepareStatement(
                    "INSERT INTO audit (id, at, username, address, action, target, detail, prev, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                long id = 0;
                String prev = AuditChain.GENESIS;
                try (ResultSet rs = last.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        prev = rs.getString(2);
                    }
                }
                // past the counter too: entries cut off the end leave their ids unused, a gap verify sees
                try (Statement st = writer.createStatement();
                     ResultSet rs = st.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) {
                    if (rs.next()) {
                        id = Math.max(id, rs.getLong(1));
                    }
                }
                for (Pending p : batch) {
                    AuditEntry e = p.entry;
                    id++;
                    String hash = AuditChain.hash(id, e.at().toEpochMilli(), e.user(), e.address(), e.action(),
                            e.target(), p.detailJson, prev);
                    q.setLong(1, id);
                    q.setLong(2, e.at().toEpochMilli());
                    q.setString(3, e.user());
                    q.setString(4, e.address());
                    q.setString(5, e.action());
                    q.setString(6, e.target());
                    q.setString(7, p.detailJson);
                    q.setString(8, prev);
                    q.setString(9, hash);
                    q.executeUpdate();
                    p.id = id;
                    prev = hash;
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
