package cn.reportarchive.archive;

import cn.reportarchive.json.JsonMappers;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportKind;
import cn.reportarchive.parse.ReportSummary;
import cn.reportarchive.parse.ReportWarning;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The catalog of reports in SQLite: one row per archived original, with the metadata the user
 * gave, the effective metadata for listing, and the parsed report as JSON. A row exists only for
 * a report whose original is stored and whose passages are indexed.
 */
public final class Catalog implements AutoCloseable {
    private static final String COLUMNS = "id, sha256, filename, media_type, size, imported_at, "
            + "given_unit, given_year, given_author, report_json";

    private final Connection db;
    private final ObjectMapper json = JsonMappers.create();

    public Catalog(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS archive_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS reports (
                      id TEXT PRIMARY KEY,
                      sha256 TEXT NOT NULL UNIQUE,
                      filename TEXT,
                      media_type TEXT,
                      size INTEGER NOT NULL,
                      imported_at TEXT NOT NULL,
                      given_unit TEXT,
                      given_year INTEGER,
                      given_author TEXT,
                      title TEXT,
                      year INTEGER,
                      unit TEXT,
                      author TEXT,
                      kind TEXT,
                      report_json TEXT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS reports_unit_year ON reports(unit, year)");
            // the list's other orders, read a page at a time (Listing)
            s.execute("CREATE INDEX IF NOT EXISTS reports_year ON reports(year, unit)");
            s.execute("CREATE INDEX IF NOT EXISTS reports_imported ON reports(imported_at, id)");
            CorrectionRows.create(s);
            TextRows.create(s);
        }
    }

    private Catalog(Connection db) {
        this.db = db;
    }

