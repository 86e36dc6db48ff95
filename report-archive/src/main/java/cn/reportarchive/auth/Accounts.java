package cn.reportarchive.auth;

import cn.reportarchive.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The accounts, in a {@code users} table of the SQLite catalog file: a random id never reused,
 * name, role, units (viewer), password hash, when the password was set, whether the account is
 * disabled, and a generation that any change of password, role, units or state advances. The
 * password rules ({@link PasswordPolicy}) are kept beside them. Its own connection, so that a
 * session check never waits for an import's catalog write. Nothing here logs or keeps a password;
 * the hash is never read out of this class.
 */
public final class Accounts implements AutoCloseable {
    public static final int MIN_PASSWORD = PasswordPolicy.DEFAULT.minLength();
    private static final int MAX_NAME = 64;
    private static final String COLUMNS = "id, name, role, units, created_at, generation, disabled, password_set_at";

    private final Connection db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ObjectMapper json = JsonMappers.create();
    private final SecureRandom random = new SecureRandom();

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
            s.execute("CREATE TABLE IF NOT EXISTS auth_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            migrate(s);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Archives made before accounts had ids, a disabled flag and a password date get the columns;
     * each existing account a fresh random id (its open sessions, in memory, did not survive the
     * restart anyway).
     */
    private void migrate(Statement s) throws SQLException {
        List<String> have = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(users)")) {
            while (rs.next()) {
                have.add(rs.getString("name"));
            }
        }
        if (!have.contains("id")) {
            s.execute("ALTER TABLE users ADD COLUMN id TEXT");
        }
        if (!have.contains("disabled")) {
            s.execute("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0");
        }
        if (!have.contains("password_set_at")) {
            s.execute("ALTER TABLE users ADD COLUMN password_set_at TEXT");
            s.execute("UPDATE users SET password_set_at = created_at");
        }
        List<String> withoutId = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM users WHERE id IS NULL")) {
            while (rs.next()) {
                withoutId.add(rs.getString(1));
            }
        }
        try (PreparedStatement q = db.prepareStatement("UPDATE users SET id = ? WHERE name = ?")) {
            for (String name : withoutId) {
                q.setString(1, newId());
                q.setString(2, name);
                q.executeUpdate();
            }
        }
        s.execute("CREATE UNIQUE INDEX IF NOT EXISTS users_id ON users(id)");
    }

    /** 128 random bits: never the id of an account removed before. */
    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
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
        policy().check(n, password);
        String hash = hasher.hash(password); // outside the lock: it takes a third of a second
        synchronized (this) {
            if (find(n).isPresent()) {
                throw new AccountException("账户“" + n + "”已存在。", false);
            }
            String now = clock.instant().toString();
            try (PreparedStatement q = db.prepareStatement("INSERT INTO users (id, name, role, units, password_hash,"
                    + " created_at, generation, disabled, password_set_at) VALUES (?,?,?,?,?,?,1,0,?)")) {
                q.setString(1, newId());
                q.setString(2, n);
                q.setString(3, role.key());
                q.setString(4, toJson(u));
                q.setString(5, hash);
                q.setString(6, now);
                q.setString(7, now);
                q.executeUpdate();
            }
            return find(n).orElseThrow();
        }
    }

    public synchronized Optional<Account> find(String name) throws SQLException {
        if (name == null) {
            return Optional.empty();
        }
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE name = ?")) {
            q.setString(1, name.strip());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** The account of this id: what a session holds to, whatever happens to names. */
    public synchronized Optional<Account> byId(String id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public synchronized List<Account> list() throws SQLException {
        List<Account> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + COLUMNS + " FROM users ORDER BY name")) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /**
     * The account when the password is right, else empty (disabled and expired accounts too: the
     * caller tells those apart with {@link Account#disabled()} and {@link #expired(Account)}). An
     * unknown name costs as much time as a wrong password, so the answer does not tell which names exist.
     */
    public Optional<Account> authenticate(String name, char[] password) throws SQLException {
        if (name == null || password == null || password.length > PasswordPolicy.MAX_LENGTH) {
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

    /** Whether the account's password is past the policy's age. */
    public boolean expired(Account account) throws SQLException {
        return policy().expired(account.passwordSet(), clock.instant());
    }

    /** A new password; sessions opened with the old one end. */
    public void setPassword(String name, char[] password) throws SQLException {
        Account account = find(name).orElseThrow(() -> unknown(name));
        policy().check(account.name(), password);
        String hash = hasher.hash(password);
        synchronized (this) {
            try (PreparedStatement q = db.prepareStatement("UPDATE users SET password_hash = ?, password_set_at = ?,"
                    + " generation = generation + 1 WHERE id = ?")) {
                q.setString(1, hash);
                q.setString(2, clock.instant().toString());
                q.setString(3, account.id());
                if (q.executeUpdate() == 0) {
                    throw unknown(name);
                }
            }
        }
    }

    /** Another role and units (units only for a viewer); the account's sessions end. */
    public synchronized Account setRole(String name, Role role, List<String> units) throws SQLException {
        Account account = find(name).orElseThrow(() -> unknown(name));
        List<String> u = checkUnits(role, units);
        try (PreparedStatement q = db.prepareStatement(
                "UPDATE users SET role = ?, units = ?, generation = generation + 1 WHERE id = ?")) {
            q.setString(1, role.key());
            q.setString(2, toJson(u));
            q.setString(3, account.id());
            q.executeUpdate();
        }
        return find(name).orElseThrow();
    }

    /** Disables (no sign-in, sessions end) or enables an account. */
    public synchronized Account setDisabled(String name, boolean disabled) throws SQLException {
        Account account = find(name).orElseThrow(() -> unknown(name));
        try (PreparedStatement q = db.prepareStatement(
                "UPDATE users SET disabled = ?, generation = generation + 1 WHERE id = ?")) {
            q.setInt(1, disabled ? 1 : 0);
            q.setString(2, account.id());
            q.executeUpdate();
        }
        return find(name).orElseThrow();
    }

    public synchronized boolean remove(String name) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("DELETE FROM users WHERE name = ?")) {
            q.setString(1, name == null ? "" : name.strip());
            return q.executeUpdate() > 0;
        }
    }

    /** The password rules in force. */
    public synchronized PasswordPolicy policy() throws SQLException {
        int[] v = {PasswordPolicy.DEFAULT.minLength(), PasswordPolicy.DEFAULT.minClasses(),
                PasswordPolicy.DEFAULT.maxAgeDays()};
        String[] keys = {"password.min-length", "password.min-classes", "password.max-age-days"};
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM auth_settings")) {
            while (rs.next()) {
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i].equals(rs.getString(1))) {
                        v[i] = Integer.parseInt(rs.getString(2));
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new SQLException("a password setting is not a number", e);
        }
        return new PasswordPolicy(v[0], v[1], v[2]);
    }

    public synchronized void setPolicy(PasswordPolicy policy) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("INSERT OR REPLACE INTO auth_settings (key, value) VALUES (?,?)")) {
            String[][] rows = {{"password.min-length", String.valueOf(policy.minLength())},
                    {"password.min-classes", String.valueOf(policy.minClasses())},
                    {"password.max-age-days", String.valueOf(policy.maxAgeDays())}};
            for (String[] r : rows) {
                q.setString(1, r[0]);
                q.setString(2, r[1]);
                q.executeUpdate();
            }
        }
    }

    private static AccountException unknown(String name) {
        return new AccountException("没有名为“" + name + "”的账户。", false);
    }

    /**
     * A name that reads as itself: no spaces, no control characters, and none of the invisible
     * ones (zero-width, bidirectional overrides, other format characters, private or unassigned
     * code points), and already in its NFKC form (a full-width ｚhang is not a second zhang), so
     * that no account looks like another in the audit log.
     */
    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new AccountException("用户名不能为空。", true);
        }
        if (n.length() > MAX_NAME) {
            throw new AccountException("用户名不能超过 " + MAX_NAME + " 个字符。", true);
        }
        if (n.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            throw new AccountException("用户名不能含空格或控制字符。", true);
        }
        if (n.codePoints().anyMatch(Accounts::invisible)) {
            throw new AccountException("用户名不能含不可见字符（零宽字符、文字方向控制符等）。", true);
        }
        if (!Normalizer.normalize(n, Normalizer.Form.NFKC).equals(n)) {
            throw new AccountException("用户名不能含全角字母数字或兼容字符，请用常规写法。", true);
        }
        return n;
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.NON_SPACING_MARK && c >= 0xFE00 && c <= 0xFE0F
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0; // Hangul fillers render blank
    }

    private static List<String> checkUnits(Role role, List<String> units) {
        LinkedHashSet<String> u = new LinkedHashSet<>();
        if (units != null) {
            units.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(u::add);
        }
        if (role.limitedToUnits() && u.isEmpty()) {
            throw new AccountException("查阅人员（viewer）账户必须指定可查阅的单位（--units）。", true);
        }
        if (!role.limitedToUnits() && !u.isEmpty()) {
            throw new AccountException(role.label() + "（" + role.key() + "）可查阅全部材料，不需要指定单位；"
                    + "按单位限定请用 viewer 角色。", true);
        }
        for (String unit : u) {
            if (unit.length() > 200 || unit.codePoints().anyMatch(c -> Character.isISOControl(c) || invisible(c))) {
                throw new AccountException("单位名称含控制字符或不可见字符，或超过 200 个字符。", true);
            }
        }
        return List.copyOf(u);
    }

    private Account row(ResultSet rs) throws SQLException {
        Role role = Role.fromKey(rs.getString("role"))
                .orElseThrow(() -> new SQLException("unknown role in the users table"));
        String set = rs.getString("password_set_at");
        return new Account(rs.getString("id"), rs.getString("name"), role, fromJson(rs.getString("units")),
                Instant.parse(rs.getString("created_at")), rs.getLong("generation"), rs.getInt("disabled") == 1,
                set == null ? null : Instant.parse(set));
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
