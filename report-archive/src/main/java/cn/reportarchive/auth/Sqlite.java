package cn.reportarchive.auth;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A connection to the catalog file as the catalog itself opens it: WAL, fsync on commit, waits for a writer. */
final class Sqlite {
    private Sqlite() {
    }

    static Connection open(Path file) throws SQLException {
        return open(file, new java.util.Properties());
    }

    /**
     * A connection whose transactions take the write lock at BEGIN: a writer that reads the last
     * entry and appends the next must not find another process's entry slipped in between.
     */
    static Connection openImmediate(Path file) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
        return open(file, config.toProperties());
    }

    private static Connection open(Path file, java.util.Properties properties) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
