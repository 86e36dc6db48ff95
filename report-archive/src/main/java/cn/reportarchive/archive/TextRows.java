package cn.reportarchive.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's {@code texts} table: each report's normalised extracted text (see {@link StoredText}),
 * written in the same transaction as the report's row. Statements only; {@link Catalog} holds the
 * connection and the transactions.
 */
final class TextRows {
    private TextRows() {
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS texts (
                  id TEXT PRIMARY KEY,
                  encoding TEXT NOT NULL,
                  media_type TEXT,
                  ocr INTEGER NOT NULL,
                  unreadable TEXT,
                  body BLOB NOT NULL)""");
    }

    static Optional<StoredText> of(Connection db, String id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT encoding, body, media_type, ocr, unreadable FROM texts WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new StoredText(rs.getString(1), rs.getBytes(2), rs.getString(3),
                        rs.getInt(4) == 1, lines(rs.getString(5)))) : Optional.empty();
            }
        }
    }

    static void put(Connection db, String id, StoredText text) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "INSERT OR REPLACE INTO texts (id, encoding, media_type, ocr, unreadable, body) VALUES (?,?,?,?,?,?)")) {
            q.setString(1, id);
            q.setString(2, text.encoding());
            q.setString(3, text.mediaType());
            q.setInt(4, text.ocr() ? 1 : 0);
            // one sentence per unreadable part, a line each (a sentence holds no line break)
            q.setString(5, text.unreadable().isEmpty() ? null : String.join("\n", text.unreadable()));
            q.setBytes(6, text.bytes());
            q.executeUpdate();
        }
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    static void delete(Connection db, String id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("DELETE FROM texts WHERE id = ?")) {
            q.setString(1, id);
            q.executeUpdate();
        }
    }
}
