package cn.reportarchive.auth;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The accounts and the audit log of an archive, both in its catalog file. Opened on its own by the
 * {@code user} commands, which must work while {@code serve} holds the search index.
 */
public record AuthStore(Accounts accounts, AuditLog audit) implements AutoCloseable {
    public static AuthStore open(Path catalogFile, PasswordHasher hasher, Clock clock) throws SQLException {
        Accounts accounts = new Accounts(catalogFile, hasher, clock);
        try {
            return new AuthStore(accounts, new AuditLog(catalogFile, clock));
        } catch (SQLException | RuntimeException e) {
            accounts.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            accounts.close();
        } finally {
            audit.close();
        }
    }
}
