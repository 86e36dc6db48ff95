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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The accounts, in a {@code users} table of the SQLite catalog file: name, role, units (viewer),
 * password hash and a generation that a password or role change advances. Its own connection, so
 * that a session check never waits for an import's catalog write. Nothing here logs or keeps a
 * password; the hash is never read out of this class.
 */
public final class Accounts implements AutoCloseable {
    public static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 1024;
    private static final int MAX_NAME = 64;

    private final Connection db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Accounts(Path file, PasswordHasher hasher, Clock clock) throws SQLException {
        this.hasher = hasher;
        this.clock = clock;
        db = Sqlite.open(file);
        try (Statement s = db.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS users (
                      name TEXT PRIMARY KEY,
                      role TEXT NOT NULL,
                      units TEXT NOT NULL,
                      password_hash TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      generation INTEGER NOT NULL)""");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /** Whether any account exists: from then on the server asks everyone to sign in. */
    public synchronized boolean any() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS(SELECT 1 FROM users)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    public Account add(String name, Role role, List<String> units, char[] password) throws SQLException {
        String n = checkName(name);
        List<String> u = checkUnits(role, units);
        checkPassword(n, password);
        String hash = hasher.hash(password); // outside the lock: it takes a third of a second
        synchronized (this) {
            if (find(n).isPresent()) {
                throw new AccountException("账户“" + n + "”已存在。", false);
            }
            try (PreparedStatement q = db.prepareStatement(
                    "INSERT INTO users (name, role, units, password_hash, created_at, generation) VALUES (?,?,?,?,?,1)")) {
                q.setString(1, n);
                q.setString(2, role.key());
                q.setString(3, toJson(u));
                q.setString(4, hash);
                q.setString(5, clock.instant().toString());
                q.executeUpdate();
            }
            return find(n).orElseThrow();
        }
    }

    public synchronized Optional<Account> find(String name) throws SQLException {
        if (name == null) {
            return Optional.empty();
        }
        try (PreparedStatement q = db.prepareStatement(
                "SELECT name, role, units, created_at, generation FROM users WHERE name = ?")) {
            q.setString(1, name.strip());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public synchronized List<Account> list() throws SQLException {
        List<Account> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, role, units, created_at, generation FROM users ORDER BY name")) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /**
     * The account when the password is right, else empty. An unknown name costs as much time as a
     * wrong password, so the answer does not tell which names exist.
     */
    public Optional<Account> authenticate(String name, char[] password) throws SQLException {
        if (name == null || password == null || password.length > MAX_PASSWORD) {
            return Optional.empty();
        }
        String stored;
        synchronized (this) {
            try (PreparedStatement q = db.prepareStatement("SELECT password_hash FROM users WHERE name = ?")) {
                q.setString(1, name.strip());
                try (ResultSet rs = q.executeQuery()) {
                    stored = rs.next() ? rs.getString(1) : null;
                }
            }
        }
        if (stored == null) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        return hasher.verify(password, stored) ? find(name) : Optional.empty();
    }

    /** A new password; sessions opened with the old one end. */
    public void setPassword(String name, char[] password) throws SQLException {
        Account account = find(name).orElseThrow(() -> unknown(name));
        checkPassword(account.name(), password);
        String hash = hasher.hash(password);
        synchronized (this) {
            try (PreparedStatement q = db.prepareStatement(
                    "UPDATE users SET password_hash = ?, generation = generation + 1 WHERE name = ?")) {
                q.setString(1, hash);
                q.setString(2, account.name());
                if (q.executeUpdate() == 0) {
                    throw unknown(name);
                }
            }
        }
    }

    public synchronized boolean remove(String name) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("DELETE FROM users WHERE name = ?")) {
            q.setString(1, name == null ? "" : name.strip());
            return q.executeUpdate() > 0;
        }
    }

    private static AccountException unknown(String name) {
        return new AccountException("没有名为“" + name + "”的账户。", false);
    }

    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new AccountException("用户名不能为空。", true);
        }
        if (n.length() > MAX_NAME) {
            throw new AccountException("用户名不能超过 " + MAX_NAME + " 个字符。", true);
        }
        if (n.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new AccountException("用户名不能含空格或控制字符。", true);
        }
        return n;
    }

    private static List<String> checkUnits(Role role, List<String> units) {
        LinkedHashSet<String> u = new LinkedHashSet<>();
        if (units != null) {
            units.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(u::add);
        }
        if (role.limitedToUnits() && u.isEmpty()) {
            throw new AccountException("查阅人员（viewer）账户必须用 --units 指定可查阅的单位。", true);
        }
        if (!role.limitedToUnits() && !u.isEmpty()) {
            throw new AccountException(role.label() + "（" + role.key() + "）可查阅全部材料，不需要 --units；"
                    + "按单位限定请用 --role viewer。", true);
        }
        return List.copyOf(u);
    }

    private static void checkPassword(String name, char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new AccountException("密码至少要有 " + MIN_PASSWORD + " 个字符。", true);
        }
        if (password.length > MAX_PASSWORD) {
            throw new AccountException("密码不能超过 " + MAX_PASSWORD + " 个字符。", true);
        }
        if (name.contentEquals(java.nio.CharBuffer.wrap(password))) {
            throw new AccountException("密码不能与用户名相同。", true);
        }
    }

    private Account row(ResultSet rs) throws SQLException {
        Role role = Role.fromKey(rs.getString("role"))
                .orElseThrow(() -> new SQLException("unknown role in the users table"));
        return new Account(rs.getString("name"), role, fromJson(rs.getString("units")),
                java.time.Instant.parse(rs.getString("created_at")), rs.getLong("generation"));
    }

    private String toJson(List<String> units) throws SQLException {
        try {
            return json.writeValueAsString(units);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode units", e);
        }
    }

    private List<String> fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode the units of an account", e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