    /**
     * The catalog for reading only, beside a process that writes it (SQLite's WAL lets readers and
     * one writer work at once): for verify and backup while serve runs.
     */
    public static Catalog readOnly(Path file) throws SQLException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new SQLException("no catalog at " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return new Catalog(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties()));
    }

    /**
     * Writes a consistent copy of the whole database, every table (reports, and whatever else lives
     * here), to a new file, as of one moment, while others go on writing.
     */
    public static void snapshot(Path database, Path target) throws SQLException {
        try (Catalog db = readOnly(database)) {
            db.snapshotTo(target);
        }
    }

    private synchronized void snapshotTo(Path target) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("VACUUM INTO ?")) {
            q.setString(1, target.toAbsolutePath().toString());
            q.execute();
        }
    }

    /** SQLite's own check of its pages and indexes: empty when sound, else what it found. */
    public synchronized List<String> integrityProblems() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                if (!"ok".equals(rs.getString(1))) {
                    problems.add(rs.getString(1));
                }
            }
        }
        return problems;
    }

    /** Every report's id and the hash of its original, in id order. */
    public synchronized Map<String, String> shaById() throws SQLException {
        Map<String, String> shas = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, sha256 FROM reports ORDER BY id")) {
            while (rs.next()) {
                shas.put(rs.getString(1), rs.getString(2));
            }
        }
        return shas;
    }

    /** Every report's id and unit (null: none), in id order: the unit directory's check on open reads no report body. */
    public synchronized Map<String, String> unitById() throws SQLException {
        Map<String, String> units = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, unit FROM reports ORDER BY id")) {
            while (rs.next()) {
                units.put(rs.getString(1), rs.getString(2));
            }
        }
        return units;
    }

    /** The file name each report was imported under, for messages. */
    public synchronized Optional<String> filenameOf(String id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT filename FROM reports WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Marks the index as not matching the catalog until it is rebuilt (a reindex under way): should
     * the process die meanwhile, opening the archive rebuilds the index from the catalog.
     */
    public synchronized void setIndexStale(boolean stale) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(stale
                ? "INSERT OR REPLACE INTO archive_state (key, value) VALUES ('index_stale', '1')"
                : "DELETE FROM archive_state WHERE key = 'index_stale'")) {
            q.executeUpdate();
        }
    }

    public synchronized boolean indexStale() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'archive_state'")) {
            if (!rs.next()) {
                return false; // a catalog from before the table, opened read-only
            }
        }
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM archive_state WHERE key = 'index_stale'")) {
            return rs.next();
        }
    }

    public synchronized Optional<String> idOfSha(String sha256) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM reports WHERE sha256 = ?")) {
            q.setString(1, sha256);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public synchronized void insert(StoredReport stored) throws SQLException {
        insertAll(List.of(stored));
    }

    /** Writes the rows in one transaction: all of them or none. */
    public synchronized void insertAll(List<StoredReport> rows) throws SQLException {
        insertAll(rows, Map.of());
    }

    /** Writes the rows and their extracted texts (by report id) in one transaction: all of them or none. */
    public synchronized void insertAll(List<StoredReport> rows, Map<String, StoredText> texts) throws SQLException {
        db.setAutoCommit(false);
        try {
            for (StoredReport stored : rows) {
                insertRow(stored);
                StoredText text = texts.get(stored.report().id());
                if (text != null) {
                    TextRows.put(db, stored.report().id(), text);
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private void insertRow(StoredReport stored) throws SQLException {
        Report r = stored.report();
        try (PreparedStatement q = db.prepareStatement("INSERT INTO reports (" + COLUMNS
                + ", title, year, unit, author, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            q.setString(1, r.id());
            q.setString(2, r.sha256());
            q.setString(3, r.filename());
            q.setString(4, r.mediaType());
            q.setLong(5, stored.size());
            q.setString(6, stored.importedAt() != null ? stored.importedAt() : Instant.now().toString());
            q.setString(7, stored.given().unit());
            setInt(q, 8, stored.given().year());
            q.setString(9, stored.given().author());
            q.setString(10, toJson(r));
            bindListing(q, 11, r);
            q.executeUpdate();
        }
    }

    /** Replaces the parsed report (after a re-parse); what was given on import stays. */
    public synchronized void update(Report r) throws SQLException {
        updateAll(List.of(r));
    }

    /** Replaces several parsed reports in one transaction. */
    public synchronized void updateAll(List<Report> reports) throws SQLException {
        updateAll(reports, Map.of());
    }

    /**
     * Replaces several parsed reports, and stores the texts given (by report id: those of an archive
     * from before the texts were kept, extracted once now), in one transaction.
     */
    public synchronized void updateAll(List<Report> reports, Map<String, StoredText> texts) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement q = db.prepareStatement(
                "UPDATE reports SET report_json = ?, title = ?, year = ?, unit = ?, author = ?, kind = ? WHERE id = ?")) {
            for (Report r : reports) {
                q.setString(1, toJson(r));
                bindListing(q, 2, r);
                q.setString(7, r.id());
                q.executeUpdate();
            }
            for (Map.Entry<String, StoredText> t : texts.entrySet()) {
                TextRows.put(db, t.getKey(), t.getValue());
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static void bindListing(PreparedStatement q, int from, Report r) throws SQLException {
        q.setString(from, r.title());
        setInt(q, from + 1, r.year());
        q.setString(from + 2, r.unit());
        q.setString(from + 3, r.author());
        q.setString(from + 4, r.kind() == null ? null : r.kind().key());
    }

    public synchronized Optional<StoredReport> get(String id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM reports WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Reports filtered by unit and year (null: any), ordered by unit, year and title. */
    public synchronized List<StoredReport> list(String unit, Integer year) throws SQLException {
        try (PreparedStatement q = filtered(COLUMNS, unit, year)) {
            List<StoredReport> result = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
            return result;
        }
    }

    /**
     * The reports after {@code afterId} in id order, at most {@code limit}: a reader of the whole
     * archive goes page by page and never holds the catalog for long.
     */
    public synchronized List<StoredReport> page(String afterId, int limit) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM reports WHERE id > ? ORDER BY id LIMIT ?")) {
            q.setString(1, afterId == null ? "" : afterId);
            q.setInt(2, limit);
            List<StoredReport> result = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
            return result;
        }
    }

    /** Summaries straight from the columns: listing 100,000 reports must not decode their bodies. */
    private static final String SUMMARY_COLUMNS = "id, title, year, unit, author, json_extract(report_json, '$.post'), kind,"
            + " json_extract(report_json, '$.meeting'), sha256, filename, media_type,"
            + " json_extract(report_json, '$.ocr'), json_extract(report_json, '$.warnings')";

    public synchronized List<ReportSummary> summaries(String unit, Integer year) throws SQLException {
        try (PreparedStatement q = filtered(SUMMARY_COLUMNS, unit, year)) {
            return summaries(q);
        }
    }

    private List<ReportSummary> summaries(PreparedStatement q) throws SQLException {
        List<ReportSummary> out = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                int y = rs.getInt(3);
                Integer yearValue = rs.wasNull() ? null : y;
                out.add(new ReportSummary(rs.getString(1), rs.getString(2), yearValue, rs.getString(4),
                        rs.getString(5), rs.getString(6), ReportKind.fromKey(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12) == 1,
                        warnings(rs.getString(13))));
            }
        }
        return out;
    }

    /** One page of the list, filtered and ordered in SQL (see {@link Listing}). */
    public synchronized Listing.Page page(Listing listing) throws SQLException {
        return ListingQueries.page(db, listing, ids -> {
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement q = db.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM reports WHERE id IN ("
                    + "?,".repeat(ids.size() - 1) + "?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    q.setString(i + 1, ids.get(i));
                }
                return ListingQueries.inOrder(ids, summaries(q));
            }
        });
    }

    /** A page of units of the unit × year grid (see {@link Listing.Grid}). */
    public synchronized Listing.Grid grid(Listing listing) throws SQLException {
        return ListingQueries.grid(db, listing);
    }

    /** The query for these columns of the reports of a unit and year (null: any), in listing order. */
    private PreparedStatement filtered(String columns, String unit, Integer year) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + columns + " FROM reports WHERE 1=1");
        if (unit != null) {
            sql.append(" AND unit = ?");
        }
        if (year != null) {
            sql.append(" AND year = ?");
        }
        sql.append(" ORDER BY unit IS NULL, unit, year, author, title, id");
        PreparedStatement q = db.prepareStatement(sql.toString());
        int i = 1;
        if (unit != null) {
            q.setString(i++, unit);
        }
        if (year != null) {
            q.setInt(i, year);
        }
        return q;
    }

    public synchronized Set<String> ids() throws SQLException {
        return ids("SELECT id FROM reports ORDER BY id");
    }

    /**
     * Every id, a unit's reports together (by unit, then year): the order to write an index in. The index
     * is sorted by passage length and keeps the order of writing among passages of one length, so a unit
     * written together stays in few postings blocks, and a viewer limited to it walks few (a rebuild in id
     * order, a hash, spread one unit's 1,675 passages over 1,124 blocks of 128 instead of 212, and made its
     * 查相似表述 half again as slow at 100,000 reports).
     */
    public synchronized Set<String> idsByUnit() throws SQLException {
        return ids("SELECT id FROM reports ORDER BY unit, year, id");
    }

    private Set<String> ids(String sql) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    public synchronized int count() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM reports")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Removes a report's row with its corrections and its text, in one transaction. */
    public synchronized boolean delete(String id) throws SQLException {
        db.setAutoCommit(false);
        try {
            boolean deleted;
            try (PreparedStatement q = db.prepareStatement("DELETE FROM reports WHERE id = ?")) {
                q.setString(1, id);
                deleted = q.executeUpdate() > 0;
            }
            CorrectionRows.delete(db, id);
            TextRows.delete(db, id);
            db.commit();
            return deleted;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The corrections people made to a report, in the order they were made. */
    public synchronized List<Correction> corrections(String id) throws SQLException {
        return CorrectionRows.of(db, id);
    }

    /** Ids of the reports that carry corrections. */
    public synchronized Set<String> corrected() throws SQLException {
        return CorrectionRows.reportIds(db);
    }

    /**
     * Stores new corrections (each replacing an earlier one about the same thing) and the corrected
     * report in one transaction: the report's row never disagrees with its corrections.
     */
    public synchronized void correct(Report corrected, List<Correction> made) throws SQLException {
        db.setAutoCommit(false);
        try {
            CorrectionRows.put(db, corrected.id(), made);
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE reports SET report_json = ?, title = ?, year = ?, unit = ?, author = ?, kind = ? WHERE id = ?")) {
                u.setString(1, toJson(corrected));
                bindListing(u, 2, corrected);
                u.setString(7, corrected.id());
                if (u.executeUpdate() != 1) {
                    throw new SQLException("report " + corrected.id() + " is not in the catalog");
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** A report's stored extracted text, if the catalog has it (an archive from before the texts has none). */
    public synchronized Optional<StoredText> text(String id) throws SQLException {
        return TextRows.of(db, id);
    }

    private StoredReport row(ResultSet rs) throws SQLException {
        Report report = fromJson(rs.getString("report_json"));
        int yearValue = rs.getInt("given_year");
        Integer givenYear = rs.wasNull() ? null : yearValue;
        ImportMetadata given = new ImportMetadata(rs.getString("given_unit"), givenYear, rs.getString("given_author"));
        return new StoredReport(report, given, rs.getLong("size"), rs.getString("imported_at"));
    }

    private List<ReportWarning> warnings(String jsonArray) throws SQLException {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(jsonArray, ReportWarning[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode the warnings of a catalog row", e);
        }
    }

    private static void setInt(PreparedStatement q, int index, Integer value) throws SQLException {
        if (value == null) {
            q.setNull(index, Types.INTEGER);
        } else {
            q.setInt(index, value);
        }
    }

    private String toJson(Report report) throws SQLException {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode report " + report.id(), e);
        }
    }

    private Report fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, Report.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode a catalog row", e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
