package cn.reportarchive.auth;

import cn.reportarchive.archive.UnitDirectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
    @TempDir
    Path dir;
    private Accounts accounts;

    @BeforeEach
    void open() throws Exception {
        // a low cost: this test is about the accounts, PasswordHasherTest about the hash
        accounts = new Accounts(dir.resolve("catalog.db"), new PasswordHasher(1000), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        accounts.close();
    }

    @Test
    void addFindAuthenticate() throws Exception {
        assertFalse(accounts.any());
        accounts.add("zhang", Role.ADMIN, List.of(), "correct horse".toCharArray());
        assertTrue(accounts.any());
        Account a = accounts.authenticate("zhang", "correct horse".toCharArray()).orElseThrow();
        assertEquals(Role.ADMIN, a.role());
        assertTrue(a.access(UnitDirectory::key).all());
        assertTrue(accounts.authenticate("zhang", "wrong horse".toCharArray()).isEmpty());
        assertTrue(accounts.authenticate("nobody", "correct horse".toCharArray()).isEmpty());
    }

    @Test
    void aViewerReadsItsUnitsAsTheArchiveShowsThem() throws Exception {
        Account v = accounts.add("li", Role.VIEWER, List.of("中共临江县财政局党组", "云溪镇"), "password1".toCharArray());
        assertEquals(List.of("中共临江县财政局党组", "云溪镇"), v.units());
        // the archive's unit directory resolves the names; its key function stands in for it here
        Access access = v.access(UnitDirectory::key);
        assertTrue(access.mayRead("临江县财政局"));
        assertTrue(access.mayRead("云溪镇"));
        assertFalse(access.mayRead("青山区市场监督管理局"));
        assertFalse(access.mayRead(null), "a report without a unit is not a viewer's");
        assertEquals(Set.of("临江县财政局", "云溪镇"), access.units());
    }

    @Test
    void badInputIsRefusedWithAReason() throws Exception {
        accounts.add("zhang", Role.ADMIN, List.of(), "password1".toCharArray());
        assertFalse(assertThrows(AccountException.class,
                () -> accounts.add("zhang", Role.INSPECTOR, List.of(), "password2".toCharArray())).badInput());
        for (Runnable bad : List.<Runnable>of(
                () -> add("wang", Role.VIEWER, List.of(), "password1"),
                () -> add("wang", Role.INSPECTOR, List.of("云溪镇"), "password1"),
                () -> add("wang", Role.ADMIN, List.of(), "short"),
                () -> add("password1", Role.ADMIN, List.of(), "password1"),
                () -> add("wang li", Role.ADMIN, List.of(), "password1"),
                () -> add("", Role.ADMIN, List.of(), "password1"),
                () -> add("x".repeat(65), Role.ADMIN, List.of(), "password1"))) {
            AccountException e = assertThrows(AccountException.class, bad::run);
            assertTrue(e.badInput());
            assertTrue(e.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        }
        assertEquals(1, accounts.list().size());
    }

    private void add(String name, Role role, List<String> units, String password) {
        try {
            accounts.add(name, role, units, password.toCharArray());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void thePasswordIsNeverStoredInClear() throws Exception {
        accounts.add("zhao", Role.INSPECTOR, List.of(), "无人知晓的口令-7391".toCharArray());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"));
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM users")) {
            assertTrue(rs.next());
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String value = rs.getString(i);
                assertFalse(value != null && value.contains("7391"), rs.getMetaData().getColumnName(i));
            }
        }
        accounts.close();
        for (Path f : Files.list(dir).toList()) {
            assertFalse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).contains("无人知晓的口令"), f.toString());
        }
        open();
    }

    @Test
    void aNewPasswordAdvancesTheGenerationAndRemovalForgetsTheAccount() throws Exception {
        long before = accounts.add("sun", Role.INSPECTOR, List.of(), "password1".toCharArray()).generation();
        accounts.setPassword("sun", "password2".toCharArray());
        assertTrue(accounts.authenticate("sun", "password1".toCharArray()).isEmpty());
        Account after = accounts.authenticate("sun", "password2".toCharArray()).orElseThrow();
        assertEquals(before + 1, after.generation());
        assertThrows(AccountException.class, () -> accounts.setPassword("nobody", "password3".toCharArray()));
        assertTrue(accounts.remove("sun"));
        assertFalse(accounts.remove("sun"));
        assertFalse(accounts.any());
    }

    @Test
    void anArchiveFromBeforeIdsGetsAnIdForEachAccountAndNewAccountsNeverReuseOne() throws Exception {
        accounts.close();
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, units TEXT NOT NULL,"
                    + " password_hash TEXT NOT NULL, created_at TEXT NOT NULL, generation INTEGER NOT NULL)");
            s.execute("INSERT INTO users VALUES ('old', 'inspector', '[]', 'x', '2023-01-01T00:00:00Z', 3)");
        }
        accounts = new Accounts(old, new PasswordHasher(1000), Clock.systemUTC());
        Account migrated = accounts.find("old").orElseThrow();
        assertEquals(32, migrated.id().length());
        assertEquals(3, migrated.generation());
        assertFalse(migrated.disabled());
        String first = accounts.add("again", Role.INSPECTOR, List.of(), "password1".toCharArray()).id();
        accounts.remove("again");
        String second = accounts.add("again", Role.INSPECTOR, List.of(), "password1".toCharArray()).id();
        assertFalse(first.equals(second), "a name created again is another account");
        assertTrue(accounts.byId(first).isEmpty());
    }

    @Test
    void anExpiredPasswordIsToldAndANewOneStartsAnotherPeriod() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId z) { return this; }
            @Override public java.time.Instant instant() { return now.get(); }
        };
        accounts.close();
        accounts = new Accounts(dir.resolve("expiry.db"), new PasswordHasher(1000), clock);
        Account a = accounts.add("zhou", Role.INSPECTOR, List.of(), "password-1".toCharArray());
        assertFalse(accounts.expired(a), "no expiry by default");
        accounts.setPolicy(new PasswordPolicy(10, 3, 90));
        now.set(java.time.Instant.parse("2024-03-30T00:00:00Z"));
        assertFalse(accounts.expired(accounts.find("zhou").orElseThrow()));
        now.set(java.time.Instant.parse("2024-04-01T00:00:00Z"));
        assertTrue(accounts.expired(accounts.find("zhou").orElseThrow()), "90 days on");
        AccountException weak = assertThrows(AccountException.class, () -> accounts.setPassword("zhou", "password22".toCharArray()));
        assertTrue(weak.getMessage().contains("3 种"), weak.getMessage());
        accounts.setPassword("zhou", "Password-22".toCharArray());
        assertFalse(accounts.expired(accounts.find("zhou").orElseThrow()));
        assertThrows(AccountException.class, () -> new PasswordPolicy(6, 2, 0), "never below the defaults");
    }
}
