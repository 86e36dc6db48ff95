package cn.reportarchive.archive;

import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.ItemRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's {@code corrections} table: what people corrected, one row per report and field (and
 * block, for an aspect), kept apart from the parsed report so that every re-parse applies it again.
 * Statements only; {@link Catalog} holds the connection and the transactions.
 */
final class CorrectionRows {
    private CorrectionRows() {
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS corrections (
                  report_id TEXT NOT NULL,
                  field TEXT NOT NULL,
                  ref TEXT NOT NULL DEFAULT '',
                  original TEXT,
                  value TEXT NOT NULL,
                  by_user TEXT,
                  at TEXT NOT NULL,
                  PRIMARY KEY (report_id, field, ref))""");
    }

    static List<Correction> of(Connection db, String id) throws SQLException {
        List<Correction> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT field, ref, original, value, by_user, at FROM corrections"
                + " WHERE report_id = ? ORDER BY at, rowid")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Optional<Correction.Field> field = Correction.Field.fromKey(rs.getString(1));
                    if (field.isEmpty()) {
                        continue; // a field of a later version: kept in the table, not applied here
                    }
                    String ref = rs.getString(2);
                    out.add(new Correction(field.get(), ref.isEmpty() ? null : ItemRef.tryParse(ref).orElse(null),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    static Set<String> reportIds(Connection db) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT report_id FROM corrections ORDER BY report_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Each correction replaces an earlier one about the same thing (the primary key). */
    static void put(Connection db, String reportId, List<Correction> made) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("INSERT OR REPLACE INTO corrections"
                + " (report_id, field, ref, original, value, by_user, at) VALUES (?,?,?,?,?,?,?)")) {
            for (Correction c : made) {
                q.setString(1, reportId);
                q.setString(2, c.field().key());
                q.setString(3, c.ref() == null ? "" : c.ref().toString());
                q.setString(4, c.original());
                q.setString(5, c.value());
                q.setString(6, c.by());
                q.setString(7, c.at());
                q.executeUpdate();
            }
        }
    }

    static void delete(Connection db, String reportId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("DELETE FROM corrections WHERE report_id = ?")) {
            q.setString(1, reportId);
            q.executeUpdate();
        }
    }
}
