package cn.reportarchive.compare;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the copy check and the common problems keep of each text, in SQLite beside the catalog
 * ({@code copies.db}): its fingerprints (one row per text, written at import), the pairs it makes,
 * its problem points with their MinHash bands, the verified links between points of one band, and
 * the weight snapshot. One row per text or point: the archive-wide answers read these, never the
 * reports' JSON. Every method runs on one connection, one caller at a time.
 */
final class CopyStore implements AutoCloseable {
    private final Connection db;
    /** Prepared once: the same few statements run hundreds of times for each imported report. */
    private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();
    /** {@link #completeReports()} as last counted; -1: to be counted (the texts changed since). */
    private long completeReports = -1;

    CopyStore(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL"); // a derived store: what a crash loses is rebuilt from the catalog
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA cache_size=-16000");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS texts (id TEXT PRIMARY KEY, doc INTEGER, unit TEXT, author TEXT, year INTEGER,
                      title TEXT, template INTEGER NOT NULL, complete INTEGER NOT NULL, own INTEGER NOT NULL, prints BLOB NOT NULL)""");
            // the placed reports counted from this alone, not from the table's pages with the prints
            s.execute("CREATE INDEX IF NOT EXISTS texts_placed ON texts(complete, template)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS pairs (copy TEXT NOT NULL, source TEXT NOT NULL, share REAL NOT NULL,
                      template INTEGER NOT NULL, PRIMARY KEY (copy, source)) WITHOUT ROWID""");
            s.execute("CREATE INDEX IF NOT EXISTS pairs_source ON pairs(source)");
            s.execute("CREATE INDEX IF NOT EXISTS pairs_share ON pairs(share DESC, copy, source)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS points (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, ref TEXT NOT NULL, aspect TEXT,
                      text TEXT NOT NULL, unit TEXT, author TEXT, year INTEGER)""");
            // a report's points by its id, with its unit and year: the common problems read every report's
            // points from this index alone (the ord is its row id), never the points' texts
            s.execute("CREATE INDEX IF NOT EXISTS points_report ON points(id, unit, year)");
            s.execute("DROP INDEX IF EXISTS points_id"); // its prefix: every look-up by id is served as well
            s.execute("CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, ord INTEGER NOT NULL, PRIMARY KEY (key, ord)) WITHOUT ROWID");
            s.execute("CREATE INDEX IF NOT EXISTS bands_ord ON bands(ord)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS links (key INTEGER NOT NULL, ord INTEGER NOT NULL, rep INTEGER NOT NULL,
                      PRIMARY KEY (key, ord)) WITHOUT ROWID""");
            s.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB)");
            s.execute("CREATE TABLE IF NOT EXISTS dirty (id TEXT PRIMARY KEY)");
        }
    }

    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement q = statements.get(sql);
        if (q == null) {
            q = db.prepareStatement(sql);
            statements.put(sql, q);
        }
        return q;
    }

    /** Binds the parameters in order: a String, a Long or Integer, or bytes. */
    private PreparedStatement bound(String sql, Object... params) throws SQLException {
        PreparedStatement q = ps(sql);
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            if (v instanceof String t) {
                q.setString(i + 1, t);
            } else if (v instanceof Long n) {
                q.setLong(i + 1, n);
            } else if (v instanceof Integer n) {
                q.setInt(i + 1, n);
            } else if (v instanceof byte[] bytes) {
                q.setBytes(i + 1, bytes);
            } else {
                throw new IllegalArgumentException("parameter " + v);
            }
        }
        return q;
    }

    /** Runs one statement that changes rows; how many it changed. */
    private int update(String sql, Object... params) throws SQLException {
        return bound(sql, params).executeUpdate();
    }

    /** The first column of every row a query selects, as longs (the points of a report, the members of a band…). */
    private List<Long> longs(String sql, Object... params) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = bound(sql, params).executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What {@code read} makes of the first row a query selects, or null when it selects none. */
    private <T> T first(String sql, RowReader<T> read, Object... params) throws SQLException {
        try (ResultSet rs = bound(sql, params).executeQuery()) {
            return rs.next() ? read.read(rs) : null;
        }
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs the work in one transaction: all of it or none. */
    synchronized <T> T inTransaction(Work<T> work) throws SQLException {
        if (!db.getAutoCommit()) {
            return work.run();
        }
        db.setAutoCommit(false);
        try {
            T out = work.run();
            db.commit();
            return out;
        } catch (SQLException | RuntimeException | Error e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    // ---- texts

    record TextRow(String id, Integer doc, String unit, String author, Integer year, String title, boolean template,
            boolean complete, int own, long[] prints) {
    }

    synchronized void putText(TextRow t) throws SQLException {
        completeReports = -1;
        PreparedStatement q = ps("INSERT OR REPLACE INTO texts VALUES (?,?,?,?,?,?,?,?,?,?)");
        q.setString(1, t.id());
        setInt(q, 2, t.doc());
        q.setString(3, t.unit());
        q.setString(4, t.author());
        setInt(q, 5, t.year());
        q.setString(6, t.title());
        q.setInt(7, t.template() ? 1 : 0);
        q.setInt(8, t.complete() ? 1 : 0);
        q.setInt(9, t.own());
        q.setBytes(10, WeightSnapshot.longs(t.prints()));
        q.executeUpdate();
    }

    synchronized boolean deleteText(String id) throws SQLException {
        completeReports = -1;
        return update("DELETE FROM texts WHERE id = ?", id) > 0;
    }

    synchronized Set<String> textIds() throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM texts ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    synchronized int textCount() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM texts")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    interface RowConsumer {
        void accept(TextRow row) throws SQLException;
    }

    /** Texts that take part (placed reports and templates), in id order; fingerprints read only when asked. */
    synchronized void forEachText(boolean withPrints, boolean onlyOutsideFile, RowConsumer each) throws SQLException {
        String sql = "SELECT id, doc, unit, author, year, title, template, complete, own" + (withPrints ? ", prints" : "")
                + " FROM texts WHERE complete = 1" + (onlyOutsideFile ? " AND doc IS NULL" : "") + " ORDER BY "
                + (onlyOutsideFile ? "id" : "doc IS NULL, doc, id");
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                each.accept(new TextRow(rs.getString(1), getInt(rs, 2), rs.getString(3), rs.getString(4), getInt(rs, 5),
                        rs.getString(6), rs.getInt(7) == 1, rs.getInt(8) == 1, rs.getInt(9),
                        withPrints ? WeightSnapshot.longs(rs.getBytes(10)) : null));
            }
        }
    }

    /** The fingerprints kept for a text, or null. */
    synchronized long[] prints(String id) throws SQLException {
        return first("SELECT prints FROM texts WHERE id = ?", rs -> WeightSnapshot.longs(rs.getBytes(1)), id);
    }

    /** Numbers the texts as the fingerprint file written just now holds them; all others are outside it. */
    synchronized void setDocs(Map<String, Integer> docs) throws SQLException {
        inTransaction(() -> {
            try (Statement s = db.createStatement()) {
                s.executeUpdate("UPDATE texts SET doc = NULL");
            }
            PreparedStatement q = ps("UPDATE texts SET doc = ? WHERE id = ?");
            for (Map.Entry<String, Integer> e : docs.entrySet()) {
                q.setInt(1, e.getValue());
                q.setString(2, e.getKey());
                q.addBatch();
            }
            q.executeBatch();
            return null;
        });
    }

    synchronized void setOwn(String id, int own) throws SQLException {
        update("UPDATE texts SET own = ? WHERE id = ?", own, id);
    }

    // ---- pairs

    synchronized void putPairs(List<CopyIndex.PairRow> rows) throws SQLException {
        PreparedStatement q = ps("INSERT OR REPLACE INTO pairs VALUES (?,?,?,?)");
        for (CopyIndex.PairRow p : rows) {
            q.setString(1, p.copy());
            q.setString(2, p.source());
            q.setDouble(3, p.share());
            q.setInt(4, p.template() ? 1 : 0);
            q.addBatch();
        }
        q.executeBatch();
    }

    synchronized void deletePairsOf(String id) throws SQLException {
        update("DELETE FROM pairs WHERE copy = ?", id);
        update("DELETE FROM pairs WHERE source = ?", id);
    }

    synchronized void clearAll() throws SQLException {
        completeReports = -1;
        try (Statement s = db.createStatement()) {
            for (String t : List.of("texts", "pairs", "points", "bands", "links", "state", "dirty")) {
                s.executeUpdate("DELETE FROM " + t);
            }
        }
    }

    synchronized boolean hasText(String id) throws SQLException {
        return first("SELECT 1 FROM texts WHERE id = ?", rs -> true, id) != null;
    }

    /**
     * Placed reports (not templates): what the snapshot's limits are counted on. Asked before every
     * archive-wide answer and 查重 (is a new snapshot due?), so counted once and again only after the texts
     * change: counting the table's rows read it whole, prints and all, and was three quarters of a
     * 查重 at 100,000 reports (150 of 200 ms).
     */
    synchronized long completeReports() throws SQLException {
        if (completeReports < 0) {
            completeReports = count("SELECT count(*) FROM texts WHERE complete = 1 AND template = 0");
        }
        return completeReports;
    }

    synchronized long pointCount() throws SQLException {
        return count("SELECT count(*) FROM points");
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    interface BucketConsumer {
        void accept(long key, List<Long> ords) throws SQLException;
    }

    /** Every band bucket of two points or more, its members smallest first. */
    synchronized void forEachBucket(BucketConsumer each) throws SQLException {
        List<Long> ords = new ArrayList<>();
        long key = 0;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT key, ord FROM bands ORDER BY key, ord")) {
            while (rs.next()) {
                long k = rs.getLong(1);
                if (!ords.isEmpty() && k != key) {
                    if (ords.size() > 1) {
                        each.accept(key, ords);
                    }
                    ords = new ArrayList<>();
                }
                key = k;
                ords.add(rs.getLong(2));
            }
        }
        if (ords.size() > 1) {
            each.accept(key, ords);
        }
    }

    synchronized void clearDerived() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM pairs");
            s.executeUpdate("DELETE FROM links");
        }
    }

    /** The most-shared pairs, with both texts' particulars. */
    synchronized List<CopyCheck.Pair> topPairs(int limit) throws SQLException {
        List<CopyCheck.Pair> out = new ArrayList<>();
        PreparedStatement q = ps("""
            SELECT p.share, p.template, c.id, c.unit, c.author, c.year, c.title, s.id, s.unit, s.author, s.year, s.title
            FROM pairs p JOIN texts c ON c.id = p.copy JOIN texts s ON s.id = p.source
            ORDER BY p.share DESC, p.copy, p.source LIMIT ?""");
        q.setInt(1, limit);
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(new CopyCheck.Pair(
                        new CopyCheck.DocRef(rs.getString(3), rs.getString(4), rs.getString(5), getInt(rs, 6), rs.getString(7)),
                        new CopyCheck.DocRef(rs.getString(8), rs.getString(9), rs.getString(10), getInt(rs, 11), rs.getString(12)),
                        rs.getDouble(1), rs.getInt(2) == 1));
            }
        }
        return out;
    }

    // ---- points, bands, links

    record PointRow(long ord, String id, String ref, String aspect, String text, String unit, String author, Integer year) {
    }

    synchronized void putPoint(PointRow p) throws SQLException {
        PreparedStatement q = ps("INSERT OR REPLACE INTO points VALUES (?,?,?,?,?,?,?,?)");
        q.setLong(1, p.ord());
        q.setString(2, p.id());
        q.setString(3, p.ref());
        q.setString(4, p.aspect());
        q.setString(5, p.text());
        q.setString(6, p.unit());
        q.setString(7, p.author());
        setInt(q, 8, p.year());
        q.executeUpdate();
    }

    synchronized List<Long> pointsOf(String id) throws SQLException {
        return longs("SELECT ord FROM points WHERE id = ? ORDER BY ord", id);
    }

    synchronized String pointText(long ord) throws SQLException {
        return first("SELECT text FROM points WHERE ord = ?", rs -> rs.getString(1), ord);
    }

    synchronized void deletePoint(long ord) throws SQLException {
        update("DELETE FROM points WHERE ord = ?", ord);
    }

    /** The members of a band's bucket, smallest first (the first is the bucket's representative). */
    synchronized List<Long> bucket(long key) throws SQLException {
        return longs("SELECT ord FROM bands WHERE key = ? ORDER BY ord", key);
    }

    synchronized Long representative(long key) throws SQLException {
        return first("SELECT ord FROM bands WHERE key = ? ORDER BY ord LIMIT 1", rs -> rs.getLong(1), key);
    }

    synchronized void putBand(long key, long ord) throws SQLException {
        update("INSERT OR IGNORE INTO bands VALUES (?,?)", key, ord);
    }

    synchronized List<Long> bandsOf(long ord) throws SQLException {
        return longs("SELECT key FROM bands WHERE ord = ?", ord);
    }

    synchronized void deleteBand(long key, long ord) throws SQLException {
        update("DELETE FROM bands WHERE key = ? AND ord = ?", key, ord);
    }

    synchronized void putLink(long key, long ord, long rep) throws SQLException {
        update("INSERT OR REPLACE INTO links VALUES (?,?,?)", key, ord, rep);
    }

    synchronized void deleteLink(long key, long ord) throws SQLException {
        update("DELETE FROM links WHERE key = ? AND ord = ?", key, ord);
    }

    /** How many links the band had. */
    synchronized int deleteLinksOf(long key) throws SQLException {
        return update("DELETE FROM links WHERE key = ?", key);
    }

    interface LinkConsumer {
        void accept(long ord, long rep);
    }

    /**
     * Every link as (ord, rep), a band at a time: a band's links share their representative, so one row
     * of the band (its representative and its points' ords) stands for them all, and the few bands whose
     * links name more than one representative are read link by link. 130,000 rows for 3 million links at
     * 100,000 reports: each row is a call into the driver per column.
     */
    synchronized void forEachLink(LinkConsumer each) throws SQLException {
        List<Long> mixed = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT key, min(rep), max(rep), group_concat(ord) FROM links GROUP BY key")) {
            while (rs.next()) {
                long rep = rs.getLong(2);
                if (rep != rs.getLong(3)) {
                    mixed.add(rs.getLong(1));
                    continue;
                }
                forEachNumber(rs.getString(4), ord -> each.accept(ord, rep));
            }
        }
        for (long key : mixed) {
            PreparedStatement q = ps("SELECT ord, rep FROM links WHERE key = ?");
            q.setLong(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs.getLong(1), rs.getLong(2));
                }
            }
        }
    }

    interface ReportPointsConsumer {
        void accept(String id, String unit, Integer year, long[] ords);
    }

    /**
     * Every report's points (their ords, in no order) with its unit and year, a row per report, from the
     * index on (id, unit, year), which holds each point's ord as its row id: neither the points' texts nor
     * a row per point are read. At 100,000 reports a row per point from the table took 2 s warm and 12 s
     * from disk, the table's pages holding the texts.
     */
    synchronized void forEachReportPoints(ReportPointsConsumer each) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT id, unit, year, group_concat(ord) FROM points INDEXED BY points_report GROUP BY id, unit, year""")) {
            while (rs.next()) {
                java.util.stream.LongStream.Builder ords = java.util.stream.LongStream.builder();
                forEachNumber(rs.getString(4), ords::add);
                each.accept(rs.getString(1), rs.getString(2), getInt(rs, 3), ords.build().toArray());
            }
        }
    }

    /** Each number of a comma-separated list of integers (as group_concat gives them). */
    private static void forEachNumber(String list, java.util.function.LongConsumer each) {
        if (list == null) {
            return;
        }
        int start = 0;
        while (start < list.length()) {
            int end = list.indexOf(',', start);
            if (end < 0) {
                end = list.length();
            }
            try {
                each.accept(Long.parseLong(list, start, end, 10));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("not a list of numbers: " + list, e);
            }
            start = end + 1;
        }
    }

    synchronized PointRow point(long ord) throws SQLException {
        return first("SELECT ord, id, ref, aspect, text, unit, author, year FROM points WHERE ord = ?",
                rs -> new PointRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), getInt(rs, 8)), ord);
    }

    // ---- state and dirty marks

    synchronized byte[] state(String key) throws SQLException {
        return first("SELECT value FROM state WHERE key = ?", rs -> rs.getBytes(1), key);
    }

    synchronized void setState(String key, byte[] value) throws SQLException {
        update("INSERT OR REPLACE INTO state VALUES (?,?)", key, value);
    }

    synchronized void markDirty(List<String> ids) throws SQLException {
        inTransaction(() -> {
            PreparedStatement q = ps("INSERT OR IGNORE INTO dirty VALUES (?)");
            for (String id : ids) {
                q.setString(1, id);
                q.addBatch();
            }
            q.executeBatch();
            return null;
        });
    }

    synchronized List<String> dirty() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM dirty ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    synchronized void clean(String id) throws SQLException {
        update("DELETE FROM dirty WHERE id = ?", id);
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String utf8(byte[] b) {
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] number(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static void setInt(PreparedStatement q, int i, Integer v) throws SQLException {
        if (v == null) {
            q.setNull(i, Types.INTEGER);
        } else {
            q.setInt(i, v);
        }
    }

    private static Integer getInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    @Override
    public synchronized void close() throws SQLException {
        for (PreparedStatement q : statements.values()) {
            q.close();
        }
        statements.clear();
        db.close();
    }
}
